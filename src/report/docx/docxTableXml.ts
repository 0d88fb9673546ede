import type { DocxCellPlan, DocxCellRules, DocxParagraphPlan, DocxTablePlan } from './docxTablePlan.js';

/**
 * A planned table (planDocxTable) as WordprocessingML text, byte for byte what the docx package writes for
 * docxTable's objects (a test compares the two on every table of the demo report and the paging tests'
 * tables). A 10,000-patient report has listings of about a hundred thousand cells: as objects, the docx
 * package builds, resolves and serialises several objects per cell, most of the DOCX's time and garbage.
 */
export function docxTableXml(plan: DocxTablePlan): string {
  const totalTwips = plan.gridTwips.reduce((a, b) => a + b, 0);
  const grid = plan.gridTwips.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  let xml = `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${totalTwips}"/>${TABLE_BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>`;
  for (const row of plan.rows) {
    xml += row.header ? '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    let column = 0;
    for (const cell of row.cells) {
      xml += cellXml(cell, spannedTwips(plan.gridTwips, column, cell.span));
      column += cell.span;
    }
    xml += '</w:tr>';
  }
  return `${xml}</w:tbl>`;
}

const RULE = 'w:val="single" w:color="000000" w:sz="8"';
const NONE = 'w:val="none" w:color="FFFFFF" w:sz="0"';
const TABLE_BORDERS = `<w:tblBorders><w:top ${RULE}/><w:left ${NONE}/><w:bottom ${RULE}/><w:right ${NONE}/><w:insideH ${NONE}/><w:insideV ${NONE}/></w:tblBorders>`;
const CELL_BORDERS: Readonly<Record<DocxCellRules, string>> = {
  header: `<w:tcBorders><w:top ${RULE}/><w:bottom ${RULE}/></w:tcBorders>`,
  bottom: `<w:tcBorders><w:bottom ${RULE}/></w:tcBorders>`,
  none: '',
};

/** The width of the grid columns a cell spans: the docx package gives a cell without a width of its own that. */
function spannedTwips(grid: readonly number[], from: number, span: number): number {
  let sum = 0;
  for (let k = from; k < from + span && k < grid.length; k += 1) sum += grid[k];
  return sum;
}

function cellXml(cell: DocxCellPlan, spanned: number): string {
  const width = cell.widthTwips ?? spanned;
  const span = cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : '';
  const align = cell.alignBottom ? '<w:vAlign w:val="bottom"/>' : '';
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span}${CELL_BORDERS[cell.rules]}${align}</w:tcPr>${paragraphXml(cell.paragraph)}</w:tc>`;
}

function paragraphXml(p: DocxParagraphPlan): string {
  const indent = p.indentTwips > 0 ? `<w:ind w:left="${p.indentTwips}"/>` : '';
  const align = p.alignLeft ? '<w:jc w:val="left"/>' : '';
  const size = p.sizeHalfPoints === undefined ? '' : `<w:rPr><w:sz w:val="${p.sizeHalfPoints}"/><w:szCs w:val="${p.sizeHalfPoints}"/></w:rPr>`;
  let runs = '';
  for (let i = 0; i < p.lines.length; i += 1) runs += `<w:r>${size}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(p.lines[i])}</w:t></w:r>`;
  return `<w:p><w:pPr><w:pStyle w:val="${escapeXml(p.style)}"/>${indent}${align}</w:pPr>${runs}</w:p>`;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// What the docx package escapes in text and attributes; control characters XML 1.0 cannot hold are dropped.
// eslint-disable-next-line no-control-regex
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

export function escapeXml(text: string): string {
  ESCAPED.lastIndex = 0;
  return ESCAPED.test(text) ? text.replace(ESCAPED, (c) => ESCAPES[c] ?? '') : text;
}
