import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleDosing, exampleSubject, exampleTrial } from '../crf/index.js';
import { createAdex } from './createAdex.js';
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
  const { dataset, issues } = createAdex(trial, createAdsl(trial).dataset);

  it('derives cumulative dose, intensity and relative dose intensity', () => {
    assert.deepEqual(issues, []);
    const full = dataset[4].POM;
    assert.equal(full.cycles, 3);
    assert.equal(full.cumulativeDoseMg, 3 * 84);
    assert.equal(full.plannedCumulativeDoseMg, 3 * 84);
    assert.equal(full.doseIntensityMgPer28d, 84);
    assert.equal(full.relativeDoseIntensity, 1);
    const reduced = dataset[0].POM;
    assert.equal(reduced.cumulativeDoseMg, (4 + 3 + 2 + 2) * 21);
    assert.equal(reduced.relativeDoseIntensity, (11 * 21) / (4 * 84));
    // Interruption: 14 of 21 days in cycle 2.
    assert.equal(dataset[2].POM.cumulativeDoseMg, (21 + 14 + 21) * 4);
    assert.equal(dataset[0].DEX.cumulativeDoseMg, (40 + 40 + 20 + 20) * 4);
    assert.equal(dataset[0].TRTDURD, 3 * 28 + 22);
  });

  it('counts reductions by lowest level and separates adjustments, delays and interruptions', () => {
    assert.deepEqual(dataset.map((row) => row.POM.lowestDoseMg), [2, 3, 4, 4, 4]);
    assert.deepEqual(dataset[0].POM.dosesGivenMg, [4, 3, 2]);
    const counts = summarizeExposure(dataset);
    const pom = counts.pomalidomide;
    assert.deepEqual(pom.reduced, { n: 2, N: 5 });
    assert.deepEqual(pom.everAtDoseMg, { 3: 2, 2: 1 });
    assert.deepEqual(pom.doseAdjustment, { n: 3, N: 5 });
    assert.deepEqual(pom.delayed, { n: 1, N: 5 });
    assert.deepEqual(pom.interrupted, { n: 1, N: 5 });
    assert.deepEqual(pom.anyAdjustment, { n: 4, N: 5 });
    assert.deepEqual(counts.dexamethasone.reduced, { n: 1, N: 5 });
    assert.deepEqual(counts.dexamethasone.everAtDoseMg, { 20: 1 });
  });

  it('warns when the reduction tick box disagrees with the doses', () => {
    const subject = exampleSubject(1);
    const dosing = subject.dosing.map((row) => (row.drug === 'pomalidomide' && row.cycle === 2 ? { ...row, reduced: true } : row));
    const t = exampleTrial([{ ...subject, dosing }]);
    const result = createAdex(t, createAdsl(t).dataset);
    assert.deepEqual(result.issues.map((item) => [item.code, item.severity]), [['reduction-flag-mismatch', 'warning']]);
    assert.equal(result.dataset[0].POM.reduced, 'N');
  });
});
