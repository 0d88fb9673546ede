import { formatValue } from '../format/index.js';
import type { ReportRow, ReportTable } from '../model/index.js';
import { columnHeaderText, continuedLabel, type TablePanel } from '../paging/index.js';
import { DOCX_STYLE } from './docxStyles.js';

/**
 * What a Word table of one panel of a report table holds, decided once: its grid, and each row's cells
 * with their paragraph, width, span and rules. Two writers read it: docxTable (the docx package's objects)
 * and docxTableXml (the same WordprocessingML as text, for large reports), so that every decision about a
 * table is made here and nowhere else.
 */
export interface DocxTablePlan {
  /** Twips of the stub column, then of each value column. */
  readonly gridTwips: readonly number[];
  readonly rows: readonly DocxRowPlan[];
}

export interface DocxRowPlan {
  /** The header row: marked to repeat on every page. */
  readonly header: boolean;
  readonly cells: readonly DocxCellPlan[];
}

/** Which rules a cell draws: the header's above and below, the closing rule below the last row, or none. */
export type DocxCellRules = 'header' | 'bottom' | 'none';

export interface DocxCellPlan {
  /** Twips; null for a cell spanning the table, whose width is that of the columns it spans. */
  readonly widthTwips: number | null;
  /** Grid columns spanned; 1 for a cell of its own column. */
  readonly span: number;
  readonly rules: DocxCellRules;
  readonly alignBottom: boolean;
  readonly paragraph: DocxParagraphPlan;
}

export interface DocxParagraphPlan {
  readonly style: string;
  /** A line break in the model's text starts a new line of the paragraph. */
  readonly lines: readonly string[];
  readonly indentTwips: number;
  readonly alignLeft: boolean;
  /** Half-points when the table's font size is not the styles'; undefined: the style's. */
  readonly sizeHalfPoints: number | undefined;
}

/** Twips of indentation per row level (0.15 inch). */
const INDENT_TWIPS = 216;
const TWIPS_PER_PT = 20;

function paragraph(text: string, style: string, sizeHalfPoints: number | undefined, indentTwips = 0, alignLeft = false): DocxParagraphPlan {
  return { style, lines: text.split('\n'), indentTwips, alignLeft, sizeHalfPoints };
}

function headerRow(table: ReportTable, panel: TablePanel, widths: readonly number[], size: number | undefined): DocxRowPlan {
  const listing = table.id.startsWith('l-');
  const cell = (widthTwips: number, p: DocxParagraphPlan): DocxCellPlan => ({ widthTwips, span: 1, rules: 'header', alignBottom: true, paragraph: p });
  return {
    header: true,
    cells: [
      cell(widths[0], paragraph(table.stubLabel, DOCX_STYLE.tableStubHeader, size)),
      ...panel.columns.map((col, i) => cell(widths[i + 1], paragraph(columnHeaderText(table, col), DOCX_STYLE.tableHeader, size, 0, listing))),
    ],
  };
}

function bodyRow(table: ReportTable, panel: TablePanel, item: ReportRow, widths: readonly number[], last: boolean, size: number | undefined): DocxRowPlan {
  const rules: DocxCellRules = last ? 'bottom' : 'none';
  const indent = item.indent * INDENT_TWIPS;
  const listing = table.id.startsWith('l-');
  if (item.cells.length === 0) {
    // A heading row spans the table so that a long heading does not wrap in the stub column.
    return { header: false, cells: [{ widthTwips: null, span: panel.columns.length + 1, rules, alignBottom: false, paragraph: paragraph(item.label, DOCX_STYLE.tableRowHeading, size, indent) }] };
  }
  return {
    header: false,
    cells: [
      { widthTwips: widths[0], span: 1, rules, alignBottom: false, paragraph: paragraph(item.label, DOCX_STYLE.tableStub, size, indent) },
      ...panel.columns.map((c, i): DocxCellPlan => ({
        widthTwips: widths[i + 1],
        span: 1,
        rules,
        alignBottom: false,
        paragraph: paragraph(formatValue(item.cells[c].value), DOCX_STYLE.tableCell, size, 0, listing),
      })),
    ],
  };
}

/** A group's first row repeated at the top of a continuation page: its label marked continued, spanning the table, no values. */
function carriedRow(panel: TablePanel, item: ReportRow, size: number | undefined): DocxRowPlan {
  const style = item.cells.length === 0 ? DOCX_STYLE.tableRowHeading : DOCX_STYLE.tableStub;
  return { header: false, cells: [{ widthTwips: null, span: panel.columns.length + 1, rules: 'none', alignBottom: false, paragraph: paragraph(continuedLabel(item.label), style, size, item.indent * INDENT_TWIPS) }] };
}

/**
 * The Word table of one panel of a report table (planTableLayout: its columns and widths, the row labels
 * repeated in every panel), its header row repeated on every page, no row split across pages.
 * `fontSizePt` is the layout's (the styles' 9 pt, or the small size of a wide table); `rows`, the rows of
 * one printed page (paginateTable), all by default, under the groups' first rows it carries (`carried`,
 * marked continued). The last row shown has the closing rule.
 */
export function planDocxTable(
  table: ReportTable,
  panel: TablePanel,
  fontSizePt: number,
  styleFontSizePt = 9,
  rows: { readonly start: number; readonly end: number } = { start: 0, end: table.rows.length },
  carried: readonly number[] = [],
): DocxTablePlan {
  const widths = [panel.stubWidthPt, ...panel.columnWidthsPt].map((w) => Math.floor(w * TWIPS_PER_PT));
  const size = fontSizePt === styleFontSizePt ? undefined : Math.round(fontSizePt * 2);
  return {
    gridTwips: widths,
    rows: [
      headerRow(table, panel, widths, size),
      ...carried.map((i) => carriedRow(panel, table.rows[i], size)),
      ...table.rows.slice(rows.start, rows.end).map((r, i) => bodyRow(table, panel, r, widths, rows.start + i === rows.end - 1, size)),
    ],
  };
}
