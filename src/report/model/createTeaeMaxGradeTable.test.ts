import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createTeaeBySocTable } from './createTeaeBySocTable.js';
import { createTeaeMaxGradeTable } from './createTeaeMaxGradeTable.js';
import { cellAt, numberAt, valueAt } from './testSupport.js';

describe('createTeaeMaxGradeTable', () => {
  const data = buildStandardTestTrial();
  const safety = [...new Set(data.adsl.filter((r) => r.SAFFL === 'Y').map((r) => r.USUBJID))];
  const [first, second] = safety;
  const template = data.adae[0];
  const ae = (USUBJID: string, AEDECOD: string, AETOXGR: number) => ({ ...template, USUBJID, AEDECOD, AEBODSYS: 'Investigations', AETOXGR, TRTEMFL: 'Y' as const });
  const adae = [ae(first, 'Platelet count decreased', 1), ae(first, 'Platelet count decreased', 3), ae(first, 'Neutrophil count decreased', 4), ae(second, 'Platelet count decreased', 2)];
  const table = createTeaeMaxGradeTable({ adsl: data.adsl, adae }, TEST_PROTOCOL);

  it('counts each subject once per row, at its worst grade in that row', () => {
    const term = 'soc:Investigations:term:Platelet count decreased';
    assert.deepEqual(cellAt(table, term, 'grade3').subjects, [first]);
    assert.deepEqual(cellAt(table, term, 'grade1').subjects, []);
    assert.deepEqual(cellAt(table, term, 'grade2').subjects, [second]);
    // In the class row the first subject's worst is the grade 4 neutrophil count.
    assert.deepEqual(cellAt(table, 'soc:Investigations', 'grade4').subjects, [first]);
    assert.equal(numberAt(table, 'soc:Investigations', 'grade3'), 0);
    assert.deepEqual(valueAt(table, 'any', 'any', 'count'), { kind: 'count', n: 2, N: safety.length });
  });

  it('has grade columns 1-5 that add up to any grade in every row, and the rows of the SOC table', () => {
    assert.deepEqual(table.columns.map((c) => c.id), ['any', 'grade1', 'grade2', 'grade3', 'grade4', 'grade5']);
    const real = createTeaeMaxGradeTable(data, TEST_PROTOCOL);
    assert.deepEqual(real.rows.map((r) => r.key), createTeaeBySocTable(data, TEST_PROTOCOL).rows.map((r) => r.key));
    for (const t of [table, real]) {
      for (const r of t.rows) {
        const byGrade = ['grade1', 'grade2', 'grade3', 'grade4', 'grade5'].reduce((sum, id) => sum + (numberAt(t, r.key, id) ?? 0), 0);
        assert.equal(byGrade, numberAt(t, r.key, 'any'), r.key);
      }
    }
  });
});
