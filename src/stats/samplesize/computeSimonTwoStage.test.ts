import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeSimonTwoStage } from './computeSimonTwoStage.js';
import { simonTwoStageKernel } from './simonTwoStage.js';

function codes(input: Parameters<typeof computeSimonTwoStage>[0]): string[] {
  const outcome = computeSimonTwoStage(input);
  assert.equal(outcome.ok, false);
  return outcome.issues.map((i) => `${i.code}@${i.path.join('.')}`);
}

describe('computeSimonTwoStage', () => {
  it('searches up to n = 100 by default and returns both designs', () => {
    const outcome = computeSimonTwoStage({ p0: 0.1, p1: 0.3, alpha: 0.05, power: 0.8 });
    assert.ok(outcome.ok);
    assert.equal(outcome.value.maxN, 100);
    const kernel = simonTwoStageKernel(0.1, 0.3, 0.05, 0.8, 100);
    assert.deepEqual(outcome.value.optimal, kernel.optimal);
    assert.deepEqual(outcome.value.minimax, kernel.minimax);
    assert.ok(Object.isFrozen(outcome.value));
  });

  it('names each bad argument', () => {
    assert.deepEqual(codes({ p0: 0.3, p1: 0.3, alpha: 0.05, power: 0.8 }), ['p1-not-above-p0@p1']);
    assert.deepEqual(codes({ p0: 0.1, p1: 0.3, alpha: 0, power: 0.8 }), ['bad-alpha@alpha']);
    assert.deepEqual(codes({ p0: 0.1, p1: 0.3, alpha: 0.05, power: 0.8, maxN: 1000 }), ['bad-max-n@maxN']);
    assert.deepEqual(codes({ p0: 0.1, p1: 0.3, alpha: 0.05, power: 0.8, maxN: 15 }), ['no-design-within-search@maxN']);
  });
});
