import {
  completeRows,
  describeOmitted,
  describeStatusCoding,
  factorColumn,
  levelIndex,
  numericColumn,
  relevelFactor,
  statusColumn,
  type CsvTable,
  type FactorColumn,
  type RowSelection,
  type StatusColumn,
} from '../io/index.js';
import { InputError, issue } from '../result/index.js';

// What km, cox and cif share: the rows R's na.omit keeps, time and status read as R reads them, and
// factors with the reference level a user chose (--reference col=level).

export interface SurvivalColumns {
  readonly selection: RowSelection;
  readonly time: Float64Array;
  readonly status: StatusColumn;
}

/**
 * Leaves out the rows with an empty or NA cell in any of `used` (the time and event columns are always
 * used), then reads time (numbers >= 0) and status. Fails when no row is left.
 */
export function readSurvivalColumns(
  table: CsvTable,
  columns: { readonly time: string; readonly event: string; readonly eventValue?: string; readonly used: readonly string[] },
): SurvivalColumns {
  const selection = completeRows(table, [columns.time, columns.event, ...columns.used]);
  requireRows(table, selection);
  const time = numericColumn(table, columns.time, { min: 0, rows: selection.rows });
  const status = statusColumn(table, columns.event, { eventValue: columns.eventValue, rows: selection.rows });
  return { selection, time, status };
}

export function requireRows(table: CsvTable, selection: RowSelection): void {
  if (selection.total === 0) {
    throw new InputError(`${table.file} has no data rows`, [issue('empty-input', [table.file], 0, 'at least one data row')]);
  }
  if (selection.omitted === selection.total) {
    throw new InputError(`${table.file}: every row has a missing value in a column used (${describeOmitted(selection) ?? ''})`, [
      issue('no-complete-rows', [table.file], selection.total, 'at least one row with a value in every column used'),
    ]);
  }
}

/** --reference col=level, repeatable, as a map from column to level. */
export function parseReferences(raw: readonly string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of raw ?? []) {
    const at = item.indexOf('=');
    if (at <= 0 || at === item.length - 1) {
      throw new InputError(`--reference ${JSON.stringify(item)} is not valid; expected <column>=<level>, e.g. --reference sex=F`, [
        issue('bad-argument', ['--reference'], item, '<column>=<level>'),
      ]);
    }
    const column = item.slice(0, at).trim();
    if (out.has(column)) {
      throw new InputError(`--reference names '${column}' twice`, [issue('bad-argument', ['--reference'], item, 'one reference level per column')]);
    }
    out.set(column, item.slice(at + 1));
  }
  return out;
}

/** The factor with the chosen reference level first (R's relevel), or as sorted when none was chosen. */
export function withReference(factor: FactorColumn, references: ReadonlyMap<string, string>, file: string): FactorColumn {
  const wanted = references.get(factor.column);
  if (wanted === undefined) return factor;
  const index = levelIndex(factor, wanted);
  if (index < 0) {
    const levels = factor.levels.map((l) => `'${l}'`).join(', ');
    throw new InputError(`--reference ${factor.column}=${wanted}: '${wanted}' is not a level of '${factor.column}' in ${file}; the levels are ${levels}`, [
      issue('unknown-level', ['--reference', factor.column], wanted, `one of ${factor.levels.join(', ')}`),
    ]);
  }
  return relevelFactor(factor, index);
}

/** Fails when a --reference names a column that is not read as a factor here. */
export function checkReferencesUsed(references: ReadonlyMap<string, string>, factors: readonly string[], what: string): void {
  for (const column of references.keys()) {
    if (!factors.includes(column)) {
      const known = factors.length === 0 ? 'none here' : factors.map((f) => `'${f}'`).join(', ');
      throw new InputError(`--reference names '${column}', which is not ${what} (factors: ${known})`, [
        issue('bad-argument', ['--reference', column], column, `a factor column: ${factors.join(', ') || 'none'}`),
      ]);
    }
  }
}

/** Reads a grouping column as a factor of the kept rows, with its reference level. */
export function readFactor(table: CsvTable, column: string, selection: RowSelection, references: ReadonlyMap<string, string>): FactorColumn {
  return withReference(factorColumn(table, column, { rows: selection.rows }), references, table.file);
}

/** The JSON fields that say how the status was read. */
export function statusJson(status: StatusColumn): { eventValue: string; statusCoding: string } {
  return { eventValue: status.eventValue, statusCoding: status.coding };
}

/** "event 'status' = 2 (1/2 coding as R's Surv reads it: 2 = event, 1 = censored)". */
export function statusLine(column: string, status: StatusColumn): string {
  return `event '${column}' = ${status.eventValue} (${describeStatusCoding(status)})`;
}

export { describeOmitted };
