import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { percentChangeDecimal, sumDecimal } from './decimalArithmetic.js';

describe('decimal arithmetic of diameters', () => {
  it('sums decimal diameters exactly', () => {
    assert.notEqual(10.1 + 20.2, 30.3);
    assert.equal(sumDecimal([10.1, 20.2]), 30.3);
    assert.equal(sumDecimal([12.35, 7.7, 0, 4]), 24.05);
    assert.equal(sumDecimal([]), 0);
  });

  it('computes percent changes with one rounding', () => {
    assert.notEqual(((30.3 - 20.2) / 20.2) * 100, 50);
    assert.equal(percentChangeDecimal(30.3, 20.2), 50);
    assert.equal(percentChangeDecimal(59.5, 85), -30);
    assert.equal(percentChangeDecimal(55, 85), (-30 * 100) / 85);
    assert.equal(percentChangeDecimal(3, 0), null);
  });

  it('falls back to plain floating point for numbers that are not short decimals', () => {
    assert.equal(sumDecimal([1 / 3, 1 / 3]), 1 / 3 + 1 / 3);
    assert.equal(percentChangeDecimal(1 / 3, 1), ((1 / 3 - 1) / 1) * 100);
    assert.equal(sumDecimal([1e-7, 1]), 1e-7 + 1);
  });
});
