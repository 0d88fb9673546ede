import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPath } from '../../result/index.js';
import { computeRecistResponse } from './computeRecistResponse.js';
import type { RecistPatientInput } from './recistInput.js';
import { createRecistRuleSet } from './recist11RuleSet.js';

const patient: RecistPatientInput = {
  baseline: {
    date: '2024-01-08',
    lesions: [
      { id: 'T1', kind: 'target', nodal: false, diameterMm: 40 },
      { id: 'NT1', kind: 'non-target', nodal: false },
    ],
  },
  assessments: [
    { date: '2024-02-12', newLesion: 'no', lesions: [{ id: 'T1', diameterMm: 20 }, { id: 'NT1', status: 'present' }] },
    { date: '2024-03-11', newLesion: 'no', lesions: [{ id: 'T1', diameterMm: 18 }, { id: 'NT1', status: 'present' }] },
  ],
};

describe('computeRecistResponse', () => {
  it('returns the time points, confirmed best response and dates, frozen', () => {
    const outcome = computeRecistResponse(patient);
    assert.ok(outcome.ok);
    const r = outcome.value;
    assert.equal(r.ruleSet, 'recist-1.1 (standard)');
    assert.deepEqual([r.confirmationDays, r.sdMinDays, r.disease, r.baselineSumMm], [28, 42, 'target-and-non-target', 40]);
    assert.deepEqual(r.assessments.map((a) => a.overall), ['PR', 'PR']);
    assert.deepEqual([r.bestOverallResponse, r.bestOverallResponseReason, r.confirmed, r.firstResponseDate, r.progressionDate], ['PR', 'confirmed-response', true, '2024-02-12', null]);
    assert.ok(Object.isFrozen(r) && Object.isFrozen(r.assessments) && Object.isFrozen(r.assessments[0]));
  });

  it('takes the protocol\'s intervals as options', () => {
    // 28 days apart (2024-02-12 -> 2024-03-11); the first assessment is day 35.
    const strict = computeRecistResponse(patient, { confirmationDays: 29 });
    assert.ok(strict.ok);
    assert.deepEqual([strict.value.bestOverallResponse, strict.value.bestOverallResponseReason], ['SD', 'stable-disease']);
    const late = computeRecistResponse(patient, { confirmationDays: 29, sdMinDays: 70 });
    assert.ok(late.ok);
    assert.equal(late.value.bestOverallResponse, 'NE');
    assert.equal(late.value.sdMinDays, 70);
  });

  it('reads the thresholds from the rule set', () => {
    const ruleSet = createRecistRuleSet({ variant: 'protocol', thresholds: { partialResponsePercent: 60, stableDiseaseMinimumDays: 28 } });
    const outcome = computeRecistResponse(patient, { ruleSet });
    assert.ok(outcome.ok);
    assert.equal(outcome.value.ruleSet, 'recist-1.1 (protocol)');
    assert.deepEqual(outcome.value.assessments.map((a) => a.target), ['SD', 'SD']);
    assert.equal(outcome.value.sdMinDays, 28);
  });

  it('reports bad options and bad data together, as issues', () => {
    const bad = { ...patient, assessments: [{ ...patient.assessments[0], lesions: [{ id: 'T1', diameterMm: 20 }, { id: 'NT1', diameterMm: 4 }] }] };
    const outcome = computeRecistResponse(bad, { confirmationDays: -1, sdMinDays: 4.5 });
    assert.equal(outcome.ok, false);
    assert.deepEqual(outcome.issues.map((i) => `${i.code} ${formatPath(i.path)}`), [
      'invalid-option options.confirmationDays',
      'invalid-option options.sdMinDays',
      'diameter-on-non-target-lesion assessments[0].lesions[1].diameterMm',
      'invalid-status assessments[0].lesions[1].status',
    ]);
  });

  it('dates progression back to the first equivocal scan and says from where', () => {
    const outcome = computeRecistResponse({
      ...patient,
      assessments: [
        { ...patient.assessments[0], newLesion: 'equivocal' },
        { ...patient.assessments[1], newLesion: 'yes' },
      ],
    });
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.value.assessments.map((a) => a.overall), ['PR', 'PD']);
    assert.equal(outcome.value.progressionDate, '2024-02-12');
    assert.equal(outcome.value.progressionBackdatedFrom, '2024-03-11');
    assert.equal(outcome.value.bestOverallResponse, 'PD');
  });
});
