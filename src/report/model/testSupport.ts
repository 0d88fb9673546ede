// Test support (not exported from index.ts): rows and cells of a table model by key, and protocol variants.
import type { AnalysisPlan, ProtocolDefinition } from '../../clinical/index.js';
import { findTableCell } from './findCell.js';
import type { ReportCell, ReportRow, ReportTable } from './reportTable.js';
import { primaryNumber, type ReportValue } from './reportValue.js';
import { TEST_PROTOCOL } from './buildReportTestTrial.js';

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

/** The test protocol with parts of its analysis plan replaced. */
export function withPlan(overrides: Partial<AnalysisPlan>, protocol: ProtocolDefinition = TEST_PROTOCOL): ProtocolDefinition {
  return { ...protocol, analysisPlan: { ...protocol.analysisPlan, ...overrides } };
}

/** The test protocol with another null response rate p0. */
export function withP0(p0: number, protocol: ProtocolDefinition = TEST_PROTOCOL): ProtocolDefinition {
  return withPlan({ design: { ...protocol.analysisPlan.design, p0 } }, protocol);
}

export function sorted(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}
