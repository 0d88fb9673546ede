import type { KaplanMeierCurve } from '../survival/index.js';

/** The restricted mean survival time of one curve up to tau, with its standard error. */
export interface RestrictedMean {
  readonly tau: number;
  /** Area under the Kaplan-Meier curve from 0 to tau. */
  readonly estimate: number;
  /** survival's se(rmean): sqrt(sum over times t <= tau of A(t)^2 d / (Y (Y - d))), A(t) the area from t to tau. */
  readonly se: number;
}

/**
 * Kernel: the restricted mean of a Kaplan-Meier curve given as its steps (distinct times ascending,
 * with those at risk, the events and the survival just after each), as survival's survmean (R
 * `print(fit, rmean = tau)`): the area is a sum of rectangles under the step function from 0 to tau;
 * past the last time the curve is held flat at its last value up to tau. The variance pairs each time
 * t <= tau with the area after it, d / (Y (Y - d)) weighted by that area squared (0 where Y = d).
 * The sums are formed in survmean's order; R accumulates them in extended precision, so results agree
 * to about 1e-15 relative.
 */
export function restrictedMeanKernel(
  time: ArrayLike<number>,
  atRisk: ArrayLike<number>,
  events: ArrayLike<number>,
  survival: ArrayLike<number>,
  tau: number,
): RestrictedMean {
  let kept = 0;
  while (kept < time.length && time[kept] <= tau) kept++;
  // The rectangles: widths between successive points (0, the kept times, tau), heights the survival
  // before each point (1 before the first).
  const n = kept + 1;
  const rectangles = new Float64Array(n);
  let previousTime = 0;
  let previousSurvival = 1;
  for (let j = 0; j < n; j++) {
    const t = j < kept ? time[j] : tau;
    rectangles[j] = (t - previousTime) * previousSurvival;
    previousTime = t;
    if (j < kept) previousSurvival = survival[j];
  }
  let estimate = 0;
  for (let j = 0; j < n; j++) estimate += rectangles[j];
  // survmean: sum(cumsum(rev(rectangles[-1]))^2 * rev(hh)[-1]), hh = d / (Y (Y - d)) at the kept times.
  let variance = 0;
  let after = 0;
  for (let j = n - 1; j >= 1; j--) {
    after += rectangles[j];
    const i = j - 1;
    const y = atRisk[i];
    const d = events[i];
    const hh = y - d === 0 ? 0 : d / (y * (y - d));
    variance += after * after * hh;
  }
  return Object.freeze({ tau, estimate, se: Math.sqrt(variance) });
}

/** The restricted mean of a curve from kaplanMeierFromCounts / computeKaplanMeier. */
export function restrictedMeanOfCurve(curve: KaplanMeierCurve, tau: number): RestrictedMean {
  const steps = curve.steps;
  const m = steps.length;
  const time = new Float64Array(m);
  const atRisk = new Float64Array(m);
  const events = new Float64Array(m);
  const survival = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const s = steps[i];
    time[i] = s.time;
    atRisk[i] = s.atRisk;
    events[i] = s.events;
    survival[i] = s.survival;
  }
  return restrictedMeanKernel(time, atRisk, events, survival, tau);
}
