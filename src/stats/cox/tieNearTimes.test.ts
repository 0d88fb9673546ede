import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tieNearTimes } from './tieNearTimes.js';

describe('tieNearTimes', () => {
  it('gives near-equal times the smallest value of their chain', () => {
    const out = tieNearTimes(Float64Array.from([3, 1 + 1e-10, 1, 2, 3 - 1e-12, 5]));
    assert.deepEqual([...out], [3 - 1e-12, 1, 1, 2, 3 - 1e-12, 5]);
  });
  it('returns the input untouched when no times are that close', () => {
    const time = Float64Array.from([1, 1, 1.001, 2]);
    assert.equal(tieNearTimes(time), time);
  });
});
