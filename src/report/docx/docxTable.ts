import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type IBorderOptions, type ITableCellBorders } from 'docx';
import type { DocxCellPlan, DocxCellRules, DocxParagraphPlan, DocxTablePlan } from './docxTablePlan.js';

// CSR tables: a rule above and below the header and one under the last row, no vertical lines.
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

const BORDERS: Readonly<Record<DocxCellRules, ITableCellBorders>> = { header: { top: RULE, bottom: RULE }, bottom: { bottom: RULE }, none: {} };

function paragraph(plan: DocxParagraphPlan): Paragraph {
  return new Paragraph({
    style: plan.style,
    indent: plan.indentTwips > 0 ? { left: plan.indentTwips } : undefined,
    ...(plan.alignLeft ? { alignment: AlignmentType.LEFT } : {}),
    children: plan.lines.map((part, i) => new TextRun({ text: part, break: i > 0 ? 1 : undefined, size: plan.sizeHalfPoints })),
  });
}

function cell(plan: DocxCellPlan): TableCell {
  return new TableCell({
    children: [paragraph(plan.paragraph)],
    ...(plan.widthTwips === null ? {} : { width: { size: plan.widthTwips, type: WidthType.DXA } }),
    ...(plan.span > 1 ? { columnSpan: plan.span } : {}),
    ...(plan.alignBottom ? { verticalAlign: VerticalAlign.BOTTOM } : {}),
    borders: BORDERS[plan.rules],
  });
}

/**
 * A planned table (planDocxTable) as the docx package's native Word table. Kept beside docxTableXml for the
 * docx package's own Packer, used when its compiler is not to be had, and as the reference the text
 * writer is tested against.
 */
export function docxTable(plan: DocxTablePlan): Table {
  return new Table({
    width: { size: plan.gridTwips.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: [...plan.gridTwips],
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: plan.rows.map((row) => new TableRow({ ...(row.header ? { tableHeader: true } : {}), cantSplit: true, children: row.cells.map(cell) })),
  });
}
