import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { isConfType, survivalConfidenceLimits, type ConfType } from './survivalConfidenceLimits.js';
import { tabulateSurvivalTimes } from './tabulateSurvivalTimes.js';

/** One row per distinct observed time (event or censoring), as R survfit's time/n.risk/... vectors. */
export interface KaplanMeierStep {
  readonly time: number;
  /** Subjects with time >= this time. */
  readonly atRisk: number;
  readonly events: number;
  readonly censored: number;
  /** Product-limit survival just after this time. */
  readonly survival: number;
  /**
   * Greenwood standard error of log S (equivalently of the KM cumulative hazard -log S):
   * sqrt(sum d / (n (n - d))). This is R's `survfit()$std.err`. null where it is infinite (after S
   * reaches 0; R gives Inf).
   */
  readonly stdErrLogSurvival: number | null;
  /**
   * Greenwood standard error of S itself, S * stdErrLogSurvival: SAS LIFETEST's StdErr and R's
   * `summary(survfit)$std.err`. null once S reaches 0 (R gives NaN).
   */
  readonly stdErrSurvival: number | null;
  /** Pointwise confidence limits; null where R gives NA (see survivalConfidenceLimits). */
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface KaplanMeierCurve {
  readonly n: number;
  readonly events: number;
  readonly censored: number;
  readonly confType: ConfType;
  readonly confLevel: number;
  readonly steps: readonly KaplanMeierStep[];
}

export interface KaplanMeierInput {
  readonly time: ArrayLike<number>;
  /** 1 = event, 0 = censored. */
  readonly status: ArrayLike<number>;
  readonly confType?: ConfType;
  readonly confLevel?: number;
}

const MAX_ISSUES_PER_ARGUMENT = 50;

/**
 * Kernel: the product-limit curve from the events and censorings at each distinct time, ascending.
 * At a tied time events are counted before censorings (a subject censored at t was at risk at t),
 * as in R survfit and SAS LIFETEST. Times with no event and no censoring are skipped.
 */
export function kaplanMeierFromCounts(
  times: ArrayLike<number>,
  events: ArrayLike<number>,
  censored: ArrayLike<number>,
  confType: ConfType,
  confLevel: number,
): KaplanMeierCurve {
  let n = 0;
  let totalEvents = 0;
  let rows = 0;
  for (let k = 0; k < times.length; k++) {
    n += events[k] + censored[k];
    totalEvents += events[k];
    if (events[k] + censored[k] > 0) rows += 1;
  }
  const survival = new Float64Array(rows);
  const stdErrLog = new Float64Array(rows);
  const stepTime = new Float64Array(rows);
  const stepRisk = new Float64Array(rows);
  const stepEvents = new Float64Array(rows);
  const stepCensored = new Float64Array(rows);
  let atRisk = n;
  let km = 1;
  let greenwood = 0;
  let row = 0;
  for (let k = 0; k < times.length; k++) {
    const d = events[k];
    const c = censored[k];
    if (d + c === 0) continue;
    if (d > 0) {
      // Same operations, in the same order, as survfitkm.c, so results agree to the last bits.
      km *= (atRisk - d) / atRisk;
      greenwood += d / (atRisk * (atRisk - d));
    }
    stepTime[row] = times[k];
    stepRisk[row] = atRisk;
    stepEvents[row] = d;
    stepCensored[row] = c;
    survival[row] = km;
    stdErrLog[row] = Math.sqrt(greenwood);
    atRisk -= d + c;
    row += 1;
  }
  const lower = new Float64Array(rows);
  const upper = new Float64Array(rows);
  survivalConfidenceLimits(survival, stdErrLog, confType, confLevel, lower, upper);
  const steps: KaplanMeierStep[] = new Array<KaplanMeierStep>(rows);
  for (let i = 0; i < rows; i++) {
    const se = stdErrLog[i];
    const seS = survival[i] * se;
    steps[i] = Object.freeze({
      time: stepTime[i],
      atRisk: stepRisk[i],
      events: stepEvents[i],
      censored: stepCensored[i],
      survival: survival[i],
      stdErrLogSurvival: Number.isFinite(se) ? se : null,
      stdErrSurvival: Number.isFinite(seS) ? seS : null,
      lower: Number.isNaN(lower[i]) ? null : lower[i],
      upper: Number.isNaN(upper[i]) ? null : upper[i],
    });
  }
  return Object.freeze({ n, events: totalEvents, censored: n - totalEvents, confType, confLevel, steps: Object.freeze(steps) });
}

/** Kernel: trusts finite times >= 0 and 0/1 status. */
export function kaplanMeierKernel(
  time: Float64Array,
  status: Uint8Array,
  confType: ConfType = 'log-log',
  confLevel = 0.95,
): KaplanMeierCurve {
  const table = tabulateSurvivalTimes(time, status);
  return kaplanMeierFromCounts(table.times, table.events, table.censored, confType, confLevel);
}

/** Checks the options shared by every survival front end. */
export function validateConfidenceOptions(confType: unknown, confLevel: unknown): Issue[] {
  const issues: Issue[] = [];
  if (!isConfType(confType)) issues.push(issue('bad-conf-type', ['confType'], confType, "one of 'log-log', 'log', 'plain'"));
  if (typeof confLevel !== 'number' || !(confLevel > 0 && confLevel < 1)) {
    issues.push(issue('bad-conf-level', ['confLevel'], confLevel, 'a number strictly between 0 and 1, e.g. 0.95'));
  }
  return issues;
}

/**
 * Checks time/status pairs and copies them into typed arrays. Reports at most 50 bad values per
 * argument, each with its index.
 */
export function validateSurvivalData(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
): { issues: Issue[]; time: Float64Array; status: Uint8Array } {
  const issues: Issue[] = [];
  const n = time.length;
  const timeOut = new Float64Array(n);
  const statusOut = new Uint8Array(n);
  if (n === 0) issues.push(issue('empty-input', ['time'], [], 'at least one subject'));
  if (status.length !== n) {
    issues.push(issue('length-mismatch', ['status'], status.length, `${n} values, one per time`));
    return { issues, time: timeOut, status: statusOut };
  }
  let badTimes = 0;
  let badStatus = 0;
  for (let i = 0; i < n; i++) {
    const t: unknown = time[i];
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
      if (badTimes++ < MAX_ISSUES_PER_ARGUMENT) {
        const negative = typeof t === 'number' && t < 0 && Number.isFinite(t);
        issues.push(
          issue(negative ? 'negative-time' : 'bad-time', ['time', i], t, negative ? 'a time >= 0' : 'a finite number >= 0'),
        );
      }
    } else {
      timeOut[i] = t;
    }
    const s: unknown = status[i];
    if (s !== 0 && s !== 1) {
      if (badStatus++ < MAX_ISSUES_PER_ARGUMENT) issues.push(issue('bad-status', ['status', i], s, '0 (censored) or 1 (event)'));
    } else {
      statusOut[i] = s;
    }
  }
  return { issues, time: timeOut, status: statusOut };
}

/**
 * Kaplan-Meier product-limit estimate with Greenwood variance and pointwise confidence limits, as R
 * survival 3.5 `survfit(Surv(time, status) ~ 1, conf.type, conf.int)`. The default transform is
 * log-log (SAS LIFETEST's default); pass 'log' for R's default.
 */
export function computeKaplanMeier(input: KaplanMeierInput): Outcome<KaplanMeierCurve> {
  const confType = input.confType ?? 'log-log';
  const confLevel = input.confLevel ?? 0.95;
  const checked = validateSurvivalData(input.time, input.status);
  const issues = [...validateConfidenceOptions(confType, confLevel), ...checked.issues];
  if (issues.length > 0) return failure(issues);
  return success(kaplanMeierKernel(checked.time, checked.status, confType, confLevel));
}
