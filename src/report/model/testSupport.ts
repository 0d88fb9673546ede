// Test support (not exported from index.ts): rows and cells of a table model by key. Protocol variants
// (withPlan, withP0) stand beside the report's test trial, in the reference protocol's testing folder.
import { findTableCell } from './findCell.js';
import type { ReportCell, ReportRow, ReportTable } from './reportTable.js';
import { primaryNumber, type ReportValue } from './reportValue.js';

export function rowByKey(table: ReportTable, key: string): ReportRow {
  const found = table.rows.find((r) => r.key === key);
  if (found === undefined) throw new Error(`table ${table.id} has no row '${key}'; keys: ${table.rows.map((r) => r.key).join(' / ')}`);
  return found;
}

export function cellAt(table: ReportTable, key: string, columnId: string): ReportCell {
  const found = findTableCell(table, key, columnId);
  if (found === undefined) throw new Error(`table ${table.id} has no cell (${key}, ${columnId}); columns: ${table.columns.map((c) => c.id).join(', ')}`);
  return found;
}

/** The value of a cell narrowed to a kind (fails the test when it is another kind). */
export function valueAt<Kind extends ReportValue['kind']>(table: ReportTable, key: string, columnId: string, kind: Kind): Extract<ReportValue, { kind: Kind }> {
  const value = cellAt(table, key, columnId).value;
  if (value.kind !== kind) throw new Error(`table ${table.id} (${key}, ${columnId}) is ${value.kind}, not ${kind}: ${JSON.stringify(value)}`);
  return value as Extract<ReportValue, { kind: Kind }>;
}

/** The count n of a count cell, the estimate of a statistic (primaryNumber). */
export function numberAt(table: ReportTable, key: string, columnId: string): number | null {
  return primaryNumber(cellAt(table, key, columnId).value);
}

export function sorted(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}
