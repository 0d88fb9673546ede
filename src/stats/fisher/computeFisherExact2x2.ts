import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { checkCount } from './checkCount.js';
import { fisherExact2x2Kernel, type FisherExact2x2 } from './fisherExact2x2Kernel.js';

/** A 2 x 2 table with rows (a b) and (c d), e.g. responders / non-responders in two groups. */
export interface TwoByTwoTable {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
}

export interface FisherExact2x2Result extends FisherExact2x2 {
  readonly table: TwoByTwoTable;
}

/**
 * Fisher's exact test of a 2 x 2 table as R's fisher.test: two-sided p (tables no more probable than
 * the observed one), one-sided p for each direction, the conditional maximum-likelihood odds ratio and
 * its exact confidence interval. At the ends of the support the estimate is 0 or Infinity as in R (a
 * table whose first row or column total is 0 has a one-point support and gives estimate 0, CI 0 to
 * Infinity, p = 1).
 */
export function computeFisherExact2x2(
  table: TwoByTwoTable,
  options: { readonly confLevel?: number } = {},
): Outcome<FisherExact2x2Result> {
  const issues: Issue[] = [];
  for (const cell of ['a', 'b', 'c', 'd'] as const) {
    const problem = checkCount(table[cell], [cell]);
    if (problem !== undefined) issues.push(problem);
  }
  const confLevel = options.confLevel ?? 0.95;
  if (typeof confLevel !== 'number' || !(confLevel > 0 && confLevel < 1)) {
    issues.push(issue('invalid-conf-level', ['confLevel'], confLevel, 'a number between 0 and 1 (exclusive)'));
  }
  if (issues.length > 0) return failure(issues);
  const { a, b, c, d } = table;
  const result = fisherExact2x2Kernel(a, b, c, d, confLevel);
  return success(Object.freeze({ ...result, table: Object.freeze({ a, b, c, d }) }));
}
