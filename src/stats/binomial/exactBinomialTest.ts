import { betaCdf, binomialCdf, binomialPmf } from '../distributions/index.js';

/** p-values of the exact binomial test of H0: p = p0, in the three directions. */
export interface ExactBinomialTest {
  /** P(X >= x | p0): evidence that the rate exceeds p0 (R's alternative = "greater"). */
  readonly pGreater: number;
  /** P(X <= x | p0): evidence that the rate is below p0 (R's alternative = "less"). */
  readonly pLess: number;
  /** R's two-sided p-value: the probability of every outcome no more probable than x. */
  readonly pTwoSided: number;
}

// R's binom.test treats outcomes within this relative distance of the observed probability as
// equally probable, so that ties broken by rounding do not move the two-sided p-value.
const relativeTolerance = 1 + 1e-7;

/**
 * P(X >= x) computed directly as the regularised incomplete beta I_p(x, n - x + 1), as R's
 * pbinom(x - 1, lower.tail = FALSE) does, so that small upper tails keep their digits.
 */
export function binomialUpperTail(x: number, n: number, p: number): number {
  if (x <= 0) return 1;
  if (x > n) return 0;
  return betaCdf(p, x, n - x + 1);
}

/**
 * The exact binomial test as R 4.2's binom.test. Two-sided: the sum of the probabilities of the
 * outcomes on the other side of n * p0 that are no more probable than the observed one (relative
 * tolerance 1 + 1e-7), plus the observed tail; 1 when x equals n * p0. Trusts its input: integers
 * with 0 <= x <= n, n >= 1, and 0 < p0 < 1.
 */
export function exactBinomialTestKernel(x: number, n: number, p0: number): ExactBinomialTest {
  const pGreater = binomialUpperTail(x, n, p0);
  const pLess = binomialCdf(x, n, p0);
  const observed = binomialPmf(x, n, p0) * relativeTolerance;
  const mean = n * p0;
  let pTwoSided: number;
  if (x === mean) {
    pTwoSided = 1;
  } else if (x < mean) {
    let y = 0;
    for (let i = Math.ceil(mean); i <= n; i++) if (binomialPmf(i, n, p0) <= observed) y++;
    pTwoSided = pLess + binomialUpperTail(n - y + 1, n, p0);
  } else {
    let y = 0;
    for (let i = 0; i <= Math.floor(mean); i++) if (binomialPmf(i, n, p0) <= observed) y++;
    pTwoSided = (y > 0 ? binomialCdf(y - 1, n, p0) : 0) + pGreater;
  }
  return Object.freeze({ pGreater, pLess, pTwoSided: Math.min(1, pTwoSided) });
}
