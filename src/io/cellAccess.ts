import { InputError, issue } from '../result/index.js';
import { columnIndex, csvCells, type CsvCells, type CsvTable } from './readCsv.js';

/**
 * One column of a table, restricted to some rows: the column readers' common access, on the byte
 * offsets of the fast path when the table has them and on the strings otherwise.
 */
export interface ColumnCells {
  readonly table: CsvTable;
  readonly column: string;
  readonly index: number;
  /** Rows read: rows[k] is the table row of the k-th value; undefined means every row. */
  readonly rows: Uint32Array | undefined;
  readonly count: number;
  readonly cells: CsvCells | undefined;
}

export function columnCells(table: CsvTable, column: string, rows?: Uint32Array): ColumnCells {
  const index = columnIndex(table, column);
  const cells = csvCells(table);
  const count = rows?.length ?? cells?.rowCount ?? table.rows.length;
  return { table, column, index, rows, count, cells };
}

/** The table row of the k-th value. */
export function rowOf(column: ColumnCells, k: number): number {
  return column.rows === undefined ? k : column.rows[k];
}

/** The k-th value as text, as written (without its quotes). */
export function cellText(column: ColumnCells, k: number): string {
  const r = rowOf(column, k);
  return column.cells === undefined ? column.table.rows[r][column.index] : column.cells.text(r, column.index);
}

/** Line numbers count the header as line 1, as an editor shows them. */
export function lineOf(column: ColumnCells, k: number): number {
  return rowOf(column, k) + 2;
}

/**
 * A cell of an optional sign, digits with at most one decimal point and at most 15 digits, parsed
 * without making a string: mantissa / 10^k is then correctly rounded, so it equals Number(text). NaN
 * means "not this simple form": the caller falls back to Number() on the text.
 */
export function plainDecimal(cells: CsvCells, cell: number): number {
  const bytes = cells.bytes;
  let from = cells.starts[cell];
  const to = cells.ends[cell];
  let negative = false;
  if (from < to && (bytes[from] === 0x2d || bytes[from] === 0x2b)) {
    negative = bytes[from] === 0x2d;
    from += 1;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b >= 0x30 && b <= 0x39) {
      mantissa = mantissa * 10 + (b - 0x30);
      digits += 1;
      if (fraction >= 0) fraction += 1;
    } else if (b === 0x2e && fraction < 0) {
      fraction = 0;
    } else {
      return Number.NaN;
    }
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
  return negative ? -value : value;
}

// Literals, so each power is exactly 10^k (all are representable up to 10^22).
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** The k-th value as a number (NaN when it is not one; Number() rules, so ' 1e3 ' is 1000). */
export function cellNumber(column: ColumnCells, k: number): number {
  const { cells } = column;
  if (cells !== undefined) {
    const value = plainDecimal(cells, rowOf(column, k) * cells.width + column.index);
    if (!Number.isNaN(value)) return value;
  }
  const raw = cellText(column, k);
  return raw.trim() === '' ? Number.NaN : Number(raw);
}

/**
 * Short ASCII cells (up to 6 bytes: codes, labels like 'A', '1', 'yes') as a number key, so a column
 * of a few distinct values is read with one string per distinct value rather than one per row.
 * -1 for anything else (and for cells holding doubled quotes).
 */
export function shortKey(cells: CsvCells, cell: number): number {
  const bytes = cells.bytes;
  const from = cells.starts[cell];
  const to = cells.ends[cell];
  if (to - from > 6) return -1;
  let key = to - from;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b >= 0x80 || b === 0x22) return -1;
    key = key * 128 + b;
  }
  return key;
}

/**
 * Reads every value of a column through `decide`, computing it once per distinct short cell (and once
 * per distinct text for the others), and hands each to `use`.
 */
export function eachDistinct<T>(column: ColumnCells, decide: (raw: string) => T, use: (k: number, value: T) => void): void {
  const { cells } = column;
  const byText = new Map<string, T>();
  const fromText = (raw: string): T => {
    let value = byText.get(raw);
    if (value === undefined) {
      value = decide(raw);
      byText.set(raw, value);
    }
    return value;
  };
  if (cells === undefined) {
    for (let k = 0; k < column.count; k++) use(k, fromText(cellText(column, k)));
    return;
  }
  const byKey = new Map<number, T>();
  for (let k = 0; k < column.count; k++) {
    const key = shortKey(cells, rowOf(column, k) * cells.width + column.index);
    if (key < 0) {
      use(k, fromText(cellText(column, k)));
      continue;
    }
    let value = byKey.get(key);
    if (value === undefined) {
      value = decide(cellText(column, k));
      byKey.set(key, value);
    }
    use(k, value);
  }
}

const SHOWN_LINES = 5;

/**
 * Bad values of one column, collected while reading it and reported as one error: the first value
 * with its line, how many there are in all and the lines of the first few.
 */
export class BadValues {
  private count = 0;
  private readonly lines: number[] = [];
  private first: { line: number; value: string; code: string } | undefined;

  constructor(
    private readonly column: ColumnCells,
    private readonly expected: string,
  ) {}

  add(k: number, value: string, code = 'bad-value'): void {
    const line = lineOf(this.column, k);
    this.count += 1;
    if (this.first === undefined) this.first = { line, value, code };
    if (this.lines.length < SHOWN_LINES) this.lines.push(line);
  }

  get size(): number {
    return this.count;
  }

  /** Throws the InputError when any value was bad. */
  check(): void {
    const first = this.first;
    if (first === undefined) return;
    const { table, column } = this.column;
    const more = this.count > this.lines.length ? ', ...' : '';
    const all = this.count > 1 ? ` (${this.count} bad values in all, at lines ${this.lines.join(', ')}${more})` : '';
    throw new InputError(
      `${table.file} line ${first.line}, column '${column}': ${JSON.stringify(first.value)} is not valid; expected ${this.expected}${all}`,
      [issue(first.code, [table.file, first.line, column], first.value, this.expected)],
    );
  }
}
