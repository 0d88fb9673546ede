/**
 * The typed value of a report cell: what the number is, with everything a reader or a program needs to
 * use it, and no display text. The renderers (HTML, DOCX, CSV, charts, key results) format it through
 * src/report/format; consumers (reproduce, the dashboard, the web client) read the fields directly.
 *
 * Proportions and rates are fractions (0-1), never percentages; times are in `unit`; confidence levels are
 * two-sided (0.95). A null limit or median means "not reached" (the Kaplan-Meier curve never falls that
 * low), which is a result; a value that cannot be computed at all is `missing`, with why.
 */

/** Subjects counted (`n`) out of a denominator `N`; N is null for a plain count (screened subjects, a subgroup's size). */
export interface CountValue {
  readonly kind: 'count';
  readonly n: number;
  readonly N: number | null;
}

/** A binomial proportion n/N with its exact (Clopper-Pearson) two-sided confidence interval. */
export interface ProportionValue {
  readonly kind: 'proportion';
  readonly n: number;
  readonly N: number;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly confLevel: number;
  readonly method: 'clopper-pearson';
}

/** The sample median of `n` values with their minimum and maximum. */
export interface MedianRangeValue {
  readonly kind: 'median-range';
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
  /** Every value is a whole number (ages, counts): the range prints without decimals. */
  readonly integer: boolean;
  readonly unit?: string;
}

/** A Kaplan-Meier median time (Brookmeyer-Crowley CI on the log-log scale); null = not reached (NR). */
export interface TimeMedianValue {
  readonly kind: 'time-median';
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly confLevel: number;
  readonly unit: 'months';
  /** 'kaplan-meier': of an endpoint; 'reverse-kaplan-meier': median follow-up. */
  readonly method: 'kaplan-meier' | 'reverse-kaplan-meier';
}

/** A Kaplan-Meier event-free rate at `time` (fraction) with its log-log pointwise CI. */
export interface RateValue {
  readonly kind: 'rate';
  readonly time: number;
  readonly unit: 'months';
  readonly estimate: number;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly confLevel: number;
}

export type PValueTest = 'fisher-exact-two-sided' | 'binomial-exact-one-sided' | 'log-rank';

export interface PValue {
  readonly kind: 'p-value';
  readonly p: number;
  readonly test: PValueTest;
  /** The null hypothesis in words when the test has a parameter (e.g. 'rate <= 0.12'). */
  readonly hypothesis?: string;
}

/** An estimated coefficient with its CI and standard error, e.g. Cohen's kappa. */
export interface CoefficientValue {
  readonly kind: 'coefficient';
  readonly statistic: 'cohen-kappa';
  readonly estimate: number;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly standardError: number | null;
  readonly confLevel: number;
}

/** A plain number: a study day, a grade, a standard error. `decimals` is how precisely the report prints it. */
export interface NumberValue {
  readonly kind: 'number';
  readonly value: number;
  readonly unit?: string;
  readonly decimals?: number;
}

/** A calendar date, 'YYYY-MM-DD'. */
export interface DateValue {
  readonly kind: 'date';
  readonly date: string;
}

export interface TextValue {
  readonly kind: 'text';
  readonly text: string;
}

/** A statistic that could not be computed, with why (printed NE). */
export interface MissingValue {
  readonly kind: 'missing';
  readonly reason: string;
}

/** Nothing belongs in this cell (e.g. the other columns of a P-value row). */
export interface EmptyValue {
  readonly kind: 'empty';
}

export type ReportValue =
  | CountValue
  | ProportionValue
  | MedianRangeValue
  | TimeMedianValue
  | RateValue
  | PValue
  | CoefficientValue
  | NumberValue
  | DateValue
  | TextValue
  | MissingValue
  | EmptyValue;

export type ReportValueKind = ReportValue['kind'];

export function countValue(n: number, N: number | null): CountValue {
  return Object.freeze({ kind: 'count', n, N });
}

export function proportionValue(fields: Omit<ProportionValue, 'kind' | 'method'>): ProportionValue {
  return Object.freeze({ kind: 'proportion', ...fields, method: 'clopper-pearson' });
}

export function medianRangeValue(fields: Omit<MedianRangeValue, 'kind'>): MedianRangeValue {
  return Object.freeze({ kind: 'median-range', ...fields });
}

export function timeMedianValue(fields: Omit<TimeMedianValue, 'kind' | 'unit'>): TimeMedianValue {
  return Object.freeze({ kind: 'time-median', ...fields, unit: 'months' });
}

export function rateValue(fields: Omit<RateValue, 'kind' | 'unit'>): RateValue {
  return Object.freeze({ kind: 'rate', ...fields, unit: 'months' });
}

export function pValue(p: number, test: PValueTest, hypothesis?: string): PValue {
  return Object.freeze({ kind: 'p-value', p, test, ...(hypothesis === undefined ? {} : { hypothesis }) });
}

export function coefficientValue(fields: Omit<CoefficientValue, 'kind'>): CoefficientValue {
  return Object.freeze({ kind: 'coefficient', ...fields });
}

export function numberValue(value: number, options: { readonly unit?: string; readonly decimals?: number } = {}): NumberValue {
  return Object.freeze({ kind: 'number', value, ...options });
}

export function dateValue(date: string): DateValue {
  return Object.freeze({ kind: 'date', date });
}

export function textValue(text: string): TextValue {
  return Object.freeze({ kind: 'text', text });
}

export function missingValue(reason: string): MissingValue {
  return Object.freeze({ kind: 'missing', reason });
}

export const EMPTY_VALUE: EmptyValue = Object.freeze({ kind: 'empty' });

/**
 * The one number that stands for a value (what a sort or a quick comparison reads): n of a count, the
 * estimate of a proportion, rate or coefficient, the median, P, the number; null for dates, text, NR and
 * missing or empty cells.
 */
export function primaryNumber(value: ReportValue): number | null {
  switch (value.kind) {
    case 'count':
      return value.n;
    case 'proportion':
    case 'rate':
    case 'coefficient':
    case 'time-median':
      return value.estimate;
    case 'median-range':
      return value.median;
    case 'p-value':
      return value.p;
    case 'number':
      return value.value;
    case 'date':
    case 'text':
    case 'missing':
    case 'empty':
      return null;
  }
}
