import { cellText, columnCells, rowOf, type ColumnCells } from './cellAccess.js';
import type { CsvCells, CsvTable } from './readCsv.js';

/**
 * R's missing value in a CSV: an empty cell or NA (what R's write.csv writes for a missing value and
 * read.csv reads back as one), after trimming.
 */
export function isMissingText(raw: string): boolean {
  const text = raw.trim();
  return text === '' || text === 'NA';
}

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
  const first = unique.length > 0 ? columnCells(table, unique[0]) : undefined;
  const total = first?.count ?? table.rows.length;
  let drop: Uint8Array | undefined;
  const missing = unique.map((column) => {
    const cells = columnCells(table, column);
    let count = 0;
    for (let k = 0; k < cells.count; k++) {
      if (!isMissingCell(cells, k)) continue;
      drop ??= new Uint8Array(total);
      drop[k] = 1;
      count += 1;
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

function isBlankByte(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

/** isMissingText on the bytes of the fast path, without a string per cell. */
function isMissingBytes(cells: CsvCells, cell: number): boolean | undefined {
  const bytes = cells.bytes;
  let from = cells.starts[cell];
  let to = cells.ends[cell];
  while (from < to && isBlankByte(bytes[from])) from++;
  while (to > from && isBlankByte(bytes[to - 1])) to--;
  if (from === to) return true;
  for (let i = from; i < to; i++) if (bytes[i] >= 0x80) return undefined;
  return to - from === 2 && bytes[from] === 0x4e && bytes[from + 1] === 0x41;
}

function isMissingCell(column: ColumnCells, k: number): boolean {
  const { cells } = column;
  if (cells !== undefined) {
    // undefined: non-ASCII bytes, which may be Unicode white space; decided on the text.
    const fast = isMissingBytes(cells, rowOf(column, k) * cells.width + column.index);
    if (fast !== undefined) return fast;
  }
  return isMissingText(cellText(column, k));
}

/** "3 rows left out for missing values (age 1, ph.ecog 2)", or undefined when none was. */
export function describeOmitted(selection: RowSelection): string | undefined {
  if (selection.omitted === 0) return undefined;
  const where = selection.missing
    .filter((m) => m.count > 0)
    .map((m) => `'${m.column}' ${m.count}`)
    .join(', ');
  const rows = selection.total === 1 ? 'row' : 'rows';
  return `${selection.omitted} of ${selection.total} ${rows} left out for missing values (empty or NA: ${where})`;
}
