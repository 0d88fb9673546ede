import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tabulateAdverseEventsByTerm } from '../../clinical/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL, withPlan } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createRelatedAeTable } from './createRelatedAeTable.js';
import { cellAt, numberAt, sorted, valueAt } from './testSupport.js';

describe('createRelatedAeTable', () => {
  const data = buildStandardTestTrial();
  const N = data.adsl.filter((r) => r.SAFFL === 'Y').length;
  const terms = tabulateAdverseEventsByTerm(data.adae, data.adsl, { safetyFlag: 'SAFFL', relatedOnly: true });

  it('lists related terms at or above the threshold, sorted by frequency, with counts as clinical/adam', () => {
    const table = createRelatedAeTable(data, withPlan({ aeTermThreshold: 0.1 }));
    const expected = terms.filter((t) => t.anyGrade / N >= 0.1);
    assert.ok(expected.length < terms.length, 'the threshold drops a term');
    assert.deepEqual(table.rows.map((r) => r.key), expected.map((t) => `term:${t.term}`));
    for (const t of expected) {
      assert.equal(numberAt(table, `term:${t.term}`, 'any'), t.anyGrade);
      assert.equal(numberAt(table, `term:${t.term}`, 'grade3'), t.grade3OrMore);
    }
    const values = table.rows.map((r) => numberAt(table, r.key, 'any') ?? 0);
    assert.deepEqual(values, [...values].sort((a, b) => b - a));
    assert.match(table.columns[0].label, /≥ 10% in frequency/);
  });

  it('names the subjects of each term at grade >= 3 (worst grade per subject)', () => {
    const table = createRelatedAeTable(data, TEST_PROTOCOL);
    const term = 'Neutrophil count decreased';
    const severe = sorted(data.adae.filter((r) => r.AEDECOD === term && r.RELINVFL === 'Y' && r.TRTEMFL === 'Y' && r.AETOXGR >= 3).map((r) => r.USUBJID));
    assert.deepEqual(cellAt(table, `term:${term}`, 'grade3').subjects, severe);
    assert.deepEqual(valueAt(table, `term:${term}`, 'grade3', 'count'), { kind: 'count', n: severe.length, N });
  });
});
