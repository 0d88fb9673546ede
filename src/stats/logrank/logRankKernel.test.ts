import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../testing/index.js';
import { logRankKernel } from './logRankKernel.js';

describe('logRankKernel', () => {
  it('sums observed, expected and variance by the hypergeometric formulas (hand-worked example)', () => {
    // Group 0: times 1 (event), 3 (censored); group 1: times 2 (event), 4 (event).
    // t=1: at risk 2+2, 1 death: E0 += 1/2, V00 += 1*3/(4*3) * 2 * (1 - 2/4) = 0.25.
    // t=2: at risk 1+2, 1 death: E0 += 1/3, V00 += 1*2/(3*2) * 1 * (1 - 1/3) = 2/9.
    // t=4: at risk 0+1, 1 death: E0 += 0; one at risk, no variance.
    const r = logRankKernel(
      Float64Array.of(1, 3, 2, 4),
      Uint8Array.of(1, 0, 1, 1),
      Int32Array.of(0, 0, 1, 1),
      2,
      new Int32Array(4),
    );
    assert.deepEqual(Array.from(r.n), [2, 2]);
    assert.deepEqual(Array.from(r.observed), [1, 2]);
    assertClose(r.expected[0], 0.5 + 1 / 3, { rel: 1e-15 }, 'E0');
    assertClose(r.expected[1], 0.5 + 2 / 3 + 1, { rel: 1e-15 }, 'E1');
    assertClose(r.variance[0], 0.25 + 2 / 9, { rel: 1e-15 }, 'V00');
    assertClose(r.variance[1], -(0.25 + 2 / 9), { rel: 1e-15 }, 'V01');
  });

  it('strata are separate risk sets: two copies in two strata double every sum', () => {
    const time = Float64Array.of(1, 3, 2, 4, 1, 3, 2, 4);
    const status = Uint8Array.of(1, 0, 1, 1, 1, 0, 1, 1);
    const group = Int32Array.of(0, 0, 1, 1, 0, 0, 1, 1);
    const single = logRankKernel(time.subarray(0, 4), status.subarray(0, 4), group.subarray(0, 4), 2, new Int32Array(4));
    const both = logRankKernel(time, status, group, 2, Int32Array.of(0, 0, 0, 0, 1, 1, 1, 1));
    for (let i = 0; i < 4; i++) assertClose(both.variance[i], 2 * single.variance[i], { rel: 1e-15 }, `V${i}`);
    for (let g = 0; g < 2; g++) assertClose(both.expected[g], 2 * single.expected[g], { rel: 1e-15 }, `E${g}`);
  });
});
