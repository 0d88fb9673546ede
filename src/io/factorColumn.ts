import { BadValues, columnCells, rowOf } from './cellAccess.js';
import type { CsvTable } from './readCsv.js';

/** A column read as R reads a factor: integer codes into its levels, in R's level order. */
export interface FactorColumn {
  readonly column: string;
  /** codes[k] indexes `levels` for the k-th row read. */
  readonly codes: Uint32Array;
  readonly levels: readonly string[];
  /**
   * True when every value is a number: the levels are then sorted by value and written as JavaScript
   * writes the number ('1', '2.5'), as R's factor() of a numeric column; false for text, sorted as text.
   */
  readonly numeric: boolean;
}

// R sorts text with ICU's collation (R on Linux with ICU, in an en_US or C.UTF-8 locale): case and
// accents are secondary to the letters ('a' < 'B' < 'b'), punctuation first. Intl.Collator is ICU too.
// Made on first use: creating it loads ICU data, which a file of numbers never needs.
let collator: Intl.Collator | undefined;

/** R's order for text levels; code-point order breaks ties between texts ICU considers equal. */
export function compareLevelText(a: string, b: string): number {
  collator ??= new Intl.Collator('en-US');
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The levels of a set of distinct texts in R's order, and whether they are all numbers. */
export function sortLevels(texts: readonly string[]): { levels: string[]; numeric: boolean; codeOf: Map<string, number> } {
  const values = texts.map((t) => Number(t));
  const numeric = texts.length > 0 && values.every((v, i) => texts[i].trim() !== '' && Number.isFinite(v));
  const codeOf = new Map<string, number>();
  if (numeric) {
    const distinct = [...new Set(values)].sort((a, b) => a - b);
    const index = new Map(distinct.map((v, i) => [v, i]));
    texts.forEach((t, i) => codeOf.set(t, index.get(values[i]) ?? 0));
    return { levels: distinct.map((v) => String(v)), numeric, codeOf };
  }
  const levels = [...new Set(texts)].sort(compareLevelText);
  levels.forEach((level, i) => codeOf.set(level, i));
  return { levels, numeric, codeOf };
}

/**
 * Reads a column as a factor: each distinct (trimmed) value is a level; numbers are sorted by value
 * ('1' and '1.0' are one level), text as R sorts it. A missing cell (empty or NA) among the rows read
 * is an error: callers leave those rows out first (completeRows).
 */
export function factorColumn(table: CsvTable, column: string, options: { rows?: Uint32Array } = {}): FactorColumn {
  const cells = columnCells(table, column, options.rows);
  const { parsed } = cells;
  const { codes: textCodes, numbers } = parsed;
  // Provisional codes: one per distinct (trimmed) text, and one per distinct number.
  const provisional = new Map<string, number>();
  const texts: string[] = [];
  const codeOfText = (text: string): number => {
    let code = provisional.get(text);
    if (code === undefined) {
      code = texts.length;
      provisional.set(text, code);
      texts.push(text);
    }
    return code;
  };
  const fromText = Int32Array.from(parsed.texts, (text, t) => (parsed.missing[t] === 1 ? -1 : codeOfText(text.trim())));
  const fromNumber = new Map<number, number>();
  const first = new Uint32Array(cells.count);
  const bad = new BadValues(cells, 'a value (empty and NA cells are missing values)');
  for (let k = 0; k < cells.count; k++) {
    const r = rowOf(cells, k);
    const t = textCodes === undefined ? -1 : textCodes[r];
    if (t >= 0) {
      const code = fromText[t];
      if (code < 0) bad.add(k, parsed.texts[t], 'missing-value');
      else first[k] = code;
      continue;
    }
    const value = numbers?.[r] ?? Number.NaN;
    let code = fromNumber.get(value);
    if (code === undefined) {
      code = codeOfText(String(value));
      fromNumber.set(value, code);
    }
    first[k] = code;
  }
  bad.check();
  const { levels, numeric, codeOf } = sortLevels(texts);
  const remap = new Uint32Array(texts.length);
  texts.forEach((t, i) => (remap[i] = codeOf.get(t) ?? 0));
  for (let k = 0; k < first.length; k++) first[k] = remap[first[k]];
  return Object.freeze({ column, codes: first, levels: Object.freeze(levels), numeric });
}

/** The index of a level given as text ('M', or '1' / '1.0' for a numeric factor); -1 if none. */
export function levelIndex(factor: Pick<FactorColumn, 'levels' | 'numeric'>, text: string): number {
  const wanted = text.trim();
  if (factor.numeric) {
    const value = Number(wanted);
    if (wanted === '' || !Number.isFinite(value)) return -1;
    return factor.levels.findIndex((level) => Number(level) === value);
  }
  return factor.levels.indexOf(wanted);
}

/**
 * The factor with level `index` moved first (the reference of treatment contrasts), the others in
 * their order: R's relevel().
 */
export function relevelFactor(factor: FactorColumn, index: number): FactorColumn {
  if (index === 0) return factor;
  const order = [index, ...factor.levels.map((_, i) => i).filter((i) => i !== index)];
  const newCode = new Uint32Array(factor.levels.length);
  order.forEach((old, position) => (newCode[old] = position));
  const codes = new Uint32Array(factor.codes.length);
  for (let k = 0; k < codes.length; k++) codes[k] = newCode[factor.codes[k]];
  return Object.freeze({ ...factor, codes, levels: Object.freeze(order.map((i) => factor.levels[i])) });
}
