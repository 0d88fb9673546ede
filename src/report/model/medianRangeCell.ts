import { formatMedianRange } from './format.js';
import { cell, textCell, type ReportCell } from './reportTable.js';

/** Sample median (mean of the two middle values for an even count), as SAS PROC MEANS and R median(). */
export function sampleMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A 'median (min–max)' cell over the non-missing values of the subjects; value = the median. */
export function medianRangeCell(entries: readonly { readonly id: string; readonly value: number | null }[]): ReportCell {
  const present = entries.filter((e): e is { id: string; value: number } => e.value !== null && Number.isFinite(e.value));
  const median = sampleMedian(present.map((e) => e.value));
  if (median === null) return textCell('NE');
  const values = present.map((e) => e.value);
  const whole = values.every((value) => Number.isInteger(value));
  return cell(formatMedianRange(median, Math.min(...values), Math.max(...values), whole), median, present.map((e) => e.id));
}
