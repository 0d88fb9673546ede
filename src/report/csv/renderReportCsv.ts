import Papa from 'papaparse';
import type { ReportModel, ReportTable } from '../model/index.js';

export interface ReportCsvFile {
  readonly fileName: string;
  readonly content: string;
}

// A spreadsheet runs a cell that starts with = + - @ as a formula (CSV injection). Numbers such as '-0.25'
// are left alone so the raw values stay numeric; papaparse prefixes anything else with a quote.
const FORMULA_START = /^(?:[=+@\t\r]|-(?!(?:\d*\.?\d+(?:[eE][+-]?\d+)?|Inf)$))/;

/** Raw numbers in full precision (shortest round-trip form); R's spelling for the non-finite ones. */
function rawNumber(value: number | null): string {
  if (value === null) return '';
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/** Which per-column extras carry information: a value column only when some cell has a number, etc. */
function columnExtras(table: ReportTable, index: number): { readonly value: boolean; readonly subjects: boolean } {
  const cells = table.rows.flatMap((r) => (r.cells.length === 0 ? [] : [r.cells[index]]));
  return { value: cells.some((c) => c.value !== null), subjects: cells.some((c) => c.subjects.length > 0) };
}

function tableCsv(table: ReportTable): string {
  const extras = table.columns.map((_, index) => columnExtras(table, index));
  const header = ['label', 'indent'];
  table.columns.forEach((col, index) => {
    header.push(col.id);
    if (extras[index].value) header.push(`${col.id}_value`);
    if (extras[index].subjects) header.push(`${col.id}_subjects`);
  });
  const records = table.rows.map((r) => {
    const record = [r.label, String(r.indent)];
    table.columns.forEach((_, index) => {
      const c = r.cells.at(index);
      record.push(c?.text ?? '');
      if (extras[index].value) record.push(rawNumber(c?.value ?? null));
      if (extras[index].subjects) record.push(c === undefined ? '' : c.subjects.join(' '));
    });
    return record;
  });
  // RFC 4180: CRLF between records; a final CRLF so the last record ends like the others.
  return `${Papa.unparse([header, ...records], { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START })}\r\n`;
}

/**
 * One CSV per table and listing of the report, in report order, named after the item's stable id
 * ('t-baseline.csv'). The columns are described in README.md beside this file.
 */
export function renderReportCsv(model: ReportModel): readonly ReportCsvFile[] {
  return Object.freeze(
    model.items.flatMap((item) => (item.kind === 'table' ? [Object.freeze({ fileName: `${item.id}.csv`, content: tableCsv(item) })] : [])),
  );
}
