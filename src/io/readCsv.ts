import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { InputError, issue } from '../result/index.js';

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
 * Plain comma-separated files (no quotes, LF or CRLF line ends, no other candidate delimiter in the
 * first lines) are split directly on the bytes into cell offsets, without a string per cell: the
 * column readers (numericColumn, eventColumn, labelColumn) read those offsets, and `rows` is built
 * only if someone asks for it. Anything else goes through papaparse as before, and both paths give
 * the same table.
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

/** Cell offsets of a plain CSV: cell (r, c) is bytes[starts[r * width + c], ends[r * width + c]). */
export interface CsvCells {
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly rowCount: number;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
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

/**
 * The fast path of readCsvFile, or undefined when the file needs papaparse (quotes, a lone CR, a
 * possible other delimiter, no comma in the header). Whatever it returns is what papaparse would give
 * (header: false, skipEmptyLines: 'greedy', guessed delimiter and line ends).
 */
function parsePlainCsv(bytes: Buffer, file: string): CsvTable | undefined {
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const end = bytes.length;
  if (bytes.indexOf(QUOTE, start) >= 0) return undefined;
  const crlf = bytes.indexOf(CR, start) >= 0;
  // papaparse guesses the delimiter from the first 10 rows; look at more than that to be safe.
  let lines = 0;
  let commaInHeader = false;
  for (let i = start; i < end && lines < 50; i++) {
    const b = bytes[i];
    if (b === LF) lines += 1;
    else if (OTHER_DELIMITERS.has(b)) return undefined;
    else if (b === COMMA && lines === 0) commaInHeader = true;
  }
  if (!commaInHeader) return undefined;

  let lineCount = 1;
  for (let i = start; i < end; i++) if (bytes[i] === LF) lineCount += 1;

  // The header: the first line that is not blank.
  let pos = start;
  let header: string[] | undefined;
  while (pos <= end && header === undefined) {
    let lineEnd = bytes.indexOf(LF, pos);
    if (lineEnd < 0) lineEnd = end;
    let contentEnd = lineEnd;
    if (crlf && lineEnd < end) {
      if (lineEnd === pos || bytes[lineEnd - 1] !== CR) return undefined;
      contentEnd = lineEnd - 1;
    }
    if (crlf) {
      const cr = bytes.indexOf(CR, pos);
      if (cr >= 0 && cr < contentEnd) return undefined;
    }
    if (!isBlankLine(bytes, pos, contentEnd)) header = splitLine(bytes, pos, contentEnd).map((name) => name.trim());
    pos = lineEnd + 1;
  }
  if (header === undefined) return undefined;
  const width = header.length;
  const starts = new Uint32Array(lineCount * width);
  const ends = new Uint32Array(lineCount * width);

  // The data lines, in one pass over the bytes: cell offsets, blank-line and field-count checks.
  let rowCount = 0;
  let rowBase = 0;
  let fields = 0;
  let lineStart = pos;
  let cellStart = pos;
  let content = false;
  let wide = false;
  for (let i = pos; i <= end; i++) {
    const b = i < end ? bytes[i] : LF;
    if (b === COMMA) {
      if (fields < width) {
        starts[rowBase + fields] = cellStart;
        ends[rowBase + fields] = i;
      }
      fields += 1;
      cellStart = i + 1;
    } else if (b === LF) {
      let contentEnd = i;
      if (crlf && i < end) {
        if (i === lineStart || bytes[i - 1] !== CR) return undefined;
        contentEnd = i - 1;
      }
      if (fields < width) {
        starts[rowBase + fields] = cellStart;
        ends[rowBase + fields] = contentEnd;
      }
      fields += 1;
      const blank = !content && (!wide || isBlankLine(bytes, lineStart, contentEnd));
      if (!blank) {
        if (fields !== width) {
          const line = rowCount + 2;
          const text = bytes.toString('utf8', lineStart, contentEnd);
          throw new InputError(`${file} line ${line}: ${fields} fields, expected ${width} (as in the header)`, [
            issue('ragged-row', [file, line], text, `${width} fields`),
          ]);
        }
        rowCount += 1;
        rowBase += width;
      }
      fields = 0;
      lineStart = i + 1;
      cellStart = i + 1;
      content = false;
      wide = false;
    } else if (b === CR) {
      // A CR is only allowed as part of CRLF (crlf is false when the file has none at all).
      if (i + 1 >= end || bytes[i + 1] !== LF) return undefined;
    } else if (!content) {
      if (b >= 0x80) wide = true;
      else if (b !== 0x20 && b !== 0x09 && b !== 0x0b && b !== 0x0c) content = true;
    }
  }
  const cells: CsvCells = {
    bytes,
    width,
    rowCount,
    starts,
    ends,
    text: (row, column) => bytes.toString('utf8', starts[row * width + column], ends[row * width + column]),
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

/** papaparse's greedy rule: a line whose fields are all whitespace is skipped. */
function isBlankLine(bytes: Buffer, from: number, to: number): boolean {
  let wide = false;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b === COMMA || b === 0x20 || b === 0x09 || b === 0x0b || b === 0x0c) continue;
    if (b >= 0x80) {
      wide = true;
      continue;
    }
    return false;
  }
  return !wide || bytes.toString('utf8', from, to).split(',').join('').trim() === '';
}

function splitLine(bytes: Buffer, from: number, to: number): string[] {
  return bytes.toString('utf8', from, to).split(',');
}

export function parseCsvText(text: string, file: string): CsvTable {
  const parsed = Papa.parse<string[]>(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
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
