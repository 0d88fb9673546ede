import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { atLeast, below } from './tolerantCompare.js';

describe('tolerant threshold comparisons', () => {
  it('meets a threshold that is exact in decimal but not in binary', () => {
    // 7.07 mm is exactly 30% below 10.1 mm, but 10.1 - 7.07 is 3.0299999999999994 in binary, below 0.3 * 10.1.
    assert.ok(10.1 - 7.07 < 0.3 * 10.1);
    assert.equal(atLeast(10.1 - 7.07, 0.3 * 10.1), true);
    assert.equal(atLeast(3.02, 3.03), false);
  });

  it('keeps "below" strict', () => {
    assert.equal(below(9.9, 10), true);
    assert.equal(below(10, 10), false);
    assert.equal(below(10 - 1e-12, 10), false);
  });
});
