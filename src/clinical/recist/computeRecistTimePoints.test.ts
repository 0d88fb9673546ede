import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeRecistTimePoints } from './computeRecistTimePoints.js';
import type { RecistPatientInput } from './recistInput.js';
import { RECIST_1_1 } from './recist11RuleSet.js';

const input: RecistPatientInput = {
  baseline: {
    date: '2024-01-08',
    lesions: [
      { id: 'T1', kind: 'target', nodal: false, diameterMm: 50.2 },
      { id: 'T2', kind: 'target', nodal: false, diameterMm: 34.8 },
      { id: 'NT1', kind: 'non-target', nodal: false },
    ],
  },
  assessments: [
    { date: '2024-03-04', newLesion: 'no', lesions: [{ id: 'T1', diameterMm: 40.1 }, { id: 'T2', diameterMm: 20.2 }, { id: 'NT1', status: 'present' }] },
    { date: '2024-04-01', newLesion: 'no', lesions: [{ id: 'T1', diameterMm: null }, { id: 'T2', diameterMm: 10 }, { id: 'NT1', status: 'present' }] },
    { date: '2024-04-29', newLesion: 'no', lesions: [{ id: 'T1', diameterMm: 45.3 }, { id: 'T2', diameterMm: 27.1 }, { id: 'NT1', status: 'present' }] },
  ],
};

describe('computeRecistTimePoints', () => {
  const points = computeRecistTimePoints(input, RECIST_1_1);

  it('sums decimal diameters exactly and keeps full precision in the percentages', () => {
    assert.equal(points[0].sumMm, 60.3);
    assert.equal(points[0].percentFromBaseline, (-247 * 100) / 850);
    assert.equal(points[0].percentFromNadir, (-247 * 100) / 850);
    assert.equal(points[0].daysFromBaseline, 56);
  });

  it('leaves the sum and percentages empty when a target lesion is not evaluated, and keeps the nadir', () => {
    assert.equal(points[1].sumMm, null);
    assert.equal(points[1].percentFromBaseline, null);
    assert.equal(points[1].target, 'NE');
    assert.equal(points[1].nadirMm, 60.3);
  });

  it('takes the nadir from complete sums at or before the previous assessment, baseline included', () => {
    assert.equal(points[2].sumMm, 72.4);
    assert.equal(points[2].nadirMm, 60.3);
    assert.equal(points[2].percentFromNadir, ((724 - 603) * 100) / 603);
    assert.equal(points[2].target, 'PD');
    assert.equal(points[2].targetRule, 'target-pd-sum');
    assert.equal(points[2].overallRule, 't1-target-pd');
  });

  it('gives non-target-only disease no sum', () => {
    const only = computeRecistTimePoints(
      { baseline: { date: '2024-01-08', lesions: [{ id: 'NT1', kind: 'non-target', nodal: false }] }, assessments: [{ date: '2024-03-04', newLesion: 'equivocal', lesions: [{ id: 'NT1', status: 'present' }] }] },
      RECIST_1_1,
    );
    assert.deepEqual(
      { sum: only[0].sumMm, nadir: only[0].nadirMm, pct: only[0].percentFromBaseline, target: only[0].target, overall: only[0].overall },
      { sum: null, nadir: null, pct: null, target: 'NA', overall: 'NON-CR/NON-PD' },
    );
  });
});
