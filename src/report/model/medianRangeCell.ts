import { cell, type ReportCell } from './reportTable.js';
import { medianRangeValue, missingValue } from './reportValue.js';

/** Sample median (mean of the two middle values for an even count), as SAS PROC MEANS and R median(). */
export function sampleMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A median (range) cell over the non-missing values of the subjects; the subjects are those with a value. */
export function medianRangeCell(entries: readonly { readonly id: string; readonly value: number | null }[], unit?: string): ReportCell {
  const present = entries.filter((e): e is { id: string; value: number } => e.value !== null && Number.isFinite(e.value));
  const values = present.map((e) => e.value);
  const median = sampleMedian(values);
  if (median === null) return cell(missingValue(entries.length === 0 ? 'no subjects' : 'no subject has a value'));
  let min = values[0];
  let max = values[0];
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return cell(
    medianRangeValue({ median, min, max, n: values.length, integer: values.every((value) => Number.isInteger(value)), ...(unit === undefined ? {} : { unit }) }),
    present.map((e) => e.id),
  );
}
