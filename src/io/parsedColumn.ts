/**
 * One CSV column read as R's read.csv reads a column: each cell is a number (Number() rules: '12',
 * '-0.5', '1e+05', ' 7 ') or text. Numbers are kept as doubles, text once per distinct value, so a
 * million-row column takes 8 bytes a row (numbers) or 4 (text codes), not a string per cell.
 */
export interface ParsedColumn {
  readonly count: number;
  /** The value of each number cell (other cells hold a meaningless value); undefined when none is one. */
  readonly numbers: Float64Array | undefined;
  /** For each cell that is text, its index in `texts`; -1 for numbers. undefined when every cell is a number. */
  readonly codes: Int32Array | undefined;
  /** The distinct text cells as written (quotes removed, doubled quotes undone), not trimmed. */
  readonly texts: readonly string[];
  /** 1 where a text is a missing value: empty or NA after trimming (R's read.csv NA). */
  readonly missing: Uint8Array;
}

/** R's missing value in a CSV: an empty cell or NA (what write.csv writes for NA), after trimming. */
export function isMissingText(raw: string): boolean {
  const text = raw.trim();
  return text === '' || text === 'NA';
}

/** The number a cell's text stands for (Number() rules), or NaN when it is text. */
export function numberOfText(text: string): number {
  if (text.trim() === '') return Number.NaN;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}

// Literals, so each power is exactly 10^k (all are representable up to 10^22).
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A cell of an optional sign, digits with at most one decimal point and at most 15 digits, parsed
 * without making a string: mantissa / 10^k is then correctly rounded, so it equals Number(text). NaN
 * means "not this simple form": the caller decides on the text.
 */
export function plainDecimal(bytes: Uint8Array, from: number, to: number): number {
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

/**
 * Short ASCII cells (up to 6 bytes: codes, labels like 'A', '1e5', 'yes') as a number key, so a column
 * of a few distinct values is read with one string per distinct value rather than one per row.
 * -1 for anything else.
 */
function shortKey(bytes: Uint8Array, from: number, to: number): number {
  if (to - from > 6) return -1;
  let key = to - from;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b >= 0x80) return -1;
    key = key * 128 + b;
  }
  return key;
}

/** Collects one column's cells, in row order, into a ParsedColumn. */
export class ColumnBuilder {
  private numbers: Float64Array | undefined;
  private codes: Int32Array | undefined;
  private capacity: number;
  private count = 0;
  private readonly texts: string[] = [];
  private readonly missing: number[] = [];
  private readonly textCode = new Map<string, number>();
  /** Short cells seen before: a text code (>= 0), or -1 - k for the k-th short number in `keyNumbers`. */
  private readonly keyCode = new Map<number, number>();
  private readonly keyNumbers: number[] = [];

  constructor(expectedRows: number) {
    this.capacity = Math.max(16, expectedRows);
  }

  /** A cell given by its bytes (without quotes); `escaped` when it holds doubled quotes. */
  addBytes(bytes: Buffer, from: number, to: number, escaped: boolean): void {
    if (!escaped) {
      const value = plainDecimal(bytes, from, to);
      if (!Number.isNaN(value)) {
        this.pushNumber(value);
        return;
      }
      const key = shortKey(bytes, from, to);
      if (key >= 0) {
        let known = this.keyCode.get(key);
        if (known === undefined) {
          const text = bytes.toString('latin1', from, to);
          const value2 = numberOfText(text);
          if (Number.isNaN(value2)) known = this.codeOf(text);
          else {
            this.keyNumbers.push(value2);
            known = -this.keyNumbers.length;
          }
          this.keyCode.set(key, known);
        }
        if (known >= 0) this.pushCode(known);
        else this.pushNumber(this.keyNumbers[-known - 1]);
        return;
      }
    }
    const raw = bytes.toString('utf8', from, to);
    this.addText(escaped ? raw.replaceAll('""', '"') : raw);
  }

  /** A cell given as text (papaparse's rows). */
  addText(text: string): void {
    const code = this.textCode.get(text);
    if (code !== undefined) {
      this.pushCode(code);
      return;
    }
    const value = numberOfText(text);
    if (!Number.isNaN(value)) this.pushNumber(value);
    else this.pushCode(this.codeOf(text));
  }

  finish(): ParsedColumn {
    const n = this.count;
    return Object.freeze({
      count: n,
      numbers: this.numbers?.subarray(0, n),
      codes: this.codes?.subarray(0, n),
      texts: Object.freeze(this.texts),
      missing: Uint8Array.from(this.missing),
    });
  }

  private codeOf(text: string): number {
    let code = this.textCode.get(text);
    if (code === undefined) {
      code = this.texts.length;
      this.texts.push(text);
      this.missing.push(isMissingText(text) ? 1 : 0);
      this.textCode.set(text, code);
    }
    return code;
  }

  private grow(): void {
    const capacity = Math.ceil(this.capacity * 1.5) + 16;
    if (this.numbers !== undefined) {
      const numbers = new Float64Array(capacity);
      numbers.set(this.numbers.subarray(0, this.count));
      this.numbers = numbers;
    }
    if (this.codes !== undefined) {
      const codes = new Int32Array(capacity);
      codes.set(this.codes.subarray(0, this.count));
      this.codes = codes;
    }
    this.capacity = capacity;
  }

  private pushNumber(value: number): void {
    if (this.count === this.capacity) this.grow();
    // Made when the first number comes; earlier cells are text, so what it holds there does not matter.
    this.numbers ??= new Float64Array(this.capacity);
    this.numbers[this.count] = value;
    if (this.codes !== undefined) this.codes[this.count] = -1;
    this.count += 1;
  }

  private pushCode(code: number): void {
    if (this.count === this.capacity) this.grow();
    if (this.codes === undefined) {
      // Made when the first text comes: every earlier cell was a number.
      this.codes = new Int32Array(this.capacity);
      this.codes.fill(-1, 0, this.count);
    }
    this.codes[this.count] = code;
    this.count += 1;
  }
}
