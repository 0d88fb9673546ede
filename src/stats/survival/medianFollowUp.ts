import { success, failure, type Outcome } from '../../result/index.js';
import { kaplanMeierFromCounts, validateConfidenceOptions, validateSurvivalData, type KaplanMeierCurve } from './kaplanMeier.js';
import type { ConfType } from './survivalConfidenceLimits.js';
import { survivalQuantilesKernel } from './survivalQuantiles.js';
import { tabulateSurvivalTimes } from './tabulateSurvivalTimes.js';

export interface MedianFollowUp {
  /** Median potential follow-up; null if the reverse curve never reaches 0.5. */
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** The reverse Kaplan-Meier curve (censoring as the event). */
  readonly curve: KaplanMeierCurve;
}

export interface MedianFollowUpInput {
  readonly time: ArrayLike<number>;
  /** 1 = event, 0 = censored, as for the ordinary curve: it is flipped here. */
  readonly status: ArrayLike<number>;
  readonly confType?: ConfType;
  readonly confLevel?: number;
}

/**
 * Kernel: the reverse curve from the events and censorings at each distinct time (as
 * tabulateSurvivalTimes gives them): the censorings become the events and the events the censorings.
 */
export function medianFollowUpFromCounts(
  times: ArrayLike<number>,
  events: ArrayLike<number>,
  censored: ArrayLike<number>,
  confType: ConfType,
  confLevel: number,
): MedianFollowUp {
  const curve = kaplanMeierFromCounts(times, censored, events, confType, confLevel);
  const [median] = survivalQuantilesKernel(curve, [0.5]);
  return Object.freeze({ estimate: median.estimate, lower: median.lower, upper: median.upper, curve });
}

/**
 * Median follow-up by the reverse Kaplan-Meier method (Schemper & Smith, Control Clin Trials 1996):
 * the Kaplan-Meier median of time with the status flipped, with its Brookmeyer-Crowley limits, as R
 * `quantile(survfit(Surv(time, 1 - status) ~ 1, conf.type = ...), 0.5)`.
 *
 * Ties: flipping makes the censorings the events, and the usual rule (events before censorings at the
 * same time) then counts a subject who had the event at time t as still under follow-up when another
 * is censored at t: exactly what R does with Surv(time, 1 - status). Events are never "events" here.
 */
export function computeMedianFollowUp(input: MedianFollowUpInput): Outcome<MedianFollowUp> {
  const confType = input.confType ?? 'log-log';
  const confLevel = input.confLevel ?? 0.95;
  const checked = validateSurvivalData(input.time, input.status);
  const issues = [...validateConfidenceOptions(confType, confLevel), ...checked.issues];
  if (issues.length > 0) return failure(issues);
  const table = tabulateSurvivalTimes(checked.time, checked.status);
  return success(medianFollowUpFromCounts(table.times, table.events, table.censored, confType, confLevel));
}
