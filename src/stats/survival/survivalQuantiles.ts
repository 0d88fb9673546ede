import { failure, issue, success, type Outcome } from '../../result/index.js';
import type { KaplanMeierCurve } from './kaplanMeier.js';

/** A quantile of the event-time distribution: the time by which a fraction `probability` has had the event. */
export interface SurvivalQuantile {
  /** 0.5 is the median: the time where S first falls to 0.5. */
  readonly probability: number;
  /** null when the curve never reaches 1 - probability ("not reached"). */
  readonly estimate: number | null;
  /** Where the lower confidence band reaches 1 - probability; null if it never does. */
  readonly lower: number | null;
  /** Where the upper confidence band reaches 1 - probability; null if it never does (NR). */
  readonly upper: number | null;
}

/** R's default tolerance for "S sits exactly at the probability": sqrt(.Machine$double.eps). */
const TOLERANCE = Math.sqrt(2 ** -52);

/**
 * R survival's internal findq(): the first x where y reaches p, with the midpoint rule when y equals p
 * (within tol) over an interval. y may hold NaN (a missing confidence limit), which R's approx() drops.
 * Reproduced step by step (de-duplication, NA removal, sorting by y + tol) so edge cases agree.
 */
function findQuantiles(x: readonly number[], y: readonly number[], probs: readonly number[], tol: number): (number | null)[] {
  let maxY = Number.NEGATIVE_INFINITY;
  for (const v of y) if (!Number.isNaN(v) && v > maxY) maxY = v;
  if (maxY < Math.min(...probs)) return probs.map(() => null);
  const xmax = x[x.length - 1];
  // duplicated(y): keep the first of equal values; NaN equals NaN there.
  const ux: number[] = [];
  const uy: number[] = [];
  const seen = new Set<number>();
  let seenNaN = false;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (Number.isNaN(v)) {
      if (seenNaN) continue;
      seenNaN = true;
    } else {
      if (seen.has(v)) continue;
      seen.add(v);
    }
    ux.push(x[i]);
    uy.push(v);
  }
  const n = uy.length;
  // approx(y +/- tol, 1:n, p, method = "constant", f = 1): the index of the smallest knot >= p
  // (exact knots return their own index), NA outside the knots.
  const lookup = (shift: number): ((p: number) => number | null) => {
    const knots: { at: number; index: number }[] = [];
    for (let i = 0; i < n; i++) if (!Number.isNaN(uy[i])) knots.push({ at: uy[i] + shift, index: i });
    knots.sort((a, b) => a.at - b.at);
    return (p) => {
      if (knots.length === 0 || p < knots[0].at || p > knots[knots.length - 1].at) return null;
      for (const knot of knots) if (knot.at >= p) return knot.index;
      return null;
    };
  };
  const first = lookup(tol);
  const second = lookup(-tol);
  const last = uy[n - 1];
  return probs.map((p) => {
    const i1 = first(p);
    const i2 = second(p);
    if (!Number.isNaN(last) && Math.abs(p - last) < tol) return i1 === null ? null : (ux[i1] + xmax) / 2;
    if (p === 0) return ux[0];
    if (i1 === null || i2 === null) return null;
    return (ux[i1] + ux[i2]) / 2;
  });
}

/**
 * Quantiles of the event-time distribution with confidence limits, as R survival 3.5
 * `quantile(survfit, probs)` (Brookmeyer-Crowley limits, read off the pointwise band of the curve's
 * own transform). A curve that stays at 1 - probability over an interval gives that interval's
 * midpoint; a quantile or limit that is never reached is null. The default probabilities give the
 * first quartile, the median and the third quartile of the event times.
 */
export function computeSurvivalQuantiles(
  curve: KaplanMeierCurve,
  probs: readonly number[] = [0.25, 0.5, 0.75],
): Outcome<readonly SurvivalQuantile[]> {
  const issues = probs.flatMap((p, i) =>
    typeof p === 'number' && p >= 0 && p <= 1 ? [] : [issue('bad-probability', ['probs', i], p, 'a probability in [0, 1]')],
  );
  if (probs.length === 0) issues.push(issue('empty-input', ['probs'], [], 'at least one probability'));
  if (issues.length > 0) return failure(issues);
  return success(survivalQuantilesKernel(curve, probs));
}

/** Kernel: trusts probabilities in [0, 1]. */
export function survivalQuantilesKernel(curve: KaplanMeierCurve, probs: readonly number[]): readonly SurvivalQuantile[] {
  const x = [0];
  const ySurv = [0];
  const yLower = [0];
  const yUpper = [0];
  for (const step of curve.steps) {
    x.push(step.time);
    ySurv.push(1 - step.survival);
    yLower.push(step.lower === null ? Number.NaN : 1 - step.lower);
    yUpper.push(step.upper === null ? Number.NaN : 1 - step.upper);
  }
  const estimate = findQuantiles(x, ySurv, probs, TOLERANCE);
  const lower = findQuantiles(x, yLower, probs, TOLERANCE);
  const upper = findQuantiles(x, yUpper, probs, TOLERANCE);
  return Object.freeze(
    probs.map((probability, i) => Object.freeze({ probability, estimate: estimate[i], lower: lower[i], upper: upper[i] })),
  );
}
