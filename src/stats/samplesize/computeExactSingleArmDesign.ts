import { failure, issue, success, type Outcome } from '../../result/index.js';
import { designInputIssues, isFiniteNumber } from './designInputIssues.js';
import { dropoutInflation, dropoutMethods, type DropoutMethod } from './dropoutInflation.js';
import { exactSingleArmDesignKernel, type ExactSingleArmPoint } from './exactSingleArmDesign.js';

export interface ExactSingleArmDesignInput {
  readonly p0: unknown;
  readonly p1: unknown;
  /** One-sided significance level. */
  readonly alpha: unknown;
  readonly power: unknown;
  /** Expected dropout fraction, default 0. */
  readonly dropout?: unknown;
  /** Default `multiply` (the paper's convention). */
  readonly dropoutMethod?: unknown;
  /** Largest n searched, default 1000; also the bound of the saw-tooth check. */
  readonly searchMaxN?: unknown;
}

export interface ExactSingleArmDesign {
  readonly p0: number;
  readonly p1: number;
  readonly targetAlpha: number;
  readonly targetPower: number;
  /** Smallest n whose exact power reaches the target. */
  readonly n: number;
  /** Smallest number of responses out of n that rejects H0. */
  readonly r: number;
  /** Attained alpha and power at n. */
  readonly alpha: number;
  readonly power: number;
  /** Smallest N from which every n up to searchMaxN reaches the power; null if n = searchMaxN does not. */
  readonly sawtooth: ExactSingleArmPoint | null;
  readonly searchMaxN: number;
  readonly dropout: number;
  readonly dropoutMethod: DropoutMethod;
  /** n inflated for dropout by dropoutMethod. */
  readonly nEnrolled: number;
}

export const defaultSearchMaxN = 1000;
const largestSearchMaxN = 100000;

/**
 * Sample size of a single-arm trial analysed with the one-sided exact binomial test (PASS "one
 * proportion, exact test"); Zhou 2023: p0 0.12, p1 0.25, alpha 0.025, power 0.80 -> n 66, r 14,
 * and with 20% dropout by `multiply` 79.
 */
export function computeExactSingleArmDesign(input: ExactSingleArmDesignInput): Outcome<ExactSingleArmDesign> {
  const issues = designInputIssues(input);
  const dropout = input.dropout ?? 0;
  const dropoutMethod = input.dropoutMethod ?? 'multiply';
  const searchMaxN = input.searchMaxN ?? defaultSearchMaxN;
  if (!(isFiniteNumber(dropout) && dropout >= 0 && dropout < 1)) {
    issues.push(issue('bad-dropout', ['dropout'], dropout, 'a dropout fraction >= 0 and < 1, e.g. 0.2'));
  }
  const method = dropoutMethods.find((m) => m === dropoutMethod);
  if (method === undefined) {
    issues.push(issue('bad-dropout-method', ['dropoutMethod'], dropoutMethod, `one of ${dropoutMethods.join(', ')}`));
  }
  if (!(isFiniteNumber(searchMaxN) && Number.isInteger(searchMaxN) && searchMaxN >= 1 && searchMaxN <= largestSearchMaxN)) {
    issues.push(issue('bad-search-max-n', ['searchMaxN'], searchMaxN, `a whole number from 1 to ${largestSearchMaxN}`));
  }
  const { p0, p1, alpha, power } = input;
  if (
    issues.length > 0 ||
    method === undefined ||
    !isFiniteNumber(p0) ||
    !isFiniteNumber(p1) ||
    !isFiniteNumber(alpha) ||
    !isFiniteNumber(power) ||
    !isFiniteNumber(dropout) ||
    !isFiniteNumber(searchMaxN)
  ) {
    return failure(issues);
  }

  const search = exactSingleArmDesignKernel(p0, p1, alpha, power, searchMaxN);
  if (search.smallest === null) {
    return failure([
      issue('no-design-within-search', ['searchMaxN'], searchMaxN, `a larger search bound: no n up to ${searchMaxN} reaches power ${power}`),
    ]);
  }
  const { n, r } = search.smallest;
  return success(
    Object.freeze({
      p0,
      p1,
      targetAlpha: alpha,
      targetPower: power,
      n,
      r,
      alpha: search.smallest.alpha,
      power: search.smallest.power,
      sawtooth: search.sawtooth,
      searchMaxN,
      dropout,
      dropoutMethod: method,
      nEnrolled: dropoutInflation(n, dropout, method),
    }),
  );
}
