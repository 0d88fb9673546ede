import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type IBorderOptions } from 'docx';
import { formatValue } from '../format/index.js';
import type { ReportRow, ReportTable } from '../model/index.js';
import { DOCX_STYLE } from './docxStyles.js';

// CSR tables: a rule above and below the header and one under the last row, no vertical lines.
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
/** Twips of indentation per row level (0.15 inch). */
const INDENT_TWIPS = 216;

/** Paragraphs of one text: a line break in the model starts a new paragraph line. */
function lines(text: string, style: string, indentTwips = 0): Paragraph[] {
  const parts = text.split('\n');
  return [
    new Paragraph({
      style,
      indent: indentTwips > 0 ? { left: indentTwips } : undefined,
      children: parts.map((part, i) => new TextRun({ text: part, break: i > 0 ? 1 : undefined })),
    }),
  ];
}

function headerRow(table: ReportTable, widths: readonly number[]): TableRow {
  const cells = [
    new TableCell({ children: lines(table.stubLabel, DOCX_STYLE.tableStubHeader), width: { size: widths[0], type: WidthType.DXA }, verticalAlign: VerticalAlign.BOTTOM, borders: { top: RULE, bottom: RULE } }),
    ...table.columns.map(
      (col, i) =>
        new TableCell({
          children: lines(col.N === null ? col.label : `${col.label}\n(N = ${col.N})`, DOCX_STYLE.tableHeader),
          width: { size: widths[i + 1], type: WidthType.DXA },
          verticalAlign: VerticalAlign.BOTTOM,
          borders: { top: RULE, bottom: RULE },
        }),
    ),
  ];
  return new TableRow({ tableHeader: true, cantSplit: true, children: cells });
}

function bodyRow(table: ReportTable, item: ReportRow, widths: readonly number[], last: boolean): TableRow {
  const bottom = last ? { bottom: RULE } : {};
  const indent = item.indent * INDENT_TWIPS;
  if (item.cells.length === 0) {
    // A heading row spans the table so that a long heading does not wrap in the stub column.
    return new TableRow({
      cantSplit: true,
      children: [new TableCell({ children: lines(item.label, DOCX_STYLE.tableRowHeading, indent), columnSpan: table.columns.length + 1, borders: bottom })],
    });
  }
  return new TableRow({
    cantSplit: true,
    children: [
      new TableCell({ children: lines(item.label, DOCX_STYLE.tableStub, indent), width: { size: widths[0], type: WidthType.DXA }, borders: bottom }),
      ...item.cells.map((c, i) => new TableCell({ children: lines(formatValue(c.value), DOCX_STYLE.tableCell), width: { size: widths[i + 1], type: WidthType.DXA }, borders: bottom })),
    ],
  });
}

/** Column widths in twips: the stub gets a larger share, the data columns split the rest evenly. */
export function columnWidthsTwips(columnCount: number, textWidthTwips: number): number[] {
  const stubShare = columnCount <= 1 ? 0.6 : columnCount === 2 ? 0.46 : columnCount <= 4 ? 0.34 : 0.22;
  const stub = Math.round(textWidthTwips * stubShare);
  const each = columnCount === 0 ? 0 : Math.floor((textWidthTwips - stub) / columnCount);
  return [stub, ...Array.from({ length: columnCount }, () => each)];
}

/** A native Word table of a report table, its header row repeated on every page. */
export function docxTable(table: ReportTable, textWidthTwips: number): Table {
  const widths = columnWidthsTwips(table.columns.length, textWidthTwips);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [headerRow(table, widths), ...table.rows.map((r, i) => bodyRow(table, r, widths, i === table.rows.length - 1))],
  });
}
