import { InputError, issue } from '../result/index.js';
import type { ParsedColumn } from './parsedColumn.js';
import { columnIndex, parsedColumn, type CsvTable } from './readCsv.js';

/** One column of a table, restricted to some rows: what the column readers share. */
export interface ColumnCells {
  readonly table: CsvTable;
  readonly column: string;
  readonly parsed: ParsedColumn;
  /** Rows read: rows[k] is the table row of the k-th value; undefined means every row. */
  readonly rows: Uint32Array | undefined;
  readonly count: number;
}

export function columnCells(table: CsvTable, column: string, rows?: Uint32Array): ColumnCells {
  const parsed = parsedColumn(table, columnIndex(table, column));
  return { table, column, parsed, rows, count: rows?.length ?? parsed.count };
}

/** The table row of the k-th value. */
export function rowOf(column: ColumnCells, k: number): number {
  return column.rows === undefined ? k : column.rows[k];
}

/** Line numbers count the header as line 1, as an editor shows them. */
export function lineOf(column: ColumnCells, k: number): number {
  return rowOf(column, k) + 2;
}

/** The text code of the k-th value, or -1 when it is a number. */
export function codeOf(column: ColumnCells, k: number): number {
  const codes = column.parsed.codes;
  return codes === undefined ? -1 : codes[rowOf(column, k)];
}

/** The k-th value as written (a number as JavaScript writes it), for messages. */
export function cellText(column: ColumnCells, k: number): string {
  const code = codeOf(column, k);
  return code >= 0 ? column.parsed.texts[code] : String(column.parsed.numbers?.[rowOf(column, k)]);
}

const SHOWN_LINES = 5;

/**
 * Bad values of one column, collected while reading it and reported as one error (one line, however
 * many rows are bad): the first value with its line, how many there are in all, and the lines and
 * values of the first few, so that a user can fix them in one pass.
 */
export class BadValues {
  private count = 0;
  private readonly shown: { line: number; value: string; code: string }[] = [];

  constructor(
    private readonly column: ColumnCells,
    private readonly expected: string,
  ) {}

  add(k: number, value: string, code = 'bad-value'): void {
    this.count += 1;
    if (this.shown.length < SHOWN_LINES) this.shown.push({ line: lineOf(this.column, k), value, code });
  }

  get size(): number {
    return this.count;
  }

  /** Throws the InputError when any value was bad. */
  check(): void {
    const first = this.shown[0];
    if (first === undefined) return;
    const { table, column } = this.column;
    const more = this.count > this.shown.length ? ', ...' : '';
    const all = this.count > 1 ? ` (${this.count} bad values in all, at lines ${this.shown.map((s) => `${s.line} (${JSON.stringify(s.value)})`).join(', ')}${more})` : '';
    throw new InputError(
      `${table.file} line ${first.line}, column '${column}': ${JSON.stringify(first.value)} is not valid; expected ${this.expected}${all}`,
      [issue(first.code, [table.file, first.line, column], first.value, this.expected)],
    );
  }
}
