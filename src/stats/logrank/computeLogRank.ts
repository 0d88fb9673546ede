import { issue, success, failure, type Issue, type Outcome } from '../../result/index.js';
import { logRankChiSquare } from './logRankChiSquare.js';
import { logRankKernel } from './logRankKernel.js';
import { validateLogRankInput, type LogRankInput } from './validateLogRankInput.js';

export interface LogRankGroup {
  readonly group: string;
  readonly n: number;
  readonly observed: number;
  readonly expected: number;
  /** False for a group with no expected events (never at risk at an event time): survdiff leaves it out. */
  readonly tested: boolean;
}

export interface LogRankResult {
  readonly chisq: number;
  readonly df: number;
  /** Upper chi-square tail; NaN when there is nothing to test (see computeLogRank). */
  readonly p: number;
  readonly groups: readonly LogRankGroup[];
  /** Covariance of observed - expected, rows and columns in the order of `groups`. */
  readonly variance: readonly (readonly number[])[];
  readonly strata: number;
}

/**
 * The log-rank test of equal survival across groups, as R survival's survdiff(rho = 0): k groups give a
 * chi-square on k - 1 df; with `strata`, observed - expected and the variance are summed over strata
 * (survdiff with strata()).
 *
 * - A group with no events is tested as in R: its expected count is positive and it pulls the
 *   statistic the other way.
 * - A group never at risk at an event time has expected 0: like survdiff it is left out of the test and
 *   df drops by one (warning `group-not-tested`).
 * - No events at all, or fewer than two groups with expected events: there is nothing to test; chisq 0,
 *   df 0, p NaN with a warning `no-events` / `no-test` (survdiff reports chisq 0 and a meaningless p).
 * - Times are compared exactly; survdiff first merges times equal up to rounding (aeqSurv), which only
 *   matters for times computed by arithmetic that should have been equal.
 */
export function computeLogRank(input: LogRankInput): Outcome<LogRankResult> {
  const checked = validateLogRankInput(input);
  if (!checked.ok) return failure(checked.issues);
  const { coded } = checked;
  const k = coded.levels.length;
  const sums = logRankKernel(coded.time, coded.status, coded.groupIndex, k, coded.stratumIndex);
  const test = logRankChiSquare(sums.observed, sums.expected, sums.variance);

  const warnings: Issue[] = [];
  const totalEvents = sums.observed.reduce((s, v) => s + v, 0);
  if (totalEvents === 0) {
    warnings.push(issue('no-events', ['status'], 0, 'at least one event for a log-rank test', 'warning'));
  } else {
    coded.levels.forEach((label, g) => {
      if (!test.tested[g]) {
        warnings.push(
          issue('group-not-tested', ['group'], label, 'a group at risk at some event time; it is left out of the test', 'warning'),
        );
      }
    });
    if (Number.isNaN(test.p)) {
      warnings.push(issue('no-test', ['group'], k, 'at least 2 groups at risk at an event time', 'warning'));
    }
  }

  const groups = coded.levels.map((label, g) =>
    Object.freeze({
      group: label,
      n: sums.n[g],
      observed: sums.observed[g],
      expected: sums.expected[g],
      tested: test.tested[g],
    }),
  );
  const variance = coded.levels.map((_, r) => Object.freeze(Array.from(sums.variance.subarray(r * k, (r + 1) * k))));
  return success(
    Object.freeze({
      chisq: test.chisq,
      df: test.df,
      p: test.p,
      groups: Object.freeze(groups),
      variance: Object.freeze(variance),
      strata: coded.nStrata,
    }),
    warnings,
  );
}
