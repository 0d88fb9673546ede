import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPath } from '../../result/index.js';
import { NCT05236621_PROTOCOL as P } from '../../protocols/nct05236621/index.js';
import { nctSubject as exampleSubject, nctTrial as exampleTrial } from '../../protocols/nct05236621/testing/index.js';
import { validateTrialData as validateWith } from './trialData.js';

const validateTrialData = (input: unknown) => validateWith(input, P);

function paths(input: unknown): string[] {
  const outcome = validateTrialData(input);
  assert.equal(outcome.ok, false);
  return outcome.issues.map((item) => formatPath(item.path));
}

describe('validateTrialData', () => {
  it('accepts the example trial and fills defaulted arrays', () => {
    const trial = exampleTrial([exampleSubject(1), exampleSubject(2)]);
    const outcome = validateTrialData(JSON.parse(JSON.stringify(trial)));
    assert.ok(outcome.ok, JSON.stringify(outcome.issues));
    assert.equal(outcome.value.subjects.length, 2);
    const { labs: _labs, ...withoutLabs } = exampleSubject(3);
    const filled = validateTrialData(exampleTrial([withoutLabs as typeof trial.subjects[number]]));
    assert.ok(filled.ok);
    assert.deepEqual(filled.value.subjects[0].labs, []);
  });

  it('points at the bad field with its path and value', () => {
    const trial = exampleTrial([exampleSubject(1), exampleSubject(2)]);
    const bad = JSON.parse(JSON.stringify(trial)) as Record<string, unknown> & { subjects: { labs: Record<string, unknown>[] }[] };
    bad.subjects[1].labs[0].unit = 42;
    const outcome = validateTrialData(bad);
    assert.equal(outcome.ok, false);
    assert.deepEqual(outcome.issues.map((item) => formatPath(item.path)), ['subjects[1].labs[0].unit']);
    assert.equal(outcome.issues[0].value, 42);
  });

  it('rejects impossible dates, unknown codes, duplicate ids, unknown sites and enrolment inconsistencies', () => {
    const one = exampleSubject(1);
    assert.deepEqual(paths(exampleTrial([{ ...one, subject: { ...one.subject, consentDate: '2021-02-30' } }])), ['subjects[0].subject.consentDate']);
    assert.deepEqual(paths(exampleTrial([{ ...one, demographics: { ...one.demographics!, sex: 'X' as 'M' } }])), ['subjects[0].demographics.sex']);
    assert.deepEqual(paths(exampleTrial([one, exampleSubject(1)])), ['subjects[1].subject.subjectId']);
    const trial = exampleTrial([one]);
    assert.deepEqual(paths({ ...trial, sites: [] }), ['subjects[0].subject.siteId']);
    const failed = { ...one, subject: { ...one.subject, screenFailure: true } };
    assert.deepEqual(paths(exampleTrial([failed])), ['subjects[0].subject.enrolmentDate']);
    const { enrolmentDate: _e, ...noEnrolment } = one.subject;
    assert.deepEqual(paths(exampleTrial([{ ...one, subject: noEnrolment }])), ['subjects[0].subject.enrolmentDate']);
  });

  it('reports a subject form or record that is not an object, beside the trial-level checks, without throwing', () => {
    const one = exampleSubject(1);
    for (const subject of [null, 42, 'S-001', []]) {
      const trial = JSON.parse(JSON.stringify(exampleTrial([one, exampleSubject(2)]))) as { subjects: { subject: unknown }[] };
      trial.subjects[0].subject = subject;
      assert.deepEqual(paths(trial), ['subjects[0].subject'], JSON.stringify(subject));
    }
    const trial = JSON.parse(JSON.stringify(exampleTrial([one]))) as { subjects: unknown[] };
    trial.subjects.push(null);
    assert.deepEqual(paths(trial), ['subjects[1]']);
  });
});

describe("validateTrialData against the protocol's forms", () => {
  it('checks disease forms by their metadata and refuses forms the protocol does not have', () => {
    const one = exampleSubject(1);
    const badAssessment = { ...one, diseaseForms: { ...one.diseaseForms, diseaseAssessment: [{ date: '2021-06-01', visit: 'C1D1', source: 'central', serumMProteinGPerL: -1 }] } };
    assert.deepEqual(paths(exampleTrial([badAssessment])), ['subjects[0].diseaseForms.diseaseAssessment[0].serumMProteinGPerL']);
    const unknownForm = { ...one, diseaseForms: { ...one.diseaseForms, tumourAssessment: [] } };
    assert.deepEqual(paths(exampleTrial([unknownForm])), ['subjects[0].diseaseForms.tumourAssessment']);
    const unknownDrug = { ...one, dosing: [{ ...one.dosing[0], drug: 'aspirin' }] };
    assert.deepEqual(paths(exampleTrial([unknownDrug])), ['subjects[0].dosing[0].drug']);
    const aeWithoutDex = { ...one, adverseEvents: [{ sequence: 1, reportedTerm: 'rash', preferredTerm: 'Rash', onsetDate: '2021-06-05', grade: 1, serious: false, relatedness: { pomalidomide: 'possible' }, actionTaken: { pomalidomide: 'none', dexamethasone: 'none' }, ledToStudyDiscontinuation: false, outcome: 'recovered' }] };
    assert.deepEqual(paths(exampleTrial([aeWithoutDex as unknown as typeof one])), ['subjects[0].adverseEvents[0].relatedness.dexamethasone']);
  });
});
