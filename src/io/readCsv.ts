import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import type Papa from 'papaparse';
import { InputError, issue } from '../result/index.js';
import { ColumnBuilder, type ParsedColumn } from './parsedColumn.js';

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

export interface ReadCsvOptions {
  /**
   * The columns the caller will read (by name). The fast path keeps only these, as numbers and text
   * codes; others are read again from the file if asked for. Default: every column.
   */
  readonly columns?: readonly string[];
}

/**
 * Reads a CSV with a header row. Fails (InputError) when the file is missing, empty or ragged, naming
 * the file and the line. Rows that are entirely blank (e.g. a trailing newline) are dropped.
 *
 * Comma-separated files with LF or CRLF line ends and RFC 4180 quoting (as R's write.csv and SAS
 * exports write them: `"arm"`, `"a ""b"""`) are read by a fast path: the file is read in chunks and
 * the columns asked for are parsed on the way into numbers and text codes (ParsedColumn), without a
 * string per cell or the whole file in memory; `rows` is built only if someone asks for it. Anything
 * else (a quote inside an unquoted cell, a line break inside quotes, a lone CR, a possible other
 * delimiter) goes through papaparse, and both paths give the same table.
 */
export function readCsvFile(file: string, options: ReadCsvOptions = {}): CsvTable {
  const fast = scanCsvFile(file, { names: options.columns });
  if (fast !== undefined) return fastTable(file, fast);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  return parseCsvText(bytes.toString('utf8'), file);
}

function unreadable(file: string, error: unknown): InputError {
  const reason = error instanceof Error ? error.message : String(error);
  return new InputError(`cannot read ${file}: ${reason}`, [issue('file-unreadable', [file], file, 'a readable CSV file')]);
}

interface TableStore {
  readonly columns: Map<number, ParsedColumn>;
}

const storeOf = new WeakMap<CsvTable, TableStore>();

function fastTable(file: string, scan: CsvScan): CsvTable {
  let rows: readonly (readonly string[])[] | undefined;
  const table: CsvTable = {
    file,
    header: scan.header,
    get rows(): readonly (readonly string[])[] {
      // The strings of every cell: the same scan once more, keeping text.
      rows ??= scanCsvFile(file, { text: true })?.rows ?? parseCsvText(readFileSync(file, 'utf8'), file).rows;
      return rows;
    },
  };
  storeOf.set(table, { columns: scan.columns });
  return table;
}

