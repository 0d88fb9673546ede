import { betaCdf } from '../distributions/index.js';

/** The single-stage exact design at one sample size. */
export interface ExactSingleArmPoint {
  readonly n: number;
  /** Smallest number of responses that rejects H0: P(X >= r | p0) <= alpha (r = n + 1: none does). */
  readonly r: number;
  /** P(X >= r | p0): the type I error actually attained. */
  readonly alpha: number;
  /** P(X >= r | p1). */
  readonly power: number;
}

export interface ExactSingleArmSearch {
  /** The smallest n whose power reaches the target, or null when none up to searchMaxN does. */
  readonly smallest: ExactSingleArmPoint | null;
  /**
   * The saw-tooth n: the smallest N such that every n from N to searchMaxN reaches the power (the
   * exact power is not monotone in n, so a trial slightly larger than `smallest` may fall short).
   * null when n = searchMaxN itself falls short.
   */
  readonly sawtooth: ExactSingleArmPoint | null;
  readonly searchMaxN: number;
  /** r, attained alpha and power at every n (index n; index 0 unused), for power curves. */
  readonly curve: { readonly r: Int32Array; readonly alpha: Float64Array; readonly power: Float64Array };
}

/** P(X >= r) for X ~ Binomial(n, p), from the incomplete beta so small tails keep their digits. */
function upperTail(r: number, n: number, p: number): number {
  if (r <= 0) return 1;
  if (r > n) return 0;
  return betaCdf(p, r, n - r + 1);
}

/**
 * The one-sample exact binomial test design (PASS "one proportion, exact test"), for every n from 1
 * to searchMaxN. The critical count r(n) never decreases with n (the upper tail at fixed r grows with
 * n), so one pass carries r forward instead of searching afresh at each n.
 * Trusts its input: 0 < p0 < p1 < 1, 0 < alpha < 0.5, 0 < power < 1, searchMaxN >= 1.
 */
export function exactSingleArmDesignKernel(
  p0: number,
  p1: number,
  alpha: number,
  power: number,
  searchMaxN: number,
): ExactSingleArmSearch {
  const rs = new Int32Array(searchMaxN + 1);
  const alphas = new Float64Array(searchMaxN + 1);
  const powers = new Float64Array(searchMaxN + 1);
  let r = 0;
  for (let n = 1; n <= searchMaxN; n++) {
    let tail = upperTail(r, n, p0);
    while (tail > alpha) {
      r++;
      tail = upperTail(r, n, p0);
    }
    rs[n] = r;
    alphas[n] = tail;
    powers[n] = upperTail(r, n, p1);
  }
  const point = (n: number): ExactSingleArmPoint => Object.freeze({ n, r: rs[n], alpha: alphas[n], power: powers[n] });

  let smallest: ExactSingleArmPoint | null = null;
  for (let n = 1; n <= searchMaxN && smallest === null; n++) if (powers[n] >= power) smallest = point(n);
  let sawtoothN = searchMaxN + 1;
  while (sawtoothN > 1 && powers[sawtoothN - 1] >= power) sawtoothN--;
  const sawtooth = sawtoothN <= searchMaxN ? point(sawtoothN) : null;
  return Object.freeze({ smallest, sawtooth, searchMaxN, curve: Object.freeze({ r: rs, alpha: alphas, power: powers }) });
}
