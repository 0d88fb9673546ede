import Papa from 'papaparse';
import { formatValue } from '../format/index.js';
import type { ReportModel, ReportTable, ReportValue } from '../model/index.js';

export interface ReportCsvFile {
  readonly fileName: string;
  readonly content: string;
}

/** A CSV file as the lines its text is made of. */
export interface ReportCsvParts {
  readonly fileName: string;
  readonly lines: readonly string[];
}

// A spreadsheet runs a cell that starts with = + - @ as a formula (CSV injection). Numbers such as '-0.25'
// are left alone so the raw values stay numeric; papaparse prefixes anything else with a quote.
const FORMULA_START = /^(?:[=+@\t\r]|-(?!(?:\d*\.?\d+(?:[eE][+-]?\d+)?|Inf)$))/;

/** Raw numbers in full precision (shortest round-trip form); R's spelling for the non-finite ones. */
function rawNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/**
 * The typed columns after each table column's printed text, in this order; a column is written only when
 * some cell of that table column is of a kind that has the field (README.md says what each holds per kind).
 */
const FIELDS = ['kind', 'n', 'N', 'estimate', 'lower', 'upper', 'min', 'max', 'p', 'value', 'conflevel', 'reason'] as const;
type Field = (typeof FIELDS)[number];

/** The typed fields of a value; text, dates and empty cells have none (their text column says it all). */
function fieldsOf(value: ReportValue): Partial<Record<Field, string>> {
  switch (value.kind) {
    case 'count':
      return { kind: value.kind, n: rawNumber(value.n), N: rawNumber(value.N) };
    case 'proportion':
      return { kind: value.kind, n: rawNumber(value.n), N: rawNumber(value.N), estimate: rawNumber(value.estimate), lower: rawNumber(value.lower), upper: rawNumber(value.upper), conflevel: rawNumber(value.confLevel) };
    case 'median-range':
      return { kind: value.kind, n: rawNumber(value.n), estimate: rawNumber(value.median), min: rawNumber(value.min), max: rawNumber(value.max) };
    case 'time-median':
    case 'rate':
    case 'coefficient':
      return { kind: value.kind, estimate: rawNumber(value.estimate), lower: rawNumber(value.lower), upper: rawNumber(value.upper), conflevel: rawNumber(value.confLevel) };
    case 'p-value':
      return { kind: value.kind, p: rawNumber(value.p) };
    case 'number':
      return { kind: value.kind, value: rawNumber(value.value) };
    case 'missing':
      return { kind: value.kind, reason: value.reason };
    case 'date':
    case 'text':
    case 'empty':
      return {};
  }
}

interface ColumnLayout {
  readonly fields: readonly Field[];
  readonly subjects: boolean;
}

function columnLayout(table: ReportTable, index: number): ColumnLayout {
  const cells = table.rows.flatMap((r) => (r.cells.length === 0 ? [] : [r.cells[index]]));
  const used = new Set<Field>();
  // By the kinds present, not by the values: a median not reached (empty estimate) keeps its column.
  for (const c of cells) for (const field of Object.keys(fieldsOf(c.value))) used.add(field as Field);
  return { fields: FIELDS.filter((f) => used.has(f)), subjects: cells.some((c) => c.subjects.length > 0) };
}

export interface ReportCsvOptions {
  /** A synthetic trial: a last column `data_origin` holding SYNTHETIC on every record, so that no copy of a file loses the label. */
  readonly synthetic?: boolean;
}

/**
 * A cell's subjects as its CSV field (ids separated by spaces), each list joined once: cells share one
 * frozen list (every count over a population, a summary row's eight cells), and a 10,000-subject report
 * joined the same lists of thousands of ids again and again.
 */
function subjectsJoiner(): (subjects: readonly string[]) => string {
  const joined = new WeakMap<readonly string[], string>();
  return (subjects) => {
    if (!Object.isFrozen(subjects)) return subjects.join(' ');
    let text = joined.get(subjects);
    if (text === undefined) {
      text = subjects.join(' ');
      joined.set(subjects, text);
    }
    return text;
  };
}

const UNPARSE_OPTIONS = { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START };

/** One record as its CSV line, CRLF-terminated (RFC 4180; the last record ends like the others). */
function csvLine(record: readonly string[]): string {
  return `${Papa.unparse([record as string[]], UNPARSE_OPTIONS)}\r\n`;
}

/** A table's CSV as its lines, in order. */
function tableCsvLines(table: ReportTable, synthetic: boolean, joinSubjects: (subjects: readonly string[]) => string): string[] {
  const layouts = table.columns.map((_, index) => columnLayout(table, index));
  const header = ['key', 'label', 'indent'];
  table.columns.forEach((col, index) => {
    header.push(col.id, ...layouts[index].fields.map((f) => `${col.id}_${f}`));
    if (layouts[index].subjects) header.push(`${col.id}_subjects`);
  });
  if (synthetic) header.push('data_origin');
  const records = table.rows.map((r) => {
    const record = [r.key, r.label, String(r.indent)];
    table.columns.forEach((_, index) => {
      const c = r.cells.at(index);
      const fields = c === undefined ? {} : fieldsOf(c.value);
      record.push(c === undefined ? '' : formatValue(c.value), ...layouts[index].fields.map((f) => fields[f] ?? ''));
      if (layouts[index].subjects) record.push(c === undefined ? '' : joinSubjects(c.subjects));
    });
    if (synthetic) record.push('SYNTHETIC');
    return record;
  });
  // A table without rows (an empty listing) still says what it is: one record keyed 'none', so that the
  // file of a synthetic trial carries SYNTHETIC like every other.
  if (records.length === 0) records.push(['none', 'No rows', '0', ...header.slice(3, synthetic ? -1 : undefined).map(() => ''), ...(synthetic ? ['SYNTHETIC'] : [])]);
  return [csvLine(header), ...records.map(csvLine)];
}

/**
 * One CSV per table and listing of the report, in report order, named after the item's stable id
 * ('t-baseline.csv'): the row key, label and indent, then per table column the printed text and the typed
 * numbers behind it (n, N, estimate, limits, P ...) so that no reader has to parse text; for a synthetic
 * trial, a last column `data_origin` = SYNTHETIC. The columns are described in README.md beside this file.
 */
export function renderReportCsv(model: ReportModel, options: ReportCsvOptions = {}): readonly ReportCsvFile[] {
  return Object.freeze(renderReportCsvParts(model, options).map((file) => Object.freeze({ fileName: file.fileName, content: file.lines.join('') })));
}

/** renderReportCsv's files with each file's text as its lines (CRLF-terminated), for a writer that streams them. */
export function renderReportCsvParts(model: ReportModel, options: ReportCsvOptions = {}): readonly ReportCsvParts[] {
  const joinSubjects = subjectsJoiner();
  return Object.freeze(
    model.items.flatMap((item) => (item.kind === 'table' ? [Object.freeze({ fileName: `${item.id}.csv`, lines: tableCsvLines(item, options.synthetic === true, joinSubjects) })] : [])),
  );
}
