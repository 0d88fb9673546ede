import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type Papa from 'papaparse';
import { InputError, issue } from '../result/index.js';

// papaparse is loaded when a file needs it: the fast path reads most files without it.
let papa: typeof Papa | undefined;
function papaparse(): typeof Papa {
  papa ??= createRequire(import.meta.url)('papaparse') as typeof Papa;
  return papa;
}

/** A CSV file as read: the header and the data rows as strings, with the file name for messages. */
export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * Reads a CSV with a header row. Fails (InputError) when the file is missing, empty or ragged, naming
 * the file and the line. Rows that are entirely blank (e.g. a trailing newline) are dropped.
 *
 * Comma-separated files with LF or CRLF line ends and RFC 4180 quoting (as R's write.csv and SAS
 * exports write them: `"arm"`, `"a ""b"""`) are split directly on the bytes into cell offsets, without
 * a string per cell: the column readers read those offsets, and `rows` is built only if someone asks
 * for it. Anything else (a quote inside an unquoted cell, a line break inside quotes, a lone CR, a
 * possible other delimiter) goes through papaparse, and both paths give the same table.
 */
export function readCsvFile(file: string): CsvTable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`cannot read ${file}: ${reason}`, [
      issue('file-unreadable', [file], file, 'a readable CSV file'),
    ]);
  }
  return parsePlainCsv(bytes, file) ?? parseCsvText(bytes.toString('utf8'), file);
}

/**
 * Cell offsets of a CSV read by the fast path: cell (r, c) is bytes[starts[r * width + c],
 * ends[r * width + c]), without its enclosing quotes. A quoted cell holding a doubled quote ("") is
 * listed in `escaped`; its text has the pair as one quote.
 */
export interface CsvCells {
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly rowCount: number;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** Cells (r * width + c) whose bytes hold doubled quotes; empty for most files. */
  readonly escaped: ReadonlySet<number>;
  /** The cell as text, decoded as UTF-8 (as readFileSync(file, 'utf8') would have it). */
  text(row: number, column: number): string;
}

const cellsOf = new WeakMap<CsvTable, CsvCells>();

/** The byte offsets behind a table read by the fast path, for the column readers; else undefined. */
export function csvCells(table: CsvTable): CsvCells | undefined {
  return cellsOf.get(table);
}

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
/** Delimiters papaparse would also consider when guessing: tab, pipe, semicolon, RS, US. */
const OTHER_DELIMITERS = new Set([0x09, 0x7c, 0x3b, 0x1e, 0x1f]);

/** The blank bytes JavaScript's trim() removes below 0x80 (CR and LF never reach a cell here). */
function isBlankByte(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0b || b === 0x0c;
}

/**
 * A scanner over the data lines: `row` fills the cells of the next row and returns the position after
 * it, or -1 when the file needs papaparse. It keeps what the blank-line and field-count checks need.
 */
