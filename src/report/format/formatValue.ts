import type { ReportValue } from '../model/reportValue.js';

/**
 * The one place the report turns numbers into text, following the paper: counts 'n (x.x%)', exact CIs of
 * proportions to 2 decimals ('38.8% (95% CI, 28.44–50.01)'), median times in months to 2 decimals
 * ('5.55 (95% CI, 3.68–7.52)', NR when not reached), Kaplan-Meier rates to 1 decimal, P to 4 decimals
 * ('<0.0001' below), an en dash between limits, NE for what cannot be estimated. The HTML, DOCX and CSV
 * renderers, the figures and the key-results summary all print through formatValue; the report models
 * hold typed values only (labels such as '95% CI' use formatConfLevel).
 */

export const NOT_REACHED = 'NR';
export const NOT_ESTIMABLE = 'NE';
const DASH = '\u2013';

/** A proportion (0-1) as a percentage with 1 decimal, no sign: 0.3882 -> '38.8'. */
export function formatPercent(proportion: number, decimals = 1): string {
  return (proportion * 100).toFixed(decimals);
}

/** 'n (x.x%)'; '0' when n is 0 and '0' with no N (as the paper prints empty rows). */
export function formatCount(n: number, N: number): string {
  if (n === 0 || N === 0) return '0';
  return `${n} (${formatPercent(n / N)}%)`;
}

/** A number with a fixed count of decimals, or NR for a null (a limit or median not reached). */
export function formatNumberOrNr(value: number | null, decimals: number): string {
  return value === null ? NOT_REACHED : value.toFixed(decimals);
}

/**
 * 'median (min–max)' with the median to 1 decimal; the limits as whole numbers when the variable is
 * whole-numbered (age, lines: '62.0 (39–76)'), else to 1 decimal ('3.8 (1.7–15.6)').
 */
export function formatMedianRange(median: number, min: number, max: number, wholeNumbers: boolean): string {
  const limit = (value: number): string => (wholeNumbers ? String(value) : value.toFixed(1));
  return `${median.toFixed(1)} (${limit(min)}${DASH}${limit(max)})`;
}

/** 'x.x% (95% CI, a–b)' with the limits as percentages to `ciDecimals` (2 for exact CIs, as the paper). */
export function formatRateCi(estimate: number, lower: number | null, upper: number | null, confLevel: number, ciDecimals = 2): string {
  const limit = (value: number | null): string => (value === null ? NOT_REACHED : formatPercent(value, ciDecimals));
  return `${formatPercent(estimate)}% (${formatConfLevel(confLevel)} CI, ${limit(lower)}${DASH}${limit(upper)})`;
}

/** 'a–b' (percentages with `decimals`). */
export function formatCiLimits(lower: number | null, upper: number | null, decimals = 2): string {
  const limit = (value: number | null): string => (value === null ? NOT_REACHED : formatPercent(value, decimals));
  return `${limit(lower)}${DASH}${limit(upper)}`;
}

/** A median time with its CI: '5.55 (95% CI, 3.68–7.52)'; NR for any part not reached. */
export function formatMedianCi(estimate: number | null, lower: number | null, upper: number | null, confLevel: number, decimals = 2): string {
  return `${formatNumberOrNr(estimate, decimals)} (${formatConfLevel(confLevel)} CI, ${formatNumberOrNr(lower, decimals)}${DASH}${formatNumberOrNr(upper, decimals)})`;
}

/** A Kaplan-Meier rate with its CI to 1 decimal: '51.0% (95% CI, 39.5–61.4)'; 'NE' past the last observation. */
export function formatSurvivalRate(estimate: number | null, lower: number | null, upper: number | null, confLevel: number): string {
  if (estimate === null) return NOT_ESTIMABLE;
  const limit = (value: number | null): string => (value === null ? NOT_ESTIMABLE : formatPercent(value));
  return `${formatPercent(estimate)}% (${formatConfLevel(confLevel)} CI, ${limit(lower)}${DASH}${limit(upper)})`;
}

/** '95%' for 0.95; a level such as 0.9 prints as '90%'. */
export function formatConfLevel(confLevel: number): string {
  const percent = confLevel * 100;
  return `${Number.isInteger(Math.round(percent * 1e6) / 1e6) ? Math.round(percent) : percent.toFixed(1)}%`;
}

/** P values as the paper: 4 decimals, '<0.0001' below; '1.0000' at 1. */
export function formatPValue(p: number | null): string {
  if (p === null || Number.isNaN(p)) return NOT_ESTIMABLE;
  return p < 0.0001 ? '<0.0001' : p.toFixed(4);
}

/** A kappa or other coefficient with its CI to 2 decimals: '0.81 (95% CI, 0.70–0.92)'. */
export function formatCoefficientCi(estimate: number | null, lower: number | null, upper: number | null, confLevel: number): string {
  if (estimate === null) return NOT_ESTIMABLE;
  const limit = (value: number | null): string => (value === null ? NOT_ESTIMABLE : value.toFixed(2));
  return `${estimate.toFixed(2)} (${formatConfLevel(confLevel)} CI, ${limit(lower)}${DASH}${limit(upper)})`;
}

/** '3,512' for 3512. */
export function formatThousands(n: number): string {
  return n.toLocaleString('en-US');
}

/** A report value as the report prints it. */
export function formatValue(value: ReportValue): string {
  switch (value.kind) {
    case 'count':
      return value.N === null ? String(value.n) : formatCount(value.n, value.N);
    case 'proportion':
      return formatRateCi(value.estimate, value.lower, value.upper, value.confLevel);
    case 'median-range':
      return formatMedianRange(value.median, value.min, value.max, value.integer);
    case 'time-median':
      return formatMedianCi(value.estimate, value.lower, value.upper, value.confLevel);
    case 'rate':
      return formatSurvivalRate(value.estimate, value.lower, value.upper, value.confLevel);
    case 'p-value':
      return formatPValue(value.p);
    case 'coefficient':
      return formatCoefficientCi(value.estimate, value.lower, value.upper, value.confLevel);
    case 'number':
      return value.decimals === undefined ? String(value.value) : value.value.toFixed(value.decimals);
    case 'date':
      return value.date;
    case 'text':
      return value.text;
    case 'missing':
      return NOT_ESTIMABLE;
    case 'empty':
      return '';
  }
}
