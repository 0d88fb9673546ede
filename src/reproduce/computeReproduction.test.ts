import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NCT05236621_PROTOCOL as protocol } from '../protocols/nct05236621/index.js';
import { NCT05236621_PUBLICATION } from '../protocols/nct05236621/publication/index.js';
import { buildStandardTestTrial, type TestSubjectSpec } from '../protocols/nct05236621/testing/reportTestTrial.js';
import { computeReproduction } from './computeReproduction.js';
import type { PublishedResults } from './publishedResults.js';

// The engine on the reference protocol's publication, over small made-up trials.
const published = NCT05236621_PUBLICATION.results as PublishedResults;
const findings = NCT05236621_PUBLICATION.findings;
const withResults = (results: unknown) => ({ ...NCT05236621_PUBLICATION, results, findings });

// The paper's response counts by ISS stage (ORR 33/85, DCR 57/85; ISS I 18 PR / 8 SD / 4 PD, II 9 / 5 / 9,
// III 6 / 11 / 15), as in the report's publishedCounts test: everything else about these subjects is made up.
const PR = [30, 14, 12, 12, 12];
const SD = [30, 30, 30, 30, 30];
const PD = [30, 40, 45, 50];
function stage(iss: 'I' | 'II' | 'III', pr: number, sd: number, pd: number): TestSubjectSpec[] {
  return [...Array<number[]>(pr).fill(PR), ...Array<number[]>(sd).fill(SD), ...Array<number[]>(pd).fill(PD)].map((central) => ({ central, iss }));
}
const responseTrial = buildStandardTestTrial([...stage('I', 18, 8, 4), ...stage('II', 9, 5, 9), ...stage('III', 6, 11, 15)]);

function reproduce(trial = responseTrial.trial, input: unknown = published) {
  const outcome = computeReproduction({ trial, protocol, publication: withResults(input) });
  assert.ok(outcome.ok, JSON.stringify(outcome.issues));
  return outcome.value;
}

describe('computeReproduction', () => {
  it('answers every published id exactly once, in the order of the file, and counts the statuses', () => {
    const reproduction = reproduce(buildStandardTestTrial().trial);
    assert.deepEqual(
      reproduction.results.map((r) => r.id),
      published.results.map((r) => r.id),
    );
    const { summary } = reproduction;
    assert.equal(summary.match + summary.close + summary.differs + summary.reinterpreted + summary.notComputed, published.results.length);
    assert.ok(Object.isFrozen(reproduction) && Object.isFrozen(reproduction.results[0]));
    for (const r of reproduction.results) {
      assert.equal(r.computed === null, r.status === 'not-computed', r.id);
      if (r.status === 'not-computed' || r.status === 'differs') assert.notEqual(r.note, '', `${r.id} says why`);
    }
  });

  it('reproduces the primary endpoint, the ISS subgroups and their Fisher P on a trial with the paper’s response counts', () => {
    const byId = new Map(reproduce().results.map((r) => [r.id, r]));
    for (const id of [
      'efficacy.orr.overall',
      'efficacy.dcr.overall',
      'subgroup.iss.I.orr',
      'subgroup.iss.III.orr',
      'subgroup.iss.I.dcr',
      'subgroup.iss.III.dcr',
      'fisher.orr.iss_I_vs_III',
      'fisher.dcr.iss_I_vs_III',
      'baseline.iss.I',
      'baseline.iss.II',
      'baseline.iss.III',
      'disposition.enrolled',
      'design.samplesize.n',
      'design.planned.n',
    ]) {
      const r = byId.get(id);
      assert.equal(r?.status, 'match', `${id}: ${JSON.stringify(r)}`);
    }
    assert.deepEqual(byId.get('design.planned.n')?.computed, { value: 79 });
    // The trial has 85 subjects but not the paper's age mix: a count that is off is reported, not hidden.
    assert.equal(byId.get('baseline.age.lt65')?.status, 'differs');
    assert.match(byId.get('baseline.age.lt65')?.note ?? '', /outside the tolerance: value 100 vs printed 65\.9; n 85 vs printed 56/);
  });

  it('marks an id the trial cannot give as not computed, with the reason', () => {
    // The small trial's follow-up ends before 12 months: the landmark rate is past the last observation.
    const rate = reproduce(buildStandardTestTrial().trial).results.find((r) => r.id === 'km.os.overall.rate12');
    assert.equal(rate?.status, 'not-computed');
    assert.match(rate?.note ?? '', /past the last observation/);
  });

  it('answers an id it has no rule for as not computed instead of dropping it', () => {
    const extra = { ...published, results: [...published.results, { id: 'efficacy.mrd.negative', section: 'Results: efficacy', kind: 'count', value: 3 }] };
    const last = reproduce(responseTrial.trial, extra).results.at(-1);
    assert.equal(last?.id, 'efficacy.mrd.negative');
    assert.equal(last?.status, 'not-computed');
    assert.equal(last?.note, 'trialkit has no rule for this id');
  });

  it('rejects published input with a duplicate id or no results', () => {
    const duplicated = { ...published, results: [...published.results, published.results[0]] };
    const outcome = computeReproduction({ trial: responseTrial.trial, protocol, publication: withResults(duplicated) });
    assert.equal(outcome.ok, false);
    assert.deepEqual(
      outcome.issues.map((i) => [i.code, i.path.join('.')]),
      [['duplicate-id', `published.results.${published.results.length}.id`]],
    );
    const empty = computeReproduction({ trial: responseTrial.trial, protocol, publication: withResults({ results: 'none' }) });
    assert.equal(empty.ok, false);
    assert.equal(empty.issues[0].code, 'not-published-results');
  });
});
