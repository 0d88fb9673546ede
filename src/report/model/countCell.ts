import { formatCount } from './format.js';
import { cell, type ReportCell } from './reportTable.js';

/** A 'n (x.x%)' cell over distinct subjects: value n, subjects the ones counted. */
export function countCell(subjects: Iterable<string>, N: number): ReportCell {
  const distinct = new Set(subjects);
  return cell(formatCount(distinct.size, N), distinct.size, distinct);
}

/** The USUBJIDs of the rows that satisfy `predicate`. */
export function subjectsWhere<Row extends { readonly USUBJID: string }>(rows: readonly Row[], predicate: (row: Row) => boolean): string[] {
  return rows.filter(predicate).map((row) => row.USUBJID);
}
