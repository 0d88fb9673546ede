import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { clopperPearsonKernel, type ProportionInterval } from './clopperPearson.js';
import { exactBinomialTestKernel } from './exactBinomialTest.js';
import { wilsonScoreKernel } from './wilsonScore.js';

export interface BinomialProportionInput {
  /** Responders. */
  readonly x: unknown;
  /** Subjects. */
  readonly n: unknown;
  /** Null response rate of the exact test; default 0.5, as R's binom.test. */
  readonly p0?: unknown;
  /** Two-sided confidence level; default 0.95. */
  readonly confLevel?: unknown;
}

export interface BinomialProportion {
  readonly x: number;
  readonly n: number;
  readonly p0: number;
  readonly confLevel: number;
  /** x / n. */
  readonly estimate: number;
  /** Clopper-Pearson exact interval (R binom.test, SAS PROC FREQ BINOMIAL EXACT). */
  readonly clopperPearson: ProportionInterval;
  /** Wilson score interval without continuity correction (= R prop.test(x, n, correct = FALSE)). */
  readonly wilson: ProportionInterval;
  readonly pGreater: number;
  readonly pLess: number;
  readonly pTwoSided: number;
}

export const defaultBinomialP0 = 0.5;
export const defaultBinomialConfLevel = 0.95;

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * A response rate with its exact and Wilson intervals and the exact binomial test against p0.
 *
 * Validation is R's binom.test except for p0: R accepts 0 and 1, where the test is degenerate (every
 * outcome but one has probability 0, so the p-value is 0 or 1 whatever the data say). A design's
 * null rate is never 0 or 1, so such a value is taken to be a mistake and rejected: p0 must lie in (0, 1).
 */
export function computeBinomialProportion(input: BinomialProportionInput): Outcome<BinomialProportion> {
  const issues: Issue[] = [];
  const { x, n } = input;
  const p0 = input.p0 ?? defaultBinomialP0;
  const confLevel = input.confLevel ?? defaultBinomialConfLevel;

  const nOk = isNumber(n) && Number.isInteger(n) && n >= 1;
  if (!nOk) issues.push(issue('bad-n', ['n'], n, 'a whole number of subjects >= 1'));
  if (!(isNumber(x) && Number.isInteger(x) && x >= 0)) {
    issues.push(issue('bad-x', ['x'], x, 'a whole number of responders >= 0'));
  } else if (nOk && x > n) {
    issues.push(issue('x-exceeds-n', ['x'], x, `at most n = ${n} responders`));
  }
  if (!(isNumber(p0) && p0 > 0 && p0 < 1)) {
    issues.push(issue('bad-p0', ['p0'], p0, 'a null response rate strictly between 0 and 1'));
  }
  if (!(isNumber(confLevel) && confLevel > 0 && confLevel < 1)) {
    issues.push(issue('bad-conf-level', ['confLevel'], confLevel, 'a confidence level strictly between 0 and 1, e.g. 0.95'));
  }
  if (issues.length > 0 || !isNumber(x) || !isNumber(n) || !isNumber(p0) || !isNumber(confLevel)) return failure(issues);

  const test = exactBinomialTestKernel(x, n, p0);
  return success(
    Object.freeze({
      x,
      n,
      p0,
      confLevel,
      estimate: x / n,
      clopperPearson: clopperPearsonKernel(x, n, confLevel),
      wilson: wilsonScoreKernel(x, n, confLevel),
      pGreater: test.pGreater,
      pLess: test.pLess,
      pTwoSided: test.pTwoSided,
    }),
  );
}
