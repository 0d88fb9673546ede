// Test support (not exported from index.ts): finding rows and cells of a table model by label.
import type { ReportCell, ReportRow, ReportTable } from './reportTable.js';
import { createReportProtocol, type ReportProtocolInput } from './reportProtocol.js';

export function findRow(table: ReportTable, label: string, occurrence = 0): ReportRow {
  const matches = table.rows.filter((r) => r.label === label);
  const found = matches[occurrence];
  if (found === undefined) throw new Error(`table ${table.id} has no row '${label}' (#${occurrence}); rows: ${table.rows.map((r) => r.label).join(' / ')}`);
  return found;
}

export function findCell(table: ReportTable, label: string, columnId: string, occurrence = 0): ReportCell {
  const index = table.columns.findIndex((c) => c.id === columnId);
  if (index < 0) throw new Error(`table ${table.id} has no column '${columnId}'`);
  return findRow(table, label, occurrence).cells[index];
}

/** The row under a heading (the first row with `label` after the heading row). */
export function rowUnder(table: ReportTable, heading: string, label: string): ReportRow {
  const start = table.rows.findIndex((r) => r.label === heading);
  const found = table.rows.slice(start + 1).find((r) => r.label === label);
  if (start < 0 || found === undefined) throw new Error(`table ${table.id}: no '${label}' under '${heading}'`);
  return found;
}

export function testProtocol(overrides: Partial<ReportProtocolInput> = {}) {
  return createReportProtocol({
    armLabel: 'Test arm',
    investigationalDrugLabel: 'Pomalidomide',
    companionDrugLabel: 'Dexamethasone',
    p0: 0.12,
    ...overrides,
  });
}

export function sorted(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}
