import { normalQuantile } from '../distributions/index.js';
import type { ProportionInterval } from './clopperPearson.js';

/**
 * Wilson score interval without continuity correction: the same numbers as R's
 * `prop.test(x, n, correct = FALSE)$conf.int`, written as R writes it so the digits agree
 * (R clamps to [0, 1] and pins the limit to 0 or 1 when x is 0 or n).
 * Trusts its input: integers with 0 <= x <= n, n >= 1, 0 < confLevel < 1.
 */
export function wilsonScoreKernel(x: number, n: number, confLevel: number): ProportionInterval {
  const z = normalQuantile((1 + confLevel) / 2);
  const estimate = x / n;
  const z22n = (z * z) / (2 * n);
  const spread = z * Math.sqrt((estimate * (1 - estimate)) / n + z22n / (2 * n));
  const upper = estimate >= 1 ? 1 : (estimate + z22n + spread) / (1 + 2 * z22n);
  const lower = estimate <= 0 ? 0 : (estimate + z22n - spread) / (1 + 2 * z22n);
  return Object.freeze({ lower: Math.max(lower, 0), upper: Math.min(upper, 1) });
}
