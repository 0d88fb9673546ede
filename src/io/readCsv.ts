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
 */
export function readCsvFile(file: string): CsvTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`cannot read ${file}: ${reason}`, [
      issue('file-unreadable', [file], file, 'a readable CSV file'),
    ]);
  }
  return parseCsvText(text, file);
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
  return table.rows.map((row) => row[index].trim());
}
