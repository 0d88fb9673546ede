import { columnCells } from './cellAccess.js';
import type { CsvTable } from './readCsv.js';

export { isMissingText } from './parsedColumn.js';

/** The rows an analysis keeps: those with a value in every column it uses (R's na.omit). */
export interface RowSelection {
  /** Table rows kept, ascending; undefined when every row is kept. */
  readonly rows: Uint32Array | undefined;
  /** Data rows in the file. */
  readonly total: number;
  /** Rows left out because a used column is missing. */
  readonly omitted: number;
  /** Missing cells per used column (a row missing in two columns counts in both), in the order given. */
  readonly missing: readonly { readonly column: string; readonly count: number }[];
}

/**
 * The rows with no missing value (empty or NA) in any of `columns`, as R's na.omit on the model's
 * columns: other columns of the file do not matter. Unknown columns fail as in columnIndex.
 */
export function completeRows(table: CsvTable, columns: readonly string[]): RowSelection {
  const unique = [...new Set(columns)];
  const cells = unique.map((column) => columnCells(table, column));
  const total = cells[0]?.count ?? table.rows.length;
  let drop: Uint8Array | undefined;
  const missing = cells.map(({ column, parsed }) => {
    let count = 0;
    const { codes } = parsed;
    // Only text can be missing; a column of numbers has nothing to look at.
    if (codes !== undefined && parsed.missing.includes(1)) {
      for (let r = 0; r < total; r++) {
        const code = codes[r];
        if (code < 0 || parsed.missing[code] === 0) continue;
        drop ??= new Uint8Array(total);
        drop[r] = 1;
        count += 1;
      }
    }
    return Object.freeze({ column, count });
  });
  if (drop === undefined) return Object.freeze({ rows: undefined, total, omitted: 0, missing: Object.freeze(missing) });
  let omitted = 0;
  for (let r = 0; r < total; r++) omitted += drop[r];
  const rows = new Uint32Array(total - omitted);
  let k = 0;
  for (let r = 0; r < total; r++) if (drop[r] === 0) rows[k++] = r;
  return Object.freeze({ rows, total, omitted, missing: Object.freeze(missing) });
}

/** "3 of 228 rows left out for missing values (empty or NA: 'age' 1, 'ph.ecog' 2)", or undefined. */
export function describeOmitted(selection: RowSelection): string | undefined {
  if (selection.omitted === 0) return undefined;
  const where = selection.missing
    .filter((m) => m.count > 0)
    .map((m) => `'${m.column}' ${m.count}`)
    .join(', ');
  const rows = selection.total === 1 ? 'row' : 'rows';
  return `${selection.omitted} of ${selection.total} ${rows} left out for missing values (empty or NA: ${where})`;
}
