import type { KaplanMeierCurve } from './kaplanMeier.js';

/**
 * Subjects at risk at time t (observed time >= t), for risk tables under a plot: R's
 * `summary(survfit, times = t, extend = TRUE)$n.risk`, which is 0 after the last observed time.
 */
export function numberAtRiskAt(curve: KaplanMeierCurve, time: number): number {
  const steps = curve.steps;
  const before = lastStepBefore(curve, time);
  if (before + 1 >= steps.length) return 0;
  return steps[before + 1].atRisk;
}

function lastStepBefore(curve: KaplanMeierCurve, time: number): number {
  const steps = curve.steps;
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (steps[mid].time < time) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
