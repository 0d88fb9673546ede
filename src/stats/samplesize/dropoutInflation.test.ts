import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dropoutInflation } from './dropoutInflation.js';

describe('dropoutInflation', () => {
  it("multiplies as the paper did: 66 with 20% dropout -> 66 x 1.2 = 79.2 -> 79", () => {
    assert.equal(dropoutInflation(66, 0.2, 'multiply'), 79);
  });

  it('divides as the usual convention: ceil(66 / 0.8) = ceil(82.5) = 83', () => {
    assert.equal(dropoutInflation(66, 0.2, 'divide'), 83);
  });

  it('does not round an exact quotient up through binary error (21 / 0.7 = 30, not 31)', () => {
    assert.ok(21 / (1 - 0.3) > 30);
    assert.equal(dropoutInflation(21, 0.3, 'divide'), 30);
  });

  it('rounds an exact half up under multiply, even when binary puts it just below (50 x 1.15 = 57.5 -> 58)', () => {
    assert.ok(50 * (1 + 0.15) < 57.5);
    assert.equal(dropoutInflation(50, 0.15, 'multiply'), 58);
    assert.equal(dropoutInflation(50, 0.01, 'multiply'), 51);
    assert.equal(dropoutInflation(66, 0, 'multiply'), 66);
    assert.equal(dropoutInflation(66, 0, 'divide'), 66);
  });
});
