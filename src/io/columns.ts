import { InputError, issue, type Issue } from '../result/index.js';
import { columnIndex, csvCells, type CsvCells, type CsvTable } from './readCsv.js';

// Typed columns from a CSV, with every bad cell reported by file, line, column and value.

const MAX_REPORTED = 50;

function fail(table: CsvTable, column: string, issues: Issue[], count: number, expected: string): never {
  const first = issues[0];
  const line = first.path[1];
  const more = count > 1 ? ` (and ${count - 1} more row${count > 2 ? 's' : ''})` : '';
  throw new InputError(
    `${table.file} line ${String(line)}, column '${column}': ${JSON.stringify(first.value)} is not valid; expected ${expected}${more}`,
    issues,
  );
}

/**
 * Parses a column of numbers into a Float64Array. Empty cells and text are errors (a survival time or
 * covariate cannot be missing); `min` bounds the values (e.g. 0 for times).
 */
export function numericColumn(table: CsvTable, column: string, options: { min?: number } = {}): Float64Array {
  const index = columnIndex(table, column);
  const cells = csvCells(table);
  const count = cells === undefined ? table.rows.length : cells.rowCount;
  const rawCell = cells === undefined ? (r: number) => table.rows[r][index] : (r: number) => cells.text(r, index);
  const out = new Float64Array(count);
  const issues: Issue[] = [];
  let bad = 0;
  const expected = options.min === undefined ? 'a number' : `a number >= ${options.min}`;
  for (let r = 0; r < count; r++) {
    let value = cells === undefined ? Number.NaN : plainDecimal(cells, r * cells.width + index);
    let raw: string | undefined;
    if (Number.isNaN(value)) {
      raw = rawCell(r);
      value = raw === '' ? Number.NaN : Number(raw);
    }
    if (!Number.isFinite(value) || (options.min !== undefined && value < options.min)) {
      bad += 1;
      raw ??= rawCell(r);
      if (issues.length < MAX_REPORTED) {
        issues.push(issue(raw.trim() === '' ? 'missing-value' : 'bad-number', [table.file, r + 2, column], raw, expected));
      }
      continue;
    }
    out[r] = value;
  }
  if (bad > 0) fail(table, column, issues, bad, expected);
  return out;
}

/**
 * A cell of plain digits with at most one decimal point and at most 15 digits, parsed without making a
 * string: mantissa / 10^k is then correctly rounded, so it equals Number(text). NaN means "not this
 * simple form": the caller falls back to Number() on the text.
 */
function plainDecimal(cells: CsvCells, cell: number): number {
  const bytes = cells.bytes;
  const from = cells.starts[cell];
  const to = cells.ends[cell];
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
  return fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
}

// Literals, so each power is exactly 10^k (all are representable up to 10^22).
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Short ASCII cells (up to 6 bytes: codes, labels like 'A', '1', 'yes') as a number key, so a column
 * of a few distinct values is read with one string per distinct value rather than one per row.
 * -1 for anything else.
 */
function shortKey(cells: CsvCells, cell: number): number {
  const bytes = cells.bytes;
  const from = cells.starts[cell];
  const to = cells.ends[cell];
  if (to - from > 6) return -1;
  let key = to - from;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b >= 0x80) return -1;
    key = key * 128 + b;
  }
  return key;
}

/** Reads every cell of a column through `decide`, computing it once per distinct short cell. */
function eachCell<T>(table: CsvTable, index: number, decide: (raw: string) => T, use: (r: number, value: T) => void): void {
  const cells = csvCells(table);
  if (cells === undefined) {
    const rows = table.rows;
    for (let r = 0; r < rows.length; r++) use(r, decide(rows[r][index]));
    return;
  }
  const seen = new Map<number, T>();
  for (let r = 0; r < cells.rowCount; r++) {
    const key = shortKey(cells, r * cells.width + index);
    if (key < 0) {
      use(r, decide(cells.text(r, index)));
      continue;
    }
    let value = seen.get(key);
    if (value === undefined) {
      value = decide(cells.text(r, index));
      seen.set(key, value);
    }
    use(r, value);
  }
}

function rowCount(table: CsvTable): number {
  return csvCells(table)?.rowCount ?? table.rows.length;
}

/**
 * An event indicator column: 1 where the cell equals `eventValue` (compared as text, and as numbers
 * when both are numeric, so "1" and "1.0" agree), 0 otherwise. An empty cell is an error: a subject
 * with unknown status cannot be counted as censored silently.
 */
export function eventColumn(table: CsvTable, column: string, eventValue: string): Uint8Array {
  const index = columnIndex(table, column);
  const out = new Uint8Array(rowCount(table));
  const target = eventValue.trim();
  const targetNumber = target === '' ? Number.NaN : Number(target);
  const issues: Issue[] = [];
  let bad = 0;
  // -1 marks an empty cell.
  const decide = (cell: string): number => {
    const raw = cell.trim();
    if (raw === '') return -1;
    return raw === target || (Number.isFinite(targetNumber) && Number(raw) === targetNumber) ? 1 : 0;
  };
  eachCell(table, index, decide, (r, value) => {
    if (value < 0) {
      bad += 1;
      if (issues.length < MAX_REPORTED) {
        issues.push(issue('missing-value', [table.file, r + 2, column], '', `an event code ('${target}' = event)`));
      }
      return;
    }
    out[r] = value;
  });
  if (bad > 0) fail(table, column, issues, bad, `an event code ('${target}' = event, anything else = censored)`);
  return out;
}

/** A label column (groups, strata) as written in the CSV; empty labels are errors. */
export function labelColumn(table: CsvTable, column: string): string[] {
  const index = columnIndex(table, column);
  const issues: Issue[] = [];
  let bad = 0;
  const out = new Array<string>(rowCount(table));
  eachCell(
    table,
    index,
    (cell) => cell.trim(),
    (r, raw) => {
      if (raw === '') {
        bad += 1;
        if (issues.length < MAX_REPORTED) issues.push(issue('missing-value', [table.file, r + 2, column], raw, 'a non-empty label'));
      }
      out[r] = raw;
    },
  );
  if (bad > 0) fail(table, column, issues, bad, 'a non-empty label');
  return out;
}
