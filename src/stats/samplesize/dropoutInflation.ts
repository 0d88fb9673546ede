/**
 * How a dropout rate d turns the evaluable n into the number to enrol:
 * - `multiply`: n * (1 + d), rounded to the nearest whole patient. What the Zhou 2023 protocol did
 *   ("Considering a dropout rate of 20%, the sample size was expanded to 79": 66 * 1.2 = 79.2 -> 79).
 *   It under-covers: 79 * 0.8 = 63.2 evaluable, fewer than 66.
 * - `divide`: ceil(n / (1 - d)), the usual convention, which keeps n evaluable in expectation (66 -> 83).
 */
export type DropoutMethod = 'multiply' | 'divide';

export const dropoutMethods: readonly DropoutMethod[] = Object.freeze(['multiply', 'divide']);

// n * (1 + d) and n / (1 - d) are not exact in binary (21 / 0.7 = 30.000000000000004, 50 * 1.15 = 57.49999999999999): a slack far
// below one patient keeps an exact product from being rounded up or past a half.
const slack = 1e-9;

/** Trusts its input: n >= 1 whole, 0 <= dropout < 1. */
export function dropoutInflation(n: number, dropout: number, method: DropoutMethod): number {
  if (method === 'multiply') return Math.floor(n * (1 + dropout) + 0.5 + slack);
  return Math.ceil(n / (1 - dropout) - slack);
}
