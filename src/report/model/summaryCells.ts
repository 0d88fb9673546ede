import { computeSummaryStatistics } from '../../stats/index.js';
import { cell, column, subjectList, type ReportCell, type ReportColumn } from './reportTable.js';
import { countValue, missingValue, numberValue } from './reportValue.js';

/** The columns of a continuous summary, in the order statisticians print them. */
export const SUMMARY_COLUMNS: readonly ReportColumn[] = Object.freeze([
  column('n', 'n'),
  column('mean', 'Mean'),
  column('sd', 'Std dev'),
  column('median', 'Median'),
  column('q1', 'Q1'),
  column('q3', 'Q3'),
  column('min', 'Min'),
  column('max', 'Max'),
]);

/** Decimals a value is recorded with (at most 4; binary noise such as 0.30000000000000004 is ignored). */
function decimalsOf(value: number): number {
  for (let d = 0; d < 4; d += 1) if (Math.abs(value * 10 ** d - Math.round(value * 10 ** d)) < 1e-9 * Math.max(1, Math.abs(value * 10 ** d))) return d;
  return 4;
}

/**
 * One summary row's cells over the subjects' non-missing values: n (count), mean, standard deviation, median, Q1, Q3, min,
 * max (numbers). Precision as SAS TLF shells print it: min and max as recorded (the most decimals among
 * the values, at most 4 significant digits), mean, median and quartiles one decimal more, standard deviation two more. Quartiles by SAS QNTLDEF=5
 * (stats/descriptive). No value: every statistic missing, with why.
 */
export function summaryCells(entries: readonly { readonly id: string; readonly value: number | null }[], unit?: string): ReportCell[] {
  const present = entries.filter((e): e is { id: string; value: number } => e.value !== null && Number.isFinite(e.value));
  // One list for the row's eight cells: sorted once, not once a cell.
  const subjects = subjectList(present.map((e) => e.id));
  const outcome = computeSummaryStatistics(present.map((e) => e.value));
  if (!outcome.ok) {
    const why = missingValue(entries.length === 0 ? 'no subjects' : 'no subject has a value');
    return [cell(countValue(0, null)), ...SUMMARY_COLUMNS.slice(1).map(() => cell(why))];
  }
  const s = outcome.value;
  // Values converted to SI units carry conversion digits, not recorded precision: at most 4 significant
  // digits of the largest value (creatinine up to 100 umol/L: min and max to 1 decimal; neutrophils 3.298 keep 3).
  const largest = Math.max(...present.map((e) => Math.abs(e.value)));
  const significant = largest === 0 ? 3 : Math.max(0, Math.min(3, 3 - Math.floor(Math.log10(largest))));
  const recorded = Math.min(significant, Math.max(...present.map((e) => decimalsOf(e.value))));
  const options = (decimals: number) => ({ decimals, ...(unit === undefined ? {} : { unit }) });
  const number = (value: number, decimals: number): ReportCell => cell(numberValue(value, options(decimals)), subjects);
  return [
    cell(countValue(s.n, null), subjects),
    number(s.mean, recorded + 1),
    s.sd === null ? cell(missingValue('one value: no standard deviation'), subjects) : number(s.sd, recorded + 2),
    number(s.median, recorded + 1),
    number(s.q1, recorded + 1),
    number(s.q3, recorded + 1),
    number(s.min, recorded),
    number(s.max, recorded),
  ];
}

/** The footnote every continuous summary table carries: what the statistics are and how quartiles are defined. */
export const SUMMARY_FOOTNOTE =
  'n: subjects with a value. Std dev: standard deviation (n − 1 denominator). Q1, Q3: first and third quartiles by the SAS default definition (PROC MEANS/UNIVARIATE QNTLDEF=5; R quantile type 2). Min, max as recorded; mean, median and quartiles one decimal more, standard deviation two more.';
