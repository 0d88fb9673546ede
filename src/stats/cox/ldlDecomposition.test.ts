import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../testing/index.js';
import { ldlDecompose, ldlInvert, ldlSolve } from './ldlDecomposition.js';

const tol = { rel: 1e-12, abs: 1e-12 };

describe('ldlDecomposition', () => {
  const a = [4, 2, 0.6, 2, 5, 1.5, 0.6, 1.5, 3];
  it('solves and inverts a positive definite matrix', () => {
    const m = Float64Array.from(a);
    assert.equal(ldlDecompose(m, 3, 1e-12), 3);
    const y = Float64Array.from([1, 2, 3]);
    ldlSolve(m, 3, y);
    for (let i = 0; i < 3; i++) {
      const back = a[i * 3] * y[0] + a[i * 3 + 1] * y[1] + a[i * 3 + 2] * y[2];
      assertClose(back, i + 1, tol, `A b = y, row ${i}`);
    }
    ldlInvert(m, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let sum = 0;
        for (let k = 0; k < 3; k++) sum += a[i * 3 + k] * m[k * 3 + j];
        assertClose(sum, i === j ? 1 : 0, tol, `A A^-1 [${i},${j}]`);
      }
    }
  });
  it('marks a redundant column and leaves it out of solve and inverse', () => {
    // Column 3 = column 1 + column 2.
    const s = [2, 1, 3, 1, 2, 3, 3, 3, 6];
    const m = Float64Array.from(s);
    assert.equal(ldlDecompose(m, 3, 1e-9), 2);
    const y = Float64Array.from([1, 1, 2]);
    ldlSolve(m, 3, y);
    assert.equal(y[2], 0);
    assertClose(2 * y[0] + y[1], 1, tol, 'reduced system row 1');
    assertClose(y[0] + 2 * y[1], 1, tol, 'reduced system row 2');
    ldlInvert(m, 3);
    assert.deepEqual([m[2], m[5], m[6], m[7], m[8]], [0, 0, 0, 0, 0]);
    assertClose(m[0], 2 / 3, tol, 'inverse of the 2x2 block');
    assertClose(m[1], -1 / 3, tol, 'inverse of the 2x2 block, off-diagonal');
  });
  it('gives rank 0 when nothing on the diagonal is positive', () => {
    assert.equal(ldlDecompose(new Float64Array(4), 2, 1e-9), 0);
  });
});
