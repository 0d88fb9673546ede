import { cell, isStrictlyAscending, type ReportCell } from './reportTable.js';
import { countValue } from './reportValue.js';

/** A count of distinct subjects out of N (null: a plain count), with the subjects counted. */
export function countCell(subjects: Iterable<string>, N: number | null): ReportCell {
  // A list in sort() order with no repeat (a population's subjects met in ADSL order) is its own distinct
  // subjects: no set of them is built to count them and then listed again.
  if (Array.isArray(subjects) && isStrictlyAscending(subjects as readonly string[])) return cell(countValue(subjects.length, N), subjects);
  const distinct = new Set(subjects);
  return cell(countValue(distinct.size, N), distinct);
}

/** The USUBJIDs of the rows that satisfy `predicate`. */
export function subjectsWhere<Row extends { readonly USUBJID: string }>(rows: readonly Row[], predicate: (row: Row) => boolean): string[] {
  return rows.filter(predicate).map((row) => row.USUBJID);
}
