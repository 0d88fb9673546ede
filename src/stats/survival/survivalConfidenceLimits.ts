import { normalQuantile } from '../distributions/index.js';

/** Pointwise confidence-interval transforms for a survival curve (R survfit's conf.type). */
export type ConfType = 'log-log' | 'log' | 'plain';

export const CONF_TYPES: readonly ConfType[] = Object.freeze(['log-log', 'log', 'plain']);

export function isConfType(value: unknown): value is ConfType {
  return typeof value === 'string' && (CONF_TYPES as readonly string[]).includes(value);
}

/**
 * Fills `lower` and `upper` (NaN where R gives NA) for survival `survival` whose standard error of
 * log S is `stdErrLog`, as R survival 3.5's survfit_confint(logse = TRUE) does it, including its edges:
 * - log: no limits at S = 0; the upper limit is clipped to 1.
 * - log-log: no limits at S = 0 nor at S = 1 (log(-log S) is undefined there), no clipping.
 * - plain: S -/+ z SE(S), clipped to [0, 1]; at S = 0 after a step to zero SE(log S) is infinite and
 *   0 * Inf is NaN, so the limits are missing there too, as in R.
 */
export function survivalConfidenceLimits(
  survival: Float64Array,
  stdErrLog: Float64Array,
  confType: ConfType,
  confLevel: number,
  lower: Float64Array,
  upper: Float64Array,
): void {
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  for (let i = 0; i < survival.length; i++) {
    const p = survival[i];
    const se = stdErrLog[i];
    if (confType === 'plain') {
      const half = se * p * z;
      // Math.max/min propagate NaN like R's pmax/pmin without na.rm.
      lower[i] = Math.max(p - half, 0);
      upper[i] = Math.min(p + half, 1);
    } else if (confType === 'log') {
      if (p === 0) {
        lower[i] = Number.NaN;
        upper[i] = Number.NaN;
      } else {
        const half = z * se;
        lower[i] = Math.exp(Math.log(p) - half);
        upper[i] = Math.min(Math.exp(Math.log(p) + half), 1);
      }
    } else if (p === 0 || p === 1) {
      lower[i] = Number.NaN;
      upper[i] = Number.NaN;
    } else {
      const half = (z * se) / Math.log(p);
      const center = Math.log(-Math.log(p));
      lower[i] = Math.exp(-Math.exp(center - half));
      upper[i] = Math.exp(-Math.exp(center + half));
    }
  }
}
