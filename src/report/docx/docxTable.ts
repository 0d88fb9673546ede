import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type IBorderOptions } from 'docx';
import { formatValue } from '../format/index.js';
import type { ReportRow, ReportTable } from '../model/index.js';
import { columnHeaderText, continuedLabel, type TablePanel } from '../paging/index.js';
import { DOCX_STYLE } from './docxStyles.js';

// CSR tables: a rule above and below the header and one under the last row, no vertical lines.
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
/** Twips of indentation per row level (0.15 inch). */
const INDENT_TWIPS = 216;

/** Font size of a table's text in half-points when its layout uses a size other than the styles' (undefined: the style's). */
type HalfPoints = number | undefined;

/** Paragraphs of one text: a line break in the model starts a new paragraph line. */
function lines(text: string, style: string, size: HalfPoints, indentTwips = 0, alignLeft = false): Paragraph[] {
  const parts = text.split('\n');
  return [
    new Paragraph({
      style,
      indent: indentTwips > 0 ? { left: indentTwips } : undefined,
      ...(alignLeft ? { alignment: AlignmentType.LEFT } : {}),
      children: parts.map((part, i) => new TextRun({ text: part, break: i > 0 ? 1 : undefined, size })),
    }),
  ];
}

function headerRow(table: ReportTable, panel: TablePanel, widths: readonly number[], size: HalfPoints): TableRow {
  const listing = table.id.startsWith('l-');
  const cells = [
    new TableCell({ children: lines(table.stubLabel, DOCX_STYLE.tableStubHeader, size), width: { size: widths[0], type: WidthType.DXA }, verticalAlign: VerticalAlign.BOTTOM, borders: { top: RULE, bottom: RULE } }),
    ...panel.columns.map(
      (col, i) =>
        new TableCell({
          children: lines(columnHeaderText(table, col), DOCX_STYLE.tableHeader, size, 0, listing),
          width: { size: widths[i + 1], type: WidthType.DXA },
          verticalAlign: VerticalAlign.BOTTOM,
          borders: { top: RULE, bottom: RULE },
        }),
    ),
  ];
  return new TableRow({ tableHeader: true, cantSplit: true, children: cells });
}

function bodyRow(table: ReportTable, panel: TablePanel, item: ReportRow, widths: readonly number[], last: boolean, size: HalfPoints): TableRow {
  const bottom = last ? { bottom: RULE } : {};
  const indent = item.indent * INDENT_TWIPS;
  const listing = table.id.startsWith('l-');
  if (item.cells.length === 0) {
    // A heading row spans the table so that a long heading does not wrap in the stub column.
    return new TableRow({
      cantSplit: true,
      children: [new TableCell({ children: lines(item.label, DOCX_STYLE.tableRowHeading, size, indent), columnSpan: panel.columns.length + 1, borders: bottom })],
    });
  }
  return new TableRow({
    cantSplit: true,
    children: [
      new TableCell({ children: lines(item.label, DOCX_STYLE.tableStub, size, indent), width: { size: widths[0], type: WidthType.DXA }, borders: bottom }),
      ...panel.columns.map(
        (c, i) => new TableCell({ children: lines(formatValue(item.cells[c].value), DOCX_STYLE.tableCell, size, 0, listing), width: { size: widths[i + 1], type: WidthType.DXA }, borders: bottom }),
      ),
    ],
  });
}

/** A group's first row repeated at the top of a continuation page: its label marked continued, spanning the table, no values. */
function carriedRow(panel: TablePanel, item: ReportRow, size: HalfPoints): TableRow {
  const style = item.cells.length === 0 ? DOCX_STYLE.tableRowHeading : DOCX_STYLE.tableStub;
  return new TableRow({
    cantSplit: true,
    children: [new TableCell({ children: lines(continuedLabel(item.label), style, size, item.indent * INDENT_TWIPS), columnSpan: panel.columns.length + 1 })],
  });
}

const TWIPS_PER_PT = 20;

/**
 * A native Word table of one panel of a report table (planTableLayout: its columns and widths, the row
 * labels repeated in every panel), its header row repeated on every page, no row split across pages.
 * `fontSizePt` is the layout's (the styles' 9 pt, or the small size of a wide table); `rows`, the rows of
 * one printed page (paginateTable), all by default, under the groups' first rows it carries (`carried`,
 * marked continued). The last row shown has the closing rule.
 */
export function docxTable(
  table: ReportTable,
  panel: TablePanel,
  fontSizePt: number,
  styleFontSizePt = 9,
  rows: { readonly start: number; readonly end: number } = { start: 0, end: table.rows.length },
  carried: readonly number[] = [],
): Table {
  const widths = [panel.stubWidthPt, ...panel.columnWidthsPt].map((w) => Math.floor(w * TWIPS_PER_PT));
  const size = fontSizePt === styleFontSizePt ? undefined : Math.round(fontSizePt * 2);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      headerRow(table, panel, widths, size),
      ...carried.map((i) => carriedRow(panel, table.rows[i], size)),
      ...table.rows.slice(rows.start, rows.end).map((r, i) => bodyRow(table, panel, r, widths, rows.start + i === rows.end - 1, size))],
  });
}
