import { formatValue } from '../format/index.js';
import type { ReportTable } from '../model/index.js';
import { columnHeaderText, continuedLabel, type PageGeometry, type TablePage, type TablePanel } from '../paging/index.js';
import { rtfText, twips } from './rtfText.js';

const RULE = '\\brdrs\\brdrw10';
/** Half the padding of a cell on each side (\trgaph), in twips. */
function gap(g: PageGeometry): number {
  return twips(g.cellPaddingPt / 2);
}

/** The right edges of the stub and each column of a panel (\cellx), in twips from the left margin. */
function cellEdges(panel: TablePanel): number[] {
  const edges: number[] = [];
  let x = panel.stubWidthPt;
  edges.push(twips(x));
  for (const w of panel.columnWidthsPt) {
    x += w;
    edges.push(twips(x));
  }
  return edges;
}

function fontSize(g: PageGeometry): string {
  return `\\fs${Math.round(g.fontSizePt * 2)}`;
}

function rowDefinition(g: PageGeometry, edges: readonly number[], borders: { top: boolean; bottom: boolean }, header: boolean, keepWithNext: boolean): string {
  const border = `${borders.top ? `\\clbrdrt${RULE}` : ''}${borders.bottom ? `\\clbrdrb${RULE}` : ''}`;
  const cells = edges.map((edge) => `${border}${header ? '\\clvertalb' : ''}\\cellx${edge}`).join('');
  // \trpaddft3 and \trpaddfb3 give \trpaddt and \trpaddb in twips: without them Word ignores them (LibreOffice does not), and Word's rows would be shorter than paged.
  const padding = twips(g.rowPaddingPt / 2);
  return `\\trowd\\trgaph${gap(g)}\\trleft0\\trpaddt${padding}\\trpaddb${padding}\\trpaddft3\\trpaddfb3\\trpaddfl3\\trpaddfr3\\trkeep${keepWithNext ? '\\trkeepfollow' : ''}${header ? '\\trhdr' : ''}${cells}\n`;
}

function cellParagraph(text: string, g: PageGeometry, align: 'l' | 'c', options: { bold?: boolean; indentTwips?: number; key?: string } = {}): string {
  const indent = options.indentTwips !== undefined && options.indentTwips > 0 ? `\\li${options.indentTwips}` : '';
  const key = options.key === undefined ? '' : `{\\*\\trialkitrow ${rtfText(options.key)}}`;
  return `\\pard\\plain\\intbl\\q${align}${indent}\\f0${fontSize(g)}${options.bold === true ? '\\b' : ''} ${key}${rtfText(text)}\\cell\n`;
}

/**
 * One page of a table as a native RTF table (\trowd ... \row): the header row marked as a header (\trhdr,
 * repeated by the reader if the page still overflows), rules above and below it and under the last row,
 * rows kept whole (\trkeep), heading rows kept with the next row and spanning the panel. Each row's label
 * cell carries the row key in an ignorable destination (`{\*\trialkitrow key}`, skipped by Word and
 * LibreOffice), so that a test or a script finds a row by key in the RTF, never by its label.
 */
export function rtfTablePage(table: ReportTable, panel: TablePanel, page: Pick<TablePage, 'rowStart' | 'rowEnd'> & { readonly carried?: readonly number[] }, g: PageGeometry): string {
  const edges = cellEdges(panel);
  const align = table.id.startsWith('l-') ? 'l' : 'c';
  let out = rowDefinition(g, edges, { top: true, bottom: true }, true, false);
  out += cellParagraph(table.stubLabel, g, 'l', { bold: true });
  for (const c of panel.columns) out += cellParagraph(columnHeaderText(table, c), g, align, { bold: true });
  out += '\\row\n';
  // The first rows of the groups this page goes on with (carriedRows): the label marked continued, spanning the panel, kept with the next row.
  for (const i of page.carried ?? []) {
    const r = table.rows[i];
    out += rowDefinition(g, [edges[edges.length - 1]], { top: false, bottom: false }, false, true);
    out += cellParagraph(continuedLabel(r.label), g, 'l', { bold: r.cells.length === 0, indentTwips: twips(r.indent * g.indentPt) });
    out += '\\row\n';
  }
  for (let i = page.rowStart; i < page.rowEnd; i += 1) {
    const r = table.rows[i];
    const last = i === page.rowEnd - 1;
    const indentTwips = twips(r.indent * g.indentPt);
    if (r.cells.length === 0) {
      out += rowDefinition(g, [edges[edges.length - 1]], { top: false, bottom: last }, false, !last);
      out += cellParagraph(r.label, g, 'l', { bold: true, indentTwips, key: r.key });
    } else {
      out += rowDefinition(g, edges, { top: false, bottom: last }, false, false);
      out += cellParagraph(r.label, g, 'l', { indentTwips, key: r.key });
      for (const c of panel.columns) out += cellParagraph(formatValue(r.cells[c].value), g, align);
    }
    out += '\\row\n';
  }
  return out;
}
