import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_PROTOCOL as P } from '../../protocols/nct05236621/index.js';
import { exampleDosing, nctSubject as exampleSubject, nctTrial as exampleTrial } from '../../protocols/nct05236621/testing/index.js';
import { adexValue, createAdex, type AdexParamcd } from './createAdex.js';
import { createAdsl } from './createAdsl.js';
import { summarizeExposure } from './summarizeExposure.js';

const ENROL = '2021-06-01';

describe('createAdex', () => {
  const subjects = [
    // 4 -> 3 -> 2 mg, dexamethasone 40 -> 20 mg.
    exampleSubject(1, { cycles: 4, overrides: { dosing: exampleDosing(ENROL, 4, { pomalidomideMg: [4, 3, 2, 2], dexamethasoneMg: [40, 40, 20, 20] }) } }),
    // 4 -> 3 mg.
    exampleSubject(2, { cycles: 3, overrides: { dosing: exampleDosing(ENROL, 3, { pomalidomideMg: [4, 3, 3] }) } }),
    // Interrupted only: a dose adjustment without reduction.
    exampleSubject(3, { cycles: 3, overrides: { dosing: exampleDosing(ENROL, 3, { interruptedCycles: [2] }) } }),
    // Delayed only: an adjustment but not a dose adjustment.
    exampleSubject(4, { cycles: 3, overrides: { dosing: exampleDosing(ENROL, 3, { delayedCycles: [3] }) } }),
    // Full dose throughout.
    exampleSubject(5, { cycles: 3 }),
  ];
  const trial = exampleTrial(subjects);
  const { dataset, issues } = createAdex(trial, P, createAdsl(trial, P).dataset);
  const usubjid = (i: number): string => `NCT05236621-01-00${i + 1}`;
  const value = (i: number, drug: string, paramcd: AdexParamcd): number | string | null => {
    const row = adexValue(dataset, usubjid(i), drug, paramcd);
    return row === undefined ? null : (row.AVAL ?? row.AVALC);
  };
  const doses = (i: number, drug: string): number[] => dataset.filter((r) => r.USUBJID === usubjid(i) && r.EXTRT === drug && r.PARAMCD === 'DOSEGVN').map((r) => r.AVAL ?? NaN);

  it('derives cumulative dose, intensity and relative dose intensity', () => {
    assert.deepEqual(issues, []);
    assert.equal(value(4, 'pomalidomide', 'CYCLES'), 3);
    assert.equal(value(4, 'pomalidomide', 'CUMDOSE'), 3 * 84);
    assert.equal(value(4, 'pomalidomide', 'PLCUMDOS'), 3 * 84);
    assert.equal(value(4, 'pomalidomide', 'DI'), 84);
    assert.equal(value(4, 'pomalidomide', 'RDI'), 100);
    assert.equal(value(0, 'pomalidomide', 'CUMDOSE'), (4 + 3 + 2 + 2) * 21);
    assert.equal(value(0, 'pomalidomide', 'RDI'), ((11 * 21) / (4 * 84)) * 100);
    // Interruption: 14 of 21 days in cycle 2.
    assert.equal(value(2, 'pomalidomide', 'CUMDOSE'), (21 + 14 + 21) * 4);
    assert.equal(value(0, 'dexamethasone', 'CUMDOSE'), (40 + 40 + 20 + 20) * 4);
    assert.equal(value(0, 'ALL', 'TRTDURD'), 3 * 28 + 22);
  });

  it('counts reductions by lowest level and separates adjustments, delays and interruptions', () => {
    assert.deepEqual([0, 1, 2, 3, 4].map((i) => value(i, 'pomalidomide', 'LOWDOSE')), [2, 3, 4, 4, 4]);
    assert.deepEqual(doses(0, 'pomalidomide'), [4, 3, 2]);
    const [pom, dex] = summarizeExposure(dataset, ['pomalidomide', 'dexamethasone']);
    assert.deepEqual(pom.reduced, { n: 2, N: 5 });
    assert.deepEqual(pom.everAtDoseMg, { 3: 2, 2: 1 });
    assert.deepEqual(pom.doseAdjustment, { n: 3, N: 5 });
    assert.deepEqual(pom.delayed, { n: 1, N: 5 });
    assert.deepEqual(pom.interrupted, { n: 1, N: 5 });
    assert.deepEqual(pom.anyAdjustment, { n: 4, N: 5 });
    assert.deepEqual(dex.reduced, { n: 1, N: 5 });
    assert.deepEqual(dex.everAtDoseMg, { 20: 1 });
  });

  it('counts no dose after the data cutoff and plans a cycle in progress only up to the cutoff', () => {
    // Cycle 1 starts on the enrolment day; cycle 2 (day 29) is 10 days old at the cutoff, its record says 21 days.
    const inProgress = exampleSubject(1, { cycles: 2, overrides: { dosing: exampleDosing(ENROL, 2) } });
    const cutoff = '2021-07-08';
    const t = exampleTrial([inProgress], cutoff);
    const { dataset: rows } = createAdex(t, P, createAdsl(t, P).dataset);
    const at = (drug: string, paramcd: AdexParamcd) => adexValue(rows, 'NCT05236621-01-001', drug, paramcd)?.AVAL;
    assert.equal(at('pomalidomide', 'CUMDOSE'), (21 + 10) * 4);
    assert.equal(at('pomalidomide', 'PLCUMDOS'), (21 + 10) * 4);
    assert.equal(at('pomalidomide', 'RDI'), 100);
    // Dexamethasone: days 1 and 8 of cycle 2 are before the cutoff, days 15 and 22 after.
    assert.equal(at('dexamethasone', 'CUMDOSE'), (4 + 2) * 40);
    assert.equal(at('dexamethasone', 'PLCUMDOS'), (4 + 2) * 40);
    assert.equal(at('dexamethasone', 'RDI'), 100);
    // A reduced dose in the cycle in progress lowers the RDI below 100%, never above.
    const reduced = exampleSubject(1, { cycles: 2, overrides: { dosing: exampleDosing(ENROL, 2, { pomalidomideMg: [4, 3] }) } });
    const tr = exampleTrial([reduced], cutoff);
    const rdi = adexValue(createAdex(tr, P, createAdsl(tr, P).dataset).dataset, 'NCT05236621-01-001', 'pomalidomide', 'RDI')?.AVAL;
    assert.equal(rdi, ((21 * 4 + 10 * 3) / ((21 + 10) * 4)) * 100);
  });

  it('warns when the reduction tick box disagrees with the doses', () => {
    const subject = exampleSubject(1);
    const dosing = subject.dosing.map((row) => (row.drug === 'pomalidomide' && row.cycle === 2 ? { ...row, reduced: true } : row));
    const t = exampleTrial([{ ...subject, dosing }]);
    const result = createAdex(t, P, createAdsl(t, P).dataset);
    assert.deepEqual(result.issues.map((item) => [item.code, item.severity]), [['reduction-flag-mismatch', 'warning']]);
    assert.equal(adexValue(result.dataset, 'NCT05236621-01-001', 'pomalidomide', 'REDUCFL')?.AVALC, 'N');
  });
});
