import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CENSORING, computeMaxEventGapDays, progressionOutcome as outcomeOn } from './endpointRules.js';
import type { ProgressionInput } from './endpointRules.js';

const SCHEDULE = { intervalDays: 28, windowDays: 7, missedAssessments: 2 };
const MAX_EVENT_GAP_DAYS = computeMaxEventGapDays(SCHEDULE);
const progressionOutcome = (input: ProgressionInput) => outcomeOn(input, SCHEDULE);

// Day numbers relative to an origin of 1000 (enrolment); assessments every 28 days.
const O = 1000;
const q = (...offsets: number[]): number[] => offsets.map((d) => O + d);

describe('progressionOutcome (FDA 2018 PFS rules)', () => {
  it('no progression or death: censored at the last adequate assessment', () => {
    const r = progressionOutcome({ origin: O, adequateAssessments: q(28, 56, 84), progression: null, death: null, newTherapy: null });
    assert.deepEqual(r, { endDay: O + 84, cnsr: CENSORING.noEvent, event: null });
  });

  it('progression documented on schedule is an event at the progression date', () => {
    const r = progressionOutcome({ origin: O, adequateAssessments: q(28, 56, 84, 112), progression: O + 84, death: null, newTherapy: null });
    assert.deepEqual(r, { endDay: O + 84, cnsr: CENSORING.event, event: 'PROGRESSIVE DISEASE' });
  });

  it('progression before death: the progression is the event', () => {
    const r = progressionOutcome({ origin: O, adequateAssessments: q(28, 56), progression: O + 56, death: O + 70, newTherapy: null });
    assert.equal(r.event, 'PROGRESSIVE DISEASE');
    assert.equal(r.endDay, O + 56);
  });

  it('new anticancer therapy before progression: censored at the last adequate assessment on or before it', () => {
    const r = progressionOutcome({ origin: O, adequateAssessments: q(28, 56, 84, 112), progression: O + 112, death: null, newTherapy: O + 84 });
    assert.deepEqual(r, { endDay: O + 84, cnsr: CENSORING.newTherapy, event: null });
    const before = progressionOutcome({ origin: O, adequateAssessments: q(28, 56, 84), progression: null, death: O + 200, newTherapy: O + 70 });
    assert.deepEqual(before, { endDay: O + 56, cnsr: CENSORING.newTherapy, event: null });
    // New therapy on the day of progression does not precede it.
    const same = progressionOutcome({ origin: O, adequateAssessments: q(28, 56), progression: O + 56, death: null, newTherapy: O + 56 });
    assert.equal(same.cnsr, CENSORING.event);
  });

  it('event after two or more missed assessments: censored at the last adequate assessment before the gap', () => {
    assert.equal(MAX_EVENT_GAP_DAYS, 63);
    const edge = progressionOutcome({ origin: O, adequateAssessments: q(28, 56), progression: null, death: O + 56 + 63, newTherapy: null });
    assert.deepEqual(edge, { endDay: O + 119, cnsr: CENSORING.event, event: 'DEATH' });
    const late = progressionOutcome({ origin: O, adequateAssessments: q(28, 56), progression: null, death: O + 56 + 64, newTherapy: null });
    assert.deepEqual(late, { endDay: O + 56, cnsr: CENSORING.missedAssessments, event: null });
    const pd = progressionOutcome({ origin: O, adequateAssessments: q(28, 140), progression: O + 140, death: null, newTherapy: null });
    assert.deepEqual(pd, { endDay: O + 28, cnsr: CENSORING.missedAssessments, event: null });
  });

  it('no post-baseline assessment and no death: censored at the origin (day 1)', () => {
    const r = progressionOutcome({ origin: O, adequateAssessments: [], progression: null, death: null, newTherapy: null });
    assert.deepEqual(r, { endDay: O, cnsr: CENSORING.noAdequateAssessment, event: null });
  });

  it('death before the first assessment is an event; death after two missed assessments with none done is censored at the origin', () => {
    const early = progressionOutcome({ origin: O, adequateAssessments: [], progression: null, death: O + 20, newTherapy: null });
    assert.deepEqual(early, { endDay: O + 20, cnsr: CENSORING.event, event: 'DEATH' });
    const late = progressionOutcome({ origin: O, adequateAssessments: [], progression: null, death: O + 100, newTherapy: null });
    assert.deepEqual(late, { endDay: O, cnsr: CENSORING.missedAssessments, event: null });
  });

  it('ignores assessments before the origin (DoR starts at the first response)', () => {
    const r = progressionOutcome({ origin: O + 56, adequateAssessments: q(28, 56, 84), progression: null, death: null, newTherapy: null });
    assert.deepEqual(r, { endDay: O + 84, cnsr: CENSORING.noEvent, event: null });
  });
});
