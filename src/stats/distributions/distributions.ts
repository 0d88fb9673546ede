/**
 * The probability distributions the statistics need, from @stdlib (well-kept, tested against
 * reference implementations). One module so every statistic uses the same routines and tail
 * conventions: upper tails are computed directly, never as 1 - cdf, so tiny p-values keep their digits.
 */
import betaQuantileStdlib from '@stdlib/stats-base-dists-beta-quantile';
import betaCdfStdlib from '@stdlib/stats-base-dists-beta-cdf';
import binomialCdfStdlib from '@stdlib/stats-base-dists-binomial-cdf';
import binomialPmfStdlib from '@stdlib/stats-base-dists-binomial-pmf';
import normalCdfStdlib from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileStdlib from '@stdlib/stats-base-dists-normal-quantile';
import gammainc from '@stdlib/math-base-special-gammainc';
import gammaln from '@stdlib/math-base-special-gammaln';
import binomcoefln from '@stdlib/math-base-special-binomcoefln';

/** P(X > x) for X ~ chi-square(df), from the regularised upper incomplete gamma Q(df/2, x/2). */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(x > 0)) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

/** The standard normal quantile z_p. */
export function normalQuantile(p: number): number {
  return normalQuantileStdlib(p, 0, 1);
}

/** Standard normal cdf Phi(z). */
export function normalCdf(z: number): number {
  return normalCdfStdlib(z, 0, 1);
}

/** P(|Z| >= |z|): the two-sided normal p-value, computed from the lower tail of -|z| for precision. */
export function normalTwoSidedP(z: number): number {
  return 2 * normalCdfStdlib(-Math.abs(z), 0, 1);
}

/** Quantile of Beta(a, b). */
export function betaQuantile(p: number, a: number, b: number): number {
  return betaQuantileStdlib(p, a, b);
}

/** Cdf of Beta(a, b). */
export function betaCdf(x: number, a: number, b: number): number {
  return betaCdfStdlib(x, a, b);
}

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  return binomialPmfStdlib(k, n, p);
}

/** P(X <= k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  return binomialCdfStdlib(k, n, p);
}

/** log Gamma(x). */
export function logGamma(x: number): number {
  return gammaln(x);
}

/** log C(n, k). */
export function logChoose(n: number, k: number): number {
  return binomcoefln(n, k);
}
