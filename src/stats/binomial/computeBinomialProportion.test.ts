import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeBinomialProportion } from './computeBinomialProportion.js';
import { clopperPearsonKernel } from './clopperPearson.js';

function codes(input: Parameters<typeof computeBinomialProportion>[0]): string[] {
  const outcome = computeBinomialProportion(input);
  assert.equal(outcome.ok, false);
  return outcome.issues.map((i) => `${i.code}@${i.path.join('.')}`);
}

describe('computeBinomialProportion', () => {
  it('returns a frozen result with defaults p0 = 0.5 and confLevel = 0.95', () => {
    const outcome = computeBinomialProportion({ x: 33, n: 85 });
    assert.ok(outcome.ok);
    const value = outcome.value;
    assert.equal(value.p0, 0.5);
    assert.equal(value.confLevel, 0.95);
    assert.equal(value.estimate, 33 / 85);
    assert.deepEqual(value.clopperPearson, clopperPearsonKernel(33, 85, 0.95));
    assert.ok(Object.isFrozen(value));
    assert.ok(value.wilson.lower > value.clopperPearson.lower && value.wilson.upper < value.clopperPearson.upper);
  });

  it('accepts the extremes x = 0, x = n and n = 1', () => {
    assert.ok(computeBinomialProportion({ x: 0, n: 1 }).ok);
    assert.ok(computeBinomialProportion({ x: 1, n: 1 }).ok);
  });

  it('names each bad argument', () => {
    assert.deepEqual(codes({ x: 5, n: 4 }), ['x-exceeds-n@x']);
    assert.deepEqual(codes({ x: -1, n: 4 }), ['bad-x@x']);
    assert.deepEqual(codes({ x: 1.5, n: 4 }), ['bad-x@x']);
    assert.deepEqual(codes({ x: 0, n: 0 }), ['bad-n@n']);
    assert.deepEqual(codes({ x: 0, n: '10' }), ['bad-n@n']);
    assert.deepEqual(codes({ x: 1, n: 4, p0: 0 }), ['bad-p0@p0']);
    assert.deepEqual(codes({ x: 1, n: 4, p0: 1 }), ['bad-p0@p0']);
    assert.deepEqual(codes({ x: 1, n: 4, confLevel: 1 }), ['bad-conf-level@confLevel']);
    assert.deepEqual(codes({ x: 1, n: 4, confLevel: Number.NaN }), ['bad-conf-level@confLevel']);
    assert.deepEqual(codes({ x: undefined, n: null, p0: 2, confLevel: 0 }).length, 4);
  });
});
