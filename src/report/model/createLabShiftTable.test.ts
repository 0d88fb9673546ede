import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, type AdlbRow } from '../../clinical/index.js';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createLabShiftTable } from './createLabShiftTable.js';
import { cellAt, numberAt, rowByKey } from './testSupport.js';

describe('createLabShiftTable', () => {
  const data = buildStandardTestTrial();
  const safety = data.adsl.filter((r) => r.SAFFL === 'Y');
  const N = safety.length;
  const [a, b, c, d] = safety;
  const template: AdlbRow = { ...data.adlb[0], PARAMCD: 'platelets', ATOXDSCL: 'Platelet count decreased', ATOXDSCH: null, ATOXGRH: null, BTOXGRH: null };
  const lab = (subject: (typeof safety)[number], ady: number, grade: 0 | 1 | 2 | 3 | 4 | null, baseline = false): AdlbRow => ({
    ...template,
    USUBJID: subject.USUBJID,
    ADY: ady,
    ADT: addDays(subject.TRTSDT ?? '2021-06-01', ady - 1),
    ABLFL: baseline ? 'Y' : null,
    ATOXGRL: grade,
  });
  const window = TEST_PROTOCOL.teaeWindowDaysAfterLastDose;
  const lastDay = (subject: (typeof safety)[number]) => Math.round((Date.parse(subject.TRTEDT ?? '') - Date.parse(subject.TRTSDT ?? '')) / 86_400_000) + 1;
  const adlb = [
    lab(a, 1, 0, true),
    lab(a, 15, 2),
    lab(a, 29, 3),
    lab(b, 1, 1, true),
    lab(b, 15, 1),
    // Past the treatment-emergent window after the last dose: not on treatment.
    lab(b, lastDay(b) + window + 1, 4),
    // No baseline: the Missing row; an on-treatment grade 2.
    lab(c, 15, 2),
    // Baseline only: the Missing column.
    lab(d, 1, 0, true),
  ];
  const table = createLabShiftTable({ adsl: data.adsl, adlb }, TEST_PROTOCOL);
  const key = 'platelets:low';

  it('crosses the baseline grade with the worst on-treatment grade, each subject once', () => {
    assert.equal(rowByKey(table, key).label, 'Platelet count decreased (10^9/L)');
    assert.deepEqual(cellAt(table, `${key}:baseline:0`, 'grade3').subjects, [a.USUBJID]);
    assert.deepEqual(cellAt(table, `${key}:baseline:1`, 'grade1').subjects, [b.USUBJID]);
    assert.equal(numberAt(table, `${key}:baseline:1`, 'grade4'), 0);
  });

  it('keeps subjects without a baseline in a Missing row and those without an on-treatment value in a Missing column', () => {
    assert.deepEqual(cellAt(table, `${key}:baseline:missing`, 'grade2').subjects, [c.USUBJID]);
    assert.ok(cellAt(table, `${key}:baseline:0`, 'missing').subjects.includes(d.USUBJID));
    // Subjects with no platelet value at all are in both Missing margins; the rows add up to N.
    const rowKeys = ['0', '1', '2', '3', '4', 'missing'].map((level) => `${key}:baseline:${level}`);
    assert.equal(rowKeys.reduce((sum, k) => sum + (numberAt(table, k, 'total') ?? 0), 0), N);
    for (const k of rowKeys) {
      const byColumn = ['grade0', 'grade1', 'grade2', 'grade3', 'grade4', 'missing'].reduce((sum, id) => sum + (numberAt(table, k, id) ?? 0), 0);
      assert.equal(byColumn, numberAt(table, k, 'total'), k);
    }
  });
});
