import { cell, type ReportCell } from './reportTable.js';
import { countValue } from './reportValue.js';

/** A count of distinct subjects out of N (null: a plain count), with the subjects counted. */
export function countCell(subjects: Iterable<string>, N: number | null): ReportCell {
  const distinct = new Set(subjects);
  return cell(countValue(distinct.size, N), distinct);
}

/** The USUBJIDs of the rows that satisfy `predicate`. */
export function subjectsWhere<Row extends { readonly USUBJID: string }>(rows: readonly Row[], predicate: (row: Row) => boolean): string[] {
  return rows.filter(predicate).map((row) => row.USUBJID);
}
