import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';

/**
 * The continuous summary a statistician expects in a clinical table: n, mean, standard deviation (n - 1
 * denominator), median, first and third quartiles, minimum and maximum.
 *
 * Quartiles follow SAS's default definition, QNTLDEF=5 of PROC MEANS and PROC UNIVARIATE (the empirical
 * distribution function with averaging), because trialkit follows SAS 9.4 as the paper does and R as the
 * open reference (shared spec, clinical-rules.md section 7); in R it is `quantile(x, type = 2)`. With the
 * values sorted x[1] <= ... <= x[n] and n * p = j + g (j whole, 0 <= g < 1): the p-quantile is
 * (x[j] + x[j+1]) / 2 when g = 0 and x[j+1] when g > 0. The median is the same under every definition.
 */
export interface SummaryStatistics {
  readonly n: number;
  readonly mean: number;
  /** Null for a single value (SAS prints it missing; R's sd() is NA). */
  readonly sd: number | null;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly min: number;
  readonly max: number;
  readonly quantileDefinition: 'sas-qntldef-5';
}

/** The p-quantile of sorted values by SAS QNTLDEF=5 (R type 2). Trusts its input: n >= 1, sorted, 0 < p < 1. */
export function sasQuantileKernel(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const np = n * p;
  const j = Math.floor(np);
  // n * p is exact for the quartiles (p = 0.25, 0.5, 0.75 are binary fractions), so g = 0 is a true tie.
  if (np - j === 0) return (sorted[j - 1] + sorted[j]) / 2;
  return sorted[j];
}

/** The summary of finite values. Trusts its input: at least one value, none missing. */
export function summaryStatisticsKernel(values: Float64Array): SummaryStatistics {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += sorted[i];
  const roughMean = sum / n;
  // Two-pass mean and corrected sum of squares (as R's mean() and var()), accurate for large values.
  let correction = 0;
  for (let i = 0; i < n; i += 1) correction += sorted[i] - roughMean;
  const mean = roughMean + correction / n;
  let squares = 0;
  for (let i = 0; i < n; i += 1) squares += (sorted[i] - mean) ** 2;
  return Object.freeze({
    n,
    mean,
    sd: n > 1 ? Math.sqrt(squares / (n - 1)) : null,
    median: sasQuantileKernel(sorted, 0.5),
    q1: sasQuantileKernel(sorted, 0.25),
    q3: sasQuantileKernel(sorted, 0.75),
    min: sorted[0],
    max: sorted[n - 1],
    quantileDefinition: 'sas-qntldef-5',
  });
}

/**
 * The summary of the non-missing values (null and undefined are missing, as SAS and R's na.rm = TRUE skip
 * them); an issue for a value that is not a finite number, or when no value is left.
 */
export function computeSummaryStatistics(values: readonly unknown[]): Outcome<SummaryStatistics> {
  const issues: Issue[] = [];
  const kept: number[] = [];
  values.forEach((value, index) => {
    if (value === null || value === undefined) return;
    if (typeof value !== 'number' || !Number.isFinite(value)) issues.push(issue('bad-value', ['values', index], value, 'a finite number, or null for missing'));
    else kept.push(value);
  });
  if (issues.length === 0 && kept.length === 0) issues.push(issue('no-values', ['values'], values.length, 'at least one non-missing value'));
  if (issues.length > 0) return failure(issues);
  return success(summaryStatisticsKernel(Float64Array.from(kept)));
}
