import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { cohenKappaKernel, type CohenKappa } from './cohenKappaKernel.js';

export interface CohenKappaInput {
  /** Category given to each subject by the first rater (e.g. IRC best response). */
  readonly ratingsA: readonly unknown[];
  /** Category given to the same subjects, in the same order, by the second rater. */
  readonly ratingsB: readonly unknown[];
  /**
   * The categories and their order (rows and columns of the table). Default: the distinct labels of
   * both raters sorted by code point. A category nobody used still counts as a row and column of zeros.
   */
  readonly categories?: readonly string[];
  readonly confLevel?: number;
}

export interface CohenKappaResult extends CohenKappa {
  readonly categories: readonly string[];
  /** table[i][j]: subjects rated categories[i] by A and categories[j] by B. */
  readonly table: readonly (readonly number[])[];
}

const MAX_ISSUES = 50;

/**
 * Cohen's simple (unweighted) kappa of two raters' categorical ratings of the same subjects, with the
 * asymptotic CI and the test of kappa = 0 (see cohenKappaKernel). Ratings are compared as labels.
 */
export function computeCohenKappa(input: CohenKappaInput): Outcome<CohenKappaResult> {
  const issues: Issue[] = [];
  const { ratingsA, ratingsB } = input;
  const confLevel = input.confLevel ?? 0.95;
  if (ratingsA.length === 0) issues.push(issue('empty-input', ['ratingsA'], ratingsA.length, 'at least one rated subject'));
  if (ratingsB.length !== ratingsA.length) {
    issues.push(issue('length-mismatch', ['ratingsB'], ratingsB.length, `as many ratings as ratingsA (${ratingsA.length})`));
  }
  if (typeof confLevel !== 'number' || !(confLevel > 0 && confLevel < 1)) {
    issues.push(issue('bad-conf-level', ['confLevel'], confLevel, 'a number strictly between 0 and 1, e.g. 0.95'));
  }
  const given = input.categories;
  if (given !== undefined) {
    if (given.length === 0) issues.push(issue('empty-input', ['categories'], given, 'at least one category'));
    if (new Set(given).size !== given.length) issues.push(issue('duplicate-category', ['categories'], given, 'distinct categories'));
  }
  const known = given === undefined ? null : new Set(given);
  let bad = 0;
  const check = (ratings: readonly unknown[], name: 'ratingsA' | 'ratingsB'): void => {
    ratings.forEach((value, i) => {
      if (bad >= MAX_ISSUES) return;
      if (typeof value !== 'string' || value === '') {
        bad += 1;
        issues.push(issue('missing-rating', [name, i], value, 'a category label'));
      } else if (known !== null && !known.has(value)) {
        bad += 1;
        issues.push(issue('unknown-category', [name, i], value, `one of ${[...known].join(', ')}`));
      }
    });
  };
  check(ratingsA, 'ratingsA');
  check(ratingsB, 'ratingsB');
  if (issues.length > 0) return failure(issues);

  const a = ratingsA as readonly string[];
  const b = ratingsB as readonly string[];
  const categories = given ?? [...new Set([...a, ...b])].sort();
  const k = categories.length;
  const index = new Map(categories.map((label, i) => [label, i]));
  const counts = new Float64Array(k * k);
  for (let s = 0; s < a.length; s++) counts[(index.get(a[s]) ?? 0) * k + (index.get(b[s]) ?? 0)] += 1;
  const table = categories.map((_, i) => Object.freeze(Array.from(counts.subarray(i * k, (i + 1) * k))));
  const result = cohenKappaKernel(counts, k, confLevel);
  const warnings =
    result.kappa === null
      ? [issue('kappa-undefined', ['ratingsA'], categories, 'ratings spread over at least two categories (chance agreement is 1)', 'warning')]
      : [];
  return success(Object.freeze({ ...result, categories: Object.freeze([...categories]), table: Object.freeze(table) }), warnings);
}
