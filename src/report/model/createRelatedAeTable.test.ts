import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tabulateAdverseEventsByTerm } from '../../clinical/index.js';
import { buildStandardTestTrial } from './buildReportTestTrial.js';
import { createRelatedAeTable } from './createRelatedAeTable.js';
import { sorted, testProtocol } from './testSupport.js';

describe('createRelatedAeTable', () => {
  const data = buildStandardTestTrial();
  const N = data.adsl.filter((r) => r.SAFFL === 'Y').length;
  const terms = tabulateAdverseEventsByTerm(data.adae, data.adsl, { relatedOnly: true });

  it('lists related terms at or above the threshold, sorted by frequency, with counts as clinical/adam', () => {
    const table = createRelatedAeTable(data.adsl, data.adae, testProtocol({ aeTermThreshold: 0.1 }));
    const expected = terms.filter((t) => t.anyGrade / N >= 0.1);
    assert.ok(expected.length < terms.length, 'the threshold drops a term');
    assert.deepEqual(table.rows.map((r) => r.label), expected.map((t) => t.term));
    table.rows.forEach((r, i) => {
      assert.equal(r.cells[0].value, expected[i].anyGrade);
      assert.equal(r.cells[1].value, expected[i].grade3OrMore);
    });
    const values = table.rows.map((r) => r.cells[0].value ?? 0);
    assert.deepEqual(values, [...values].sort((a, b) => b - a));
    assert.match(table.columns[0].label, /≥ 10% in frequency/);
  });

  it('names the subjects of each term at grade >= 3 (worst grade per subject)', () => {
    const table = createRelatedAeTable(data.adsl, data.adae, testProtocol());
    const term = 'Neutrophil count decreased';
    const row = table.rows.find((r) => r.label === term);
    assert.ok(row !== undefined);
    const severe = data.adae.filter((r) => r.AEDECOD === term && r.RELPOMFL === 'Y' && r.TRTEMFL === 'Y' && r.AETOXGR >= 3).map((r) => r.USUBJID);
    assert.deepEqual(row.cells[1].subjects, sorted(severe));
    assert.equal(row.cells[1].text, `${sorted(severe).length} (${((100 * sorted(severe).length) / N).toFixed(1)}%)`);
  });
});
