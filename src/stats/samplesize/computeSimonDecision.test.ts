import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeSimonDecision, type SimonOutcome } from './computeSimonDecision.js';

// The minimax design for p0 = 0.10, p1 = 0.30, alpha 0.05, power 0.80 (Simon 1989, Table 1): 1/15, 5/25.
const design = { n1: 15, r1: 1, n: 25, r: 5 };
const R: SimonOutcome = 'responder';
const N: SimonOutcome = 'non-responder';
const P: SimonOutcome = 'pending';
const repeat = (outcome: SimonOutcome, times: number): SimonOutcome[] => Array.from({ length: times }, () => outcome);

function decide(outcomes: SimonOutcome[]) {
  const outcome = computeSimonDecision({ ...design, outcomes });
  assert.ok(outcome.ok, JSON.stringify(outcome.issues));
  return outcome.value;
}

describe('computeSimonDecision', () => {
  it('continues to stage 2 as soon as r1 + 1 respond, even while accruing', () => {
    const value = decide([N, R, N, R]);
    assert.deepEqual([value.stage1.state, value.stage1.responders, value.stage1.accrued], ['met', 2, 4]);
    assert.equal(value.final.state, 'accruing');
  });

  it('stops for futility only when no pending or future stage-1 subject can reach r1 + 1', () => {
    assert.equal(decide([...repeat(N, 13), R]).stage1.state, 'accruing', 'one stage-1 place left: a second responder is possible');
    assert.equal(decide([...repeat(N, 14), R]).stage1.state, 'not-met', '15 accrued, one responder: stop');
    assert.equal(decide([...repeat(N, 13), R, P]).stage1.state, 'pending', 'the last one is still being assessed');
  });

  it('counts the first n1 subjects in accrual order for stage 1, the first n in all', () => {
    const value = decide([...repeat(N, 15), R, R, R, R, R, R, P, P]);
    assert.equal(value.stage1.state, 'not-met', 'responders after the 15th do not rescue stage 1');
    assert.deepEqual([value.final.state, value.final.responders, value.final.pending], ['met', 6, 2]);
  });

  it('does not reject H0 once the remaining subjects cannot bring the total above r', () => {
    const value = decide([R, R, ...repeat(N, 20), R]);
    assert.equal(value.final.state, 'not-met', '3 responders with 2 places left: at most 5, not above r = 5');
    assert.equal(decide([R, R, ...repeat(N, 19), R]).final.state, 'accruing', '3 with 3 places left: 6 still possible');
  });

  it('reports subjects beyond n and ignores them', () => {
    const value = decide([...repeat(N, 25), R, R]);
    assert.deepEqual([value.beyondDesign, value.final.responders, value.final.state], [2, 0, 'not-met']);
  });

  it('names an impossible design or outcome', () => {
    const bad = computeSimonDecision({ n1: 15, r1: 15, n: 25, r: 5, outcomes: [] });
    assert.equal(bad.ok, false);
    assert.deepEqual(bad.issues.map((i) => i.code), ['bad-simon-design']);
    const outcome = computeSimonDecision({ ...design, outcomes: ['responder', 'maybe' as SimonOutcome] });
    assert.equal(outcome.ok, false);
    assert.deepEqual(outcome.issues.map((i) => `${i.code}@${i.path.join('.')}`), ['bad-simon-outcome@outcomes.1']);
  });
});
