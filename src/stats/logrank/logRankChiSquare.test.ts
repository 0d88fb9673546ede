import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../testing/index.js';
import { chiSquareUpperTail } from '../distributions/index.js';
import { logRankChiSquare } from './logRankChiSquare.js';

describe('logRankChiSquare', () => {
  it('two groups: (O - E)^2 / V of the second group', () => {
    const o = Float64Array.of(3, 5);
    const e = Float64Array.of(4.5, 3.5);
    const v = Float64Array.of(1.7, -1.7, -1.7, 1.7);
    const r = logRankChiSquare(o, e, v);
    assertClose(r.chisq, (1.5 * 1.5) / 1.7, { rel: 1e-14 }, 'chisq');
    assert.equal(r.df, 1);
    assertClose(r.p, chiSquareUpperTail((1.5 * 1.5) / 1.7, 1), { rel: 1e-14 }, 'p');
  });

  it('three groups: equals b\' V^-1 b solved directly for the last two groups', () => {
    const o = Float64Array.of(10, 7, 3);
    const e = Float64Array.of(8, 6, 6);
    // A valid log-rank covariance: rows sum to 0.
    const v = Float64Array.of(4, -2.5, -1.5, -2.5, 4.2, -1.7, -1.5, -1.7, 3.2);
    const b1 = 1;
    const b2 = -3;
    const [a, b, d] = [4.2, -1.7, 3.2];
    const det = a * d - b * b;
    const expected = (d * b1 * b1 - 2 * b * b1 * b2 + a * b2 * b2) / det;
    const r = logRankChiSquare(o, e, v);
    assertClose(r.chisq, expected, { rel: 1e-12 }, 'chisq');
    assert.equal(r.df, 2);
  });

  it('drops a singular direction and reports df = rank', () => {
    // Groups 2 and 3 carry the same information (proportional rows): rank 1 after dropping group 1.
    const o = Float64Array.of(4, 2, 2);
    const e = Float64Array.of(3, 2.5, 2.5);
    const v = Float64Array.of(2, -1, -1, -1, 0.5, 0.5, -1, 0.5, 0.5);
    const r = logRankChiSquare(o, e, v);
    assert.equal(r.df, 1);
    assertClose(r.chisq, (0.5 * 0.5) / 0.5, { rel: 1e-12 }, 'chisq');
  });

  it('no test with fewer than two groups with expected events', () => {
    const r = logRankChiSquare(Float64Array.of(2, 0), Float64Array.of(2, 0), new Float64Array(4));
    assert.equal(r.df, 0);
    assert.ok(Number.isNaN(r.p));
  });
});
