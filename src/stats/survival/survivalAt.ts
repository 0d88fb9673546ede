import { failure, issue, success, type Outcome } from '../../result/index.js';
import type { KaplanMeierCurve } from './kaplanMeier.js';
import { numberAtRiskAt } from './numberAtRiskAt.js';

/** The curve read at a landmark time, as one row of R's `summary(survfit, times = ...)`. */
export interface SurvivalAtTime {
  readonly time: number;
  /** null when the time lies after the last observed time (see `reason`). */
  readonly survival: number | null;
  /** Greenwood SE of S (summary.survfit's std.err); null where not finite or not estimable. */
  readonly stdErrSurvival: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Subjects still at risk at this time (time >= t); 0 after the last observed time. */
  readonly atRisk: number;
  /** Why survival is null: the curve is not defined after its last observed time (R omits such times). */
  readonly reason: 'after-last-observation' | null;
}

/**
 * Survival at chosen times with its confidence limits, as R survival 3.5
 * `summary(survfit, times = t)`: the value of the last step at or before t, the starting values
 * (S = 1, SE 0, limits 1) before the first observed time. A time after the last observed time gives
 * nulls with a reason (R's extend = FALSE drops it). Results keep the order of `times`.
 */
export function computeSurvivalAt(curve: KaplanMeierCurve, times: readonly number[]): Outcome<readonly SurvivalAtTime[]> {
  const issues = times.flatMap((t, i) =>
    typeof t === 'number' && Number.isFinite(t) ? [] : [issue('bad-time', ['times', i], t, 'a finite time')],
  );
  if (issues.length > 0) return failure(issues);
  return success(survivalAtKernel(curve, times));
}

/** Kernel: trusts finite times. */
export function survivalAtKernel(curve: KaplanMeierCurve, times: readonly number[]): readonly SurvivalAtTime[] {
  const steps = curve.steps;
  const lastTime = steps.length === 0 ? Number.NEGATIVE_INFINITY : steps[steps.length - 1].time;
  return Object.freeze(
    times.map((time): SurvivalAtTime => {
      const atRisk = numberAtRiskAt(curve, time);
      if (time > lastTime) {
        return Object.freeze({ time, survival: null, stdErrSurvival: null, lower: null, upper: null, atRisk, reason: 'after-last-observation' });
      }
      const index = lastStepAtOrBefore(curve, time);
      // survfit0 prepends a time-0 row (S = 1, limits 1) unless the data already start at 0; a time
      // before the first row reads that row.
      const startsAtZero = steps[0].time === 0;
      if (index < 0 && !startsAtZero) {
        return Object.freeze({ time, survival: 1, stdErrSurvival: 0, lower: 1, upper: 1, atRisk, reason: null });
      }
      const step = steps[Math.max(index, 0)];
      return Object.freeze({
        time,
        survival: step.survival,
        stdErrSurvival: step.stdErrSurvival,
        lower: step.lower,
        upper: step.upper,
        atRisk,
        reason: null,
      });
    }),
  );
}

function lastStepAtOrBefore(curve: KaplanMeierCurve, time: number): number {
  const steps = curve.steps;
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (steps[mid].time <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