class RowScanner {
  fields = 0;
  /** A cell holds a byte that trim() would keep. */
  content = false;
  /** A cell holds a non-ASCII byte (which may or may not be blank: decided on the text). */
  wide = false;
  contentEnd = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly end: number,
    private readonly crlf: boolean,
    private readonly starts: Uint32Array,
    private readonly ends: Uint32Array,
    private readonly escaped: Set<number>,
  ) {}

  /** Scans the row starting at `pos`, storing up to `width` cells from slot `base`. */
  row(pos: number, base: number, width: number): number {
    const { bytes, end, starts, ends } = this;
    // Locals in the loop, written back once: this runs once per byte of the file.
    let fields = 0;
    let content = false;
    let wide = false;
    let i = pos;
    let next = -1;
    for (;;) {
      let cellStart: number;
      let cellEnd: number;
      let escapedCell = false;
      if (i < end && bytes[i] === QUOTE) {
        // RFC 4180: the cell runs to the next quote not doubled; it must be followed by a comma or a line end.
        cellStart = i + 1;
        let j = cellStart;
        for (;;) {
          // Most bytes are text: one comparison each.
          while (j < end && bytes[j] > QUOTE) j++;
          if (j >= end) return -1;
          const b = bytes[j];
          if (b === QUOTE) {
            if (j + 1 < end && bytes[j + 1] === QUOTE) {
              escapedCell = true;
              j += 2;
              continue;
            }
            break;
          }
          if (b === LF || b === CR) return -1;
          if (!isBlankByte(b)) content = true;
          j++;
        }
        cellEnd = j;
        i = j + 1;
        if (i < end && bytes[i] !== COMMA && bytes[i] !== LF && bytes[i] !== CR) return -1;
        if (escapedCell) content = true;
      } else {
        cellStart = i;
        for (;;) {
          // Digits, letters, '.', '-': everything above the comma is cell content, one comparison each.
          while (i < end && bytes[i] > COMMA) i++;
          if (i >= end) break;
          const b = bytes[i];
          if (b === COMMA || b === LF || b === CR) break;
          if (b === QUOTE) return -1;
          if (!isBlankByte(b)) content = true;
          i++;
        }
        cellEnd = i;
      }
      if (!content) {
        // Whether the row has content so far is only in doubt until its first such cell.
        for (let k = cellStart; k < cellEnd; k++) {
          const b = bytes[k];
          if (b >= 0x80) wide = true;
          else if (!isBlankByte(b)) {
            content = true;
            break;
          }
        }
      }
      if (fields < width) {
        starts[base + fields] = cellStart;
        ends[base + fields] = cellEnd;
        if (escapedCell) this.escaped.add(base + fields);
      }
      fields += 1;
      if (i < end && bytes[i] === COMMA) {
        i++;
        continue;
      }
      // A line end (CRLF where the file uses CRLF; a lone CR or LF there goes to papaparse) or the end.
      this.contentEnd = i;
      if (i >= end) next = end + 1;
      else if (bytes[i] === CR) next = i + 1 < end && bytes[i + 1] === LF ? i + 2 : -1;
      else next = this.crlf ? -1 : i + 1;
      break;
    }
    this.fields = fields;
    this.content = content;
    this.wide = wide;
    return next;
  }

  /** papaparse's greedy rule: a row whose cells are all whitespace is skipped. */
  blank(from: number): boolean {
    if (this.content) return false;
    if (!this.wide) return true;
    // Non-ASCII bytes in an otherwise empty row: decide on the text (e.g. a no-break space is blank).
    // Every comma and quote of such a row delimits a cell (a comma or a doubled quote inside quotes
    // counts as content), so the cells' text is the row's without them.
    return this.bytes.toString('utf8', from, this.contentEnd).replace(/[",]/g, '').trim() === '';
  }
}

/**
 * The fast path of readCsvFile, or undefined when the file needs papaparse. Whatever it returns is
 * what papaparse would give (header: false, skipEmptyLines: 'greedy', guessed delimiter and line ends).
 */
function parsePlainCsv(bytes: Buffer, file: string): CsvTable | undefined {
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const end = bytes.length;
  const crlf = bytes.indexOf(CR, start) >= 0;
  // papaparse guesses the delimiter from the first 10 rows; look at more than that to be safe.
  let lines = 0;
  for (let i = start; i < end && lines < 50; i++) {
    const b = bytes[i];
    if (b === LF) lines += 1;
    else if (OTHER_DELIMITERS.has(b)) return undefined;
  }
  // A plain loop: a million Buffer.indexOf calls cost several times more than looking at each byte.
  let lineCount = 1;
  for (let i = start; i < end; i++) if (bytes[i] === LF) lineCount += 1;

  // The header: the first row that is not blank, scanned into scratch slots.
  const escapedHeader = new Set<number>();
  const headerStarts = new Uint32Array(1024);
  const headerEnds = new Uint32Array(1024);
  const headerScanner = new RowScanner(bytes, end, crlf, headerStarts, headerEnds, escapedHeader);
  let pos = start;
  let header: string[] | undefined;
  while (pos <= end && header === undefined) {
    const next = headerScanner.row(pos, 0, headerStarts.length);
    if (next < 0 || headerScanner.fields > headerStarts.length) return undefined;
    if (!headerScanner.blank(pos)) {
      // papaparse keeps a one-column file's delimiter guess open: leave those to it.
      if (headerScanner.fields < 2) return undefined;
      header = [];
      for (let c = 0; c < headerScanner.fields; c++) header.push(cellText(bytes, headerStarts[c], headerEnds[c], escapedHeader.has(c)).trim());
    }
    pos = next;
  }
  if (header === undefined) return undefined;
  const width = header.length;
  const starts = new Uint32Array(lineCount * width);
  const ends = new Uint32Array(lineCount * width);
  const escaped = new Set<number>();
  const scanner = new RowScanner(bytes, end, crlf, starts, ends, escaped);

  let rowCount = 0;
  while (pos <= end) {
    const base = rowCount * width;
    const next = scanner.row(pos, base, width);
    if (next < 0) return undefined;
    if (!scanner.blank(pos)) {
      if (scanner.fields !== width) {
        const line = rowCount + 2;
        const text = bytes.toString('utf8', pos, scanner.contentEnd);
        throw new InputError(`${file} line ${line}: ${scanner.fields} fields, expected ${width} (as in the header)`, [
          issue('ragged-row', [file, line], text, `${width} fields`),
        ]);
      }
      rowCount += 1;
    }
    pos = next;
  }

  const cells: CsvCells = {
    bytes,
    width,
    rowCount,
    starts,
    ends,
    escaped,
    text: (row, column) => {
      const cell = row * width + column;
      return cellText(bytes, starts[cell], ends[cell], escaped.size > 0 && escaped.has(cell));
    },
  };
  let rows: (readonly string[])[] | undefined;
  const table: CsvTable = {
    file,
    header,
    get rows(): readonly (readonly string[])[] {
      if (rows === undefined) {
        rows = new Array<readonly string[]>(rowCount);
        for (let r = 0; r < rowCount; r++) {
          const row = new Array<string>(width);
          for (let c = 0; c < width; c++) row[c] = cells.text(r, c);
          rows[r] = row;
        }
      }
      return rows;
    },
  };
  cellsOf.set(table, cells);
  return table;
}

function cellText(bytes: Buffer, from: number, to: number, escaped: boolean): string {
  const text = bytes.toString('utf8', from, to);
  return escaped ? text.replaceAll('""', '"') : text;
}

export function parseCsvText(text: string, file: string): CsvTable {
  const parsed = papaparse().parse<string[]>(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
    header: false,
    skipEmptyLines: 'greedy',
  });
  const data = parsed.data;
  const header = data[0];
  if (header === undefined || header.length === 0) {
    throw new InputError(`${file}: the file is empty; expected a header row`, [
      issue('empty-file', [file], '', 'a header row and at least one data row'),
    ]);
  }
  const trimmedHeader = header.map((name) => name.trim());
  const rows = data.slice(1);
  const width = trimmedHeader.length;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    if (row.length !== width) {
      // Line numbers count the header as line 1, as an editor would show them.
      const line = index + 2;
      throw new InputError(
        `${file} line ${line}: ${row.length} fields, expected ${width} (as in the header)`,
        [issue('ragged-row', [file, line], row.join(','), `${width} fields`)],
      );
    }
  }
  return { file, header: trimmedHeader, rows };
}

/** The index of a named column, or an InputError listing the columns that exist. */
export function columnIndex(table: CsvTable, name: string): number {
  const index = table.header.indexOf(name);
  if (index < 0) {
    throw new InputError(
      `${table.file}: no column '${name}'; the columns are ${table.header.map((h) => `'${h}'`).join(', ')}`,
      [issue('unknown-column', [table.file, 1, name], name, `one of ${table.header.join(', ')}`)],
    );
  }
  return index;
}

/** The raw strings of one column. */
export function columnValues(table: CsvTable, name: string): string[] {
  const index = columnIndex(table, name);
  const cells = csvCells(table);
  if (cells !== undefined) return Array.from({ length: cells.rowCount }, (_, r) => cells.text(r, index).trim());
  return table.rows.map((row) => row[index].trim());
}
