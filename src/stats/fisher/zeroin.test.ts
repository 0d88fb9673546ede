import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unirootTolerance, zeroin } from './zeroin.js';

describe('zeroin (R uniroot)', () => {
  it('finds sqrt(2) within uniroot tolerance', () => {
    const root = zeroin((x) => x * x - 2, 0, 2);
    assert.ok(Math.abs(root - Math.SQRT2) < unirootTolerance, String(root));
  });

  it('returns an end point that is a root', () => {
    assert.equal(zeroin((x) => x - 1, 1, 3), 1);
    assert.equal(zeroin((x) => x - 3, 1, 3), 3);
  });

  it('honours a tighter tolerance', () => {
    const root = zeroin((x) => Math.cos(x) - x, 0, 1, 1e-14);
    assert.ok(Math.abs(Math.cos(root) - root) < 1e-13, String(root));
  });

  it('uses uniroot default tolerance .Machine$double.eps^0.25', () => {
    assert.equal(unirootTolerance, Math.pow(Number.EPSILON, 0.25));
  });
});
