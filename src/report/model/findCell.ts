import type { ReportFigureModel, ReportModel } from './createReportModel.js';
import type { ReportCell, ReportRow, ReportTable } from './reportTable.js';
import type { ReportValue } from './reportValue.js';

/**
 * How consumers (key results, the reproduction check, the EDC dashboard, the web client) read a report
 * model: by table id, row key and column id (README.md lists them), never by label or printed text.
 * Each returns undefined when the item, row or column is not in the model (e.g. a protocol without a
 * second evaluator has no 'investigator' column).
 */

export function findTable(model: ReportModel, tableId: string): ReportTable | undefined {
  return model.items.find((item): item is ReportTable => item.kind === 'table' && item.id === tableId);
}

export function findRow(model: ReportModel, tableId: string, rowKey: string): ReportRow | undefined {
  return findTable(model, tableId)?.rows.find((r) => r.key === rowKey);
}

/** The cell of a table by row key and column id. */
export function findTableCell(table: ReportTable, rowKey: string, columnId: string): ReportCell | undefined {
  const index = table.columns.findIndex((c) => c.id === columnId);
  if (index < 0) return undefined;
  return table.rows.find((r) => r.key === rowKey)?.cells[index];
}

export function findCell(model: ReportModel, tableId: string, rowKey: string, columnId: string): ReportCell | undefined {
  const table = findTable(model, tableId);
  return table === undefined ? undefined : findTableCell(table, rowKey, columnId);
}

/** The typed value of a cell, narrowed to `kind` (undefined when absent or of another kind, e.g. missing). */
export function findValue<Kind extends ReportValue['kind']>(
  model: ReportModel,
  tableId: string,
  rowKey: string,
  columnId: string,
  kind: Kind,
): Extract<ReportValue, { kind: Kind }> | undefined {
  const value = findCell(model, tableId, rowKey, columnId)?.value;
  return value !== undefined && value.kind === kind ? (value as Extract<ReportValue, { kind: Kind }>) : undefined;
}

/** A figure by id, narrowed to its kind ('kaplan-meier', 'forest', 'swimmer', ...). */
export function findFigure<Kind extends ReportFigureModel['figureKind']>(
  model: ReportModel,
  figureId: string,
  figureKind: Kind,
): Extract<ReportFigureModel, { figureKind: Kind }> | undefined {
  const item = model.items.find((i) => i.kind === 'figure' && i.id === figureId);
  return item !== undefined && item.kind === 'figure' && item.figureKind === figureKind ? (item as Extract<ReportFigureModel, { figureKind: Kind }>) : undefined;
}
