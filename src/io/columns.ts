import { InputError, issue } from '../result/index.js';
import { BadValues, cellText, codeOf, columnCells, lineOf, rowOf } from './cellAccess.js';
import { isMissingText } from './parsedColumn.js';
import { factorColumn, type FactorColumn } from './factorColumn.js';
import type { CsvTable } from './readCsv.js';

// Typed columns from a CSV. Bad values are reported as one error naming the file, the column, the
// first value with its line, how many there are and where the first few are.

/**
 * Parses a column of numbers into a Float64Array (possibly the table's own: do not write to it); `min`
 * bounds the values (e.g. 0 for times). Text and
 * missing cells (empty or NA) among the rows read are errors: callers leave rows with missing values
 * out first (completeRows), as R's na.omit.
 */
export function numericColumn(table: CsvTable, column: string, options: { min?: number; rows?: Uint32Array } = {}): Float64Array {
  const cells = columnCells(table, column, options.rows);
  const { parsed } = cells;
  if (options.rows === undefined && parsed.codes === undefined && parsed.numbers !== undefined) {
    // Every cell a number: the parsed values themselves, when all are in range (no copy of a
    // million-row column; callers treat it as read-only).
    const values = parsed.numbers;
    const min = options.min ?? Number.NEGATIVE_INFINITY;
    let inRange = true;
    for (let r = 0; r < values.length && inRange; r++) if (!(values[r] >= min)) inRange = false;
    if (inRange) return values;
  }
  const out = new Float64Array(cells.count);
  const expected = options.min === undefined ? 'a number' : `a number >= ${options.min}`;
  const bad = new BadValues(cells, expected);
  const min = options.min ?? Number.NEGATIVE_INFINITY;
  const { numbers, codes } = cells.parsed;
  for (let k = 0; k < cells.count; k++) {
    const r = rowOf(cells, k);
    if ((codes === undefined || codes[r] < 0) && numbers !== undefined) {
      const value = numbers[r];
      if (value >= min) {
        out[k] = value;
        continue;
      }
    }
    const raw = cellText(cells, k);
    bad.add(k, raw, isMissingText(raw) ? 'missing-value' : 'bad-number');
  }
  bad.check();
  return out;
}

/** A covariate: numbers as they are, or a factor (text, or a numeric code the user made a factor). */
export type CovariateColumn =
  | { readonly kind: 'numeric'; readonly column: string; readonly values: Float64Array }
  | ({ readonly kind: 'factor' } & FactorColumn);

const SHOWN = 5;

/**
 * A model covariate as R's model.frame reads a CSV column: all numbers -> numeric; all text -> a
 * factor (levels sorted as R sorts them); `factor: true` makes a numeric code a factor (R's
 * factor(x)). A column that mixes numbers and text is an error (R would silently make every number a
 * level of a text factor), naming the text values and their lines.
 */
export function covariateColumn(
  table: CsvTable,
  column: string,
  options: { rows?: Uint32Array; factor?: boolean } = {},
): CovariateColumn {
  if (options.factor === true) return Object.freeze({ kind: 'factor', ...factorColumn(table, column, { rows: options.rows }) });
  const cells = columnCells(table, column, options.rows);
  const values = new Float64Array(cells.count);
  let numbers = 0;
  const text: { k: number; raw: string }[] = [];
  let textCount = 0;
  const parsedNumbers = cells.parsed.numbers;
  for (let k = 0; k < cells.count; k++) {
    if (codeOf(cells, k) < 0 && parsedNumbers !== undefined) {
      values[k] = parsedNumbers[rowOf(cells, k)];
      numbers += 1;
      continue;
    }
    textCount += 1;
    if (text.length < SHOWN) text.push({ k, raw: cellText(cells, k) });
  }
  if (textCount === 0) return Object.freeze({ kind: 'numeric', column, values });
  if (numbers === 0) return Object.freeze({ kind: 'factor', ...factorColumn(table, column, { rows: options.rows }) });
  const missing = text.find((t) => isMissingText(t.raw));
  if (missing !== undefined) {
    // Only reachable when the caller did not leave missing rows out.
    const bad = new BadValues(cells, 'a number');
    bad.add(missing.k, missing.raw, 'missing-value');
    bad.check();
  }
  const shown = text.map((t) => `line ${lineOf(cells, t.k)} ${JSON.stringify(t.raw)}`).join(', ');
  const expected = `numbers (a numeric covariate) or text only (a factor); --factor ${column} makes a numeric code a factor`;
  throw new InputError(
    `${table.file}: column '${column}' mixes ${numbers} numbers with ${textCount} text value${textCount === 1 ? '' : 's'} ` +
      `(${shown}${textCount > text.length ? ', ...' : ''}); expected ${expected}`,
    [issue('mixed-column', [table.file, lineOf(cells, text[0].k), column], text[0].raw, expected)],
  );
}
