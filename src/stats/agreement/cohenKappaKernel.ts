import { normalQuantile, normalTwoSidedP } from '../distributions/index.js';

/** Cohen's simple kappa of a square agreement table, with the asymptotic standard errors SAS PROC FREQ reports. */
export interface CohenKappa {
  readonly n: number;
  /** Observed proportion of agreement, sum of the diagonal / n. */
  readonly observedAgreement: number;
  /** Agreement expected by chance from the margins, sum of p(i.) p(.i). */
  readonly expectedAgreement: number;
  /** (po - pe) / (1 - pe); null when pe = 1 (both raters used one single category: kappa undefined). */
  readonly kappa: number | null;
  /**
   * Asymptotic standard error (Fleiss, Cohen & Everitt 1969), used for the confidence interval; SAS
   * PROC FREQ AGREE's "ASE".
   */
  readonly stdErr: number | null;
  readonly confLevel: number;
  /** kappa -/+ z(1 - alpha/2) x stdErr (Wald), not truncated to [-1, 1], as SAS. */
  readonly lower: number | null;
  readonly upper: number | null;
  /** Standard error under H0: kappa = 0, for the test. */
  readonly stdErrNull: number | null;
  /** kappa / stdErrNull. */
  readonly z: number | null;
  /** Two-sided P of the z test of kappa = 0. */
  readonly p: number | null;
}

/**
 * Kernel: `counts` is a k x k table in row-major order (rows: rater A, columns: rater B). Trusts
 * non-negative counts with n >= 1 and 0 < confLevel < 1.
 *
 * Formulas (Fleiss, Cohen & Everitt, Psychol Bull 1969;72:323; SAS PROC FREQ "Simple Kappa
 * Coefficient"), with p(ij) = count / n, row margins r(i), column margins c(j):
 *   var = [ sum_i p(ii) (1 - (r(i) + c(i)) (1 - kappa))^2
 *           + (1 - kappa)^2 sum_{i != j} p(ij) (c(i) + r(j))^2
 *           - (kappa - pe (1 - kappa))^2 ] / ((1 - pe)^2 n)
 *   var0 = [ pe + pe^2 - sum_i r(i) c(i) (r(i) + c(i)) ] / ((1 - pe)^2 n)
 */
export function cohenKappaKernel(counts: Float64Array, k: number, confLevel: number): CohenKappa {
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i];
  const rows = new Float64Array(k);
  const cols = new Float64Array(k);
  let po = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const p = counts[i * k + j] / n;
      rows[i] += p;
      cols[j] += p;
      if (i === j) po += p;
    }
  }
  let pe = 0;
  let nullSum = 0;
  for (let i = 0; i < k; i++) {
    pe += rows[i] * cols[i];
    nullSum += rows[i] * cols[i] * (rows[i] + cols[i]);
  }
  const base = { n, observedAgreement: po, expectedAgreement: pe, confLevel };
  // Floating sums of margins can land a hair away from 1 when one category holds everything.
  if (Math.abs(1 - pe) < 1e-12) {
    return Object.freeze({ ...base, kappa: null, stdErr: null, lower: null, upper: null, stdErrNull: null, z: null, p: null });
  }
  const kappa = (po - pe) / (1 - pe);
  let diagonal = 0;
  let offDiagonal = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const p = counts[i * k + j] / n;
      if (i === j) diagonal += p * (1 - (rows[i] + cols[i]) * (1 - kappa)) ** 2;
      else offDiagonal += p * (cols[i] + rows[j]) ** 2;
    }
  }
  const denominator = (1 - pe) ** 2 * n;
  const variance = (diagonal + (1 - kappa) ** 2 * offDiagonal - (kappa - pe * (1 - kappa)) ** 2) / denominator;
  // Rounding can push a zero variance (perfect agreement) slightly negative.
  const stdErr = Math.sqrt(Math.max(variance, 0));
  const stdErrNull = Math.sqrt(Math.max((pe + pe * pe - nullSum) / denominator, 0));
  const zCrit = normalQuantile(1 - (1 - confLevel) / 2);
  const z = stdErrNull > 0 ? kappa / stdErrNull : null;
  return Object.freeze({
    ...base,
    kappa,
    stdErr,
    lower: kappa - zCrit * stdErr,
    upper: kappa + zCrit * stdErr,
    stdErrNull: stdErrNull > 0 ? stdErrNull : null,
    z,
    p: z === null ? null : normalTwoSidedP(z),
  });
}
