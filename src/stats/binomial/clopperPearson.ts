import { betaQuantile } from '../distributions/index.js';

/** A two-sided confidence interval for a proportion, on the 0-1 scale. */
export interface ProportionInterval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Clopper-Pearson exact interval, as R's `binom.test(x, n)$conf.int` and SAS PROC FREQ BINOMIAL EXACT:
 * the beta quantiles that invert the two one-sided exact tests at (1 - confLevel) / 2 each. The limits
 * are pinned to 0 at x = 0 and 1 at x = n, where the corresponding tail has no outcome beyond x.
 * Trusts its input: integers with 0 <= x <= n, n >= 1, 0 < confLevel < 1.
 */
export function clopperPearsonKernel(x: number, n: number, confLevel: number): ProportionInterval {
  const tail = (1 - confLevel) / 2;
  const lower = x === 0 ? 0 : betaQuantile(tail, x, n - x + 1);
  const upper = x === n ? 1 : betaQuantile(1 - tail, x + 1, n - x);
  return Object.freeze({ lower, upper });
}
