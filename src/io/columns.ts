import { InputError, issue, type Issue } from '../result/index.js';
import { columnIndex, type CsvTable } from './readCsv.js';

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
  const rows = table.rows;
  const out = new Float64Array(rows.length);
  const issues: Issue[] = [];
  let bad = 0;
  const expected = options.min === undefined ? 'a number' : `a number >= ${options.min}`;
  for (let r = 0; r < rows.length; r++) {
    const raw = rows[r][index];
    const value = raw === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(value) || (options.min !== undefined && value < options.min)) {
      bad += 1;
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
 * An event indicator column: 1 where the cell equals `eventValue` (compared as text, and as numbers
 * when both are numeric, so "1" and "1.0" agree), 0 otherwise. An empty cell is an error: a subject
 * with unknown status cannot be counted as censored silently.
 */
export function eventColumn(table: CsvTable, column: string, eventValue: string): Uint8Array {
  const index = columnIndex(table, column);
  const rows = table.rows;
  const out = new Uint8Array(rows.length);
  const target = eventValue.trim();
  const targetNumber = target === '' ? Number.NaN : Number(target);
  const issues: Issue[] = [];
  let bad = 0;
  for (let r = 0; r < rows.length; r++) {
    const raw = rows[r][index].trim();
    if (raw === '') {
      bad += 1;
      if (issues.length < MAX_REPORTED) {
        issues.push(issue('missing-value', [table.file, r + 2, column], raw, `an event code ('${target}' = event)`));
      }
      continue;
    }
    out[r] = raw === target || (Number.isFinite(targetNumber) && Number(raw) === targetNumber) ? 1 : 0;
  }
  if (bad > 0) fail(table, column, issues, bad, `an event code ('${target}' = event, anything else = censored)`);
  return out;
}

/** A label column (groups, strata) as written in the CSV; empty labels are errors. */
export function labelColumn(table: CsvTable, column: string): string[] {
  const index = columnIndex(table, column);
  const issues: Issue[] = [];
  let bad = 0;
  const out = table.rows.map((row, r) => {
    const raw = row[index].trim();
    if (raw === '') {
      bad += 1;
      if (issues.length < MAX_REPORTED) issues.push(issue('missing-value', [table.file, r + 2, column], raw, 'a non-empty label'));
    }
    return raw;
  });
  if (bad > 0) fail(table, column, issues, bad, 'a non-empty label');
  return out;
}