/** Whether a table was read by the fast path (for tests). */
export function readByFastPath(table: CsvTable): boolean {
  return storeOf.has(table);
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
 * A scanner over the rows: `row` finds the cells of the row starting at `pos` (their offsets in
 * `starts`, `ends`, `escaped`, up to the scratch width) and returns the position after it, or -1 when
 * the file needs papaparse. It keeps what the blank-line and field-count checks need.
 */
class RowScanner {
  fields = 0;
  /** A cell holds a byte that trim() would keep. */
  content = false;
  /** A cell holds a non-ASCII byte (which may or may not be blank: decided on the text). */
  wide = false;
  contentEnd = 0;
  starts: Uint32Array;
  ends: Uint32Array;
  escaped: Uint8Array;

  constructor(
    public bytes: Buffer,
    private readonly crlf: boolean,
    width: number,
  ) {
    this.starts = new Uint32Array(width);
    this.ends = new Uint32Array(width);
    this.escaped = new Uint8Array(width);
  }

  /**
   * Scans the row starting at `pos`; `end` is where the bytes end (the end of the file, or just after
   * a line feed: a row never runs past one, since a line break inside quotes goes to papaparse).
   */
  row(pos: number, end: number): number {
    const { bytes, starts, ends, escaped } = this;
    const width = starts.length;
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
        starts[fields] = cellStart;
        ends[fields] = cellEnd;
        escaped[fields] = escapedCell ? 1 : 0;
      }
      fields += 1;
      if (i < end && bytes[i] === COMMA) {
        i++;
        continue;
      }
      // A line end (CRLF where the file uses CRLF; a lone CR or LF there goes to papaparse) or the end.
      this.contentEnd = i;
      if (i >= end) next = end + 1;
      else if (bytes[i] === CR) next = this.crlf && i + 1 < end && bytes[i + 1] === LF ? i + 2 : -1;
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

  cellText(c: number): string {
    const text = this.bytes.toString('utf8', this.starts[c], this.ends[c]);
    return this.escaped[c] === 1 ? text.replaceAll('""', '"') : text;
  }
}

/** What the fast path found: the header, and the columns asked for (or every row as text). */
interface CsvScan {
  readonly header: string[];
  readonly columns: Map<number, ParsedColumn>;
  readonly rows: string[][];
}

/** papaparse guesses line ends from the first megabyte; the first chunk is at least that. */
const CHUNK_BYTES = 1 << 20;

/**
 * The fast path: the file read in chunks of `chunkBytes` (tests use tiny ones), each row scanned for
 * its cells, the wanted columns parsed on the way. undefined when the file needs papaparse. Whatever
 * it returns is what papaparse would give (header: false, skipEmptyLines: 'greedy', guessed delimiter
 * and line ends).
 */
export function scanCsvFile(
  file: string,
  options: { names?: readonly string[]; columns?: readonly number[]; text?: boolean; chunkBytes?: number } = {},
): CsvScan | undefined {
  let fd: number;
  let size: number;
  try {
    fd = openSync(file, 'r');
    size = fstatSync(fd).size;
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    return scanOpenFile(file, fd, size, options);
  } finally {
    closeSync(fd);
  }
}

function scanOpenFile(
  file: string,
  fd: number,
  size: number,
  options: { names?: readonly string[]; columns?: readonly number[]; text?: boolean; chunkBytes?: number },
): CsvScan | undefined {
  // papaparse guesses the delimiter from the first 10 rows (look at 50, to be safe) and the line ends
  // from the first megabyte: the same look, whatever the chunk size.
  const peek = Buffer.allocUnsafe(Math.max(1, Math.min(size, CHUNK_BYTES)));
  const peeked = readSync(fd, peek, 0, peek.length, 0);
  const bom = peeked >= 3 && peek[0] === 0xef && peek[1] === 0xbb && peek[2] === 0xbf ? 3 : 0;
  let lines = 0;
  for (let i = bom; i < peeked && lines < 50; i++) {
    const b = peek[i];
    if (b === LF) lines += 1;
    else if (OTHER_DELIMITERS.has(b)) return undefined;
  }
  let crlf = false;
  let firstLines = 0;
  for (let i = bom; i < peeked; i++) {
    const b = peek[i];
    if (b === LF) firstLines += 1;
    else if (b === CR) crlf = true;
  }
  // Room for the rows expected from the first megabyte's line length (grown if the guess is short).
  const expectedRows = Math.ceil((size / Math.max(1, peeked)) * (firstLines + 1) * 1.05) + 16;

  const chunk = options.chunkBytes ?? CHUNK_BYTES;
  let buffer = chunk >= peeked && peeked === size ? peek : Buffer.allocUnsafe(Math.max(1, Math.min(size, chunk)));
  const whole = buffer === peek;
  let length = whole ? peeked : 0;
  // Chunks start after the byte-order mark; the whole file in `peek` still has it.
  let offset = whole ? length : bom;
  const fill = (): void => {
    while (length < buffer.length && offset < size) {
      const read = readSync(fd, buffer, length, buffer.length - length, offset);
      if (read === 0) {
        size = offset;
        break;
      }
      length += read;
      offset += read;
    }
  };
  fill();
  let eof = offset >= size;
  let pos = whole ? bom : 0;

  let scanner = new RowScanner(buffer, crlf, 1024);
  let header: string[] | undefined;
  let wanted: number[] = [];
  let builders: ColumnBuilder[] = [];
  const rows: string[][] = [];
  let rowCount = 0;
  for (;;) {
    // Rows wholly in the buffer: up to the last line feed, or to the end of the file.
    let limit = length;
    if (!eof) {
      limit = length === 0 ? -1 : buffer.lastIndexOf(LF, length - 1) + 1;
      if (limit <= pos) limit = -1;
    }
    while (limit >= 0 && (eof ? pos <= length : pos < limit)) {
      const next = scanner.row(pos, limit);
      if (next < 0) return undefined;
      if (header === undefined) {
        if (scanner.fields > scanner.starts.length) return undefined;
        if (!scanner.blank(pos)) {
          // papaparse keeps a one-column file's delimiter guess open: leave those to it.
          if (scanner.fields < 2) return undefined;
          header = [];
          for (let c = 0; c < scanner.fields; c++) header.push(scanner.cellText(c).trim());
          wanted = wantedColumns(header, options);
          builders = wanted.map(() => new ColumnBuilder(options.text === true ? 0 : expectedRows));
          scanner = new RowScanner(buffer, crlf, header.length);
        }
      } else if (!scanner.blank(pos)) {
        const width = header.length;
        if (scanner.fields !== width) {
          const line = rowCount + 2;
          const text = buffer.toString('utf8', pos, scanner.contentEnd);
          throw new InputError(`${file} line ${line}: ${scanner.fields} fields, expected ${width} (as in the header)`, [
            issue('ragged-row', [file, line], text, `${width} fields`),
          ]);
        }
        if (options.text === true) {
          const row = new Array<string>(width);
          for (let c = 0; c < width; c++) row[c] = scanner.cellText(c);
          rows.push(row);
        } else {
          const { starts, ends, escaped } = scanner;
          for (let w = 0; w < wanted.length; w++) {
            const c = wanted[w];
            builders[w].addBytes(buffer, starts[c], ends[c], escaped[c] === 1);
          }
        }
        rowCount += 1;
      }
      pos = next;
    }
    if (eof) break;
    // Keep the unfinished row, read on; a buffer holding less than one row grows.
    buffer.copyWithin(0, pos, length);
    length -= pos;
    pos = 0;
    if (length === buffer.length) {
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    scanner.bytes = buffer;
    fill();
    eof = offset >= size;
  }
  if (header === undefined) return undefined;
  const columns = new Map<number, ParsedColumn>();
  wanted.forEach((c, w) => columns.set(c, builders[w].finish()));
  return { header, columns, rows };
}

function wantedColumns(header: readonly string[], options: { names?: readonly string[]; columns?: readonly number[]; text?: boolean }): number[] {
  if (options.text === true) return [];
  if (options.columns !== undefined) return options.columns.filter((c) => c < header.length);
  if (options.names === undefined) return header.map((_, c) => c);
  return [...new Set(options.names.map((name) => header.indexOf(name)).filter((c) => c >= 0))];
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
  return table.rows.map((row) => row[index].trim());
}

/**
 * A column as numbers and text (see ParsedColumn): from the fast path's store, read from the file again
 * for a column not asked for up front, or built from the rows of a table papaparse read.
 */
export function parsedColumn(table: CsvTable, index: number): ParsedColumn {
  const store = storeOf.get(table);
  if (store !== undefined) {
    let column = store.columns.get(index);
    if (column === undefined) {
      const again = scanCsvFile(table.file, { columns: [index] });
      column = again?.columns.get(index);
      // The file changed under us, or now needs papaparse: read its rows.
      column ??= columnFromRows(table.rows, index);
      store.columns.set(index, column);
    }
    return column;
  }
  const cached = fromRows.get(table)?.get(index);
  if (cached !== undefined) return cached;
  const column = columnFromRows(table.rows, index);
  const map = fromRows.get(table) ?? new Map<number, ParsedColumn>();
  map.set(index, column);
  fromRows.set(table, map);
  return column;
}

const fromRows = new WeakMap<CsvTable, Map<number, ParsedColumn>>();

function columnFromRows(rows: readonly (readonly string[])[], index: number): ParsedColumn {
  const builder = new ColumnBuilder(rows.length);
  for (const row of rows) builder.addText(row[index]);
  return builder.finish();
}
