import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPath } from '../../result/index.js';
import { exampleSubject, exampleTrial } from './exampleTrial.js';
import { validateTrialData } from './trialData.js';

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
});
