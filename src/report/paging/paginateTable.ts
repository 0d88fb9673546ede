import { formatValue } from '../format/index.js';
import type { ReportTable } from '../model/index.js';
import type { PageGeometry } from './pageGeometry.js';
import { columnHeaderText, layoutGeometry, MEASURE_SAFETY, type TableLayout, type TablePanel } from './planTableLayout.js';
import { wrapText } from './textWidth.js';

/** One printed page of a table: a panel of its columns and a run of whole rows. */
export interface TablePage {
  /** Index into layout.panels. */
  readonly panel: number;
  /** Rows [rowStart, rowEnd) of table.rows. */
  readonly rowStart: number;
  readonly rowEnd: number;
  /** 1-based page of this table, and how many pages the table takes. */
  readonly page: number;
  readonly pageCount: number;
}

function lineCount(text: string, widthPt: number, g: PageGeometry, bold = false): number {
  return wrapText(text, Math.max(1, (widthPt - g.cellPaddingPt) / MEASURE_SAFETY), g.fontSizePt, bold).length;
}

/** Height of the header row of a panel (at the geometry's font size: pass layoutGeometry(geometry, layout)) (the tallest wrapped column label). */
export function computeHeaderHeightPt(table: ReportTable, panel: TablePanel, g: PageGeometry): number {
  let lines = lineCount(table.stubLabel, panel.stubWidthPt, g, true);
  panel.columns.forEach((c, i) => (lines = Math.max(lines, lineCount(columnHeaderText(table, c), panel.columnWidthsPt[i], g, true))));
  return lines * g.fontSizePt * g.lineHeight + g.rowPaddingPt;
}

/** Height of one row in a panel (at the geometry's font size): its tallest wrapped cell. A heading row spans the panel. */
export function computeRowHeightPt(table: ReportTable, rowIndex: number, panel: TablePanel, g: PageGeometry): number {
  const r = table.rows[rowIndex];
  const indent = r.indent * g.indentPt;
  const total = panel.stubWidthPt + panel.columnWidthsPt.reduce((a, b) => a + b, 0);
  let lines = r.cells.length === 0 ? lineCount(r.label, total - indent, g, true) : lineCount(r.label, panel.stubWidthPt - indent, g);
  panel.columns.forEach((c, i) => {
    const value = r.cells[c];
    if (value !== undefined) lines = Math.max(lines, lineCount(formatValue(value.value), panel.columnWidthsPt[i], g));
  });
  return lines * g.fontSizePt * g.lineHeight + g.rowPaddingPt;
}

/**
 * The pages of a table laid out by planTableLayout, when `bodyHeightPt` is the height a page leaves for
 * the table (header row included): each page repeats the header row, holds whole rows only, and never ends
 * on a heading row (it moves to the next page with the rows it heads). Panels follow each other: every row
 * of the first panel, then every row of the second (as rtables and SAS ODS print column sets). A row taller
 * than a whole page gets a page of its own (with the headings above it).
 */
export function paginateTable(table: ReportTable, layout: TableLayout, pageGeometry: PageGeometry, bodyHeightPt: number): TablePage[] {
  const geometry = layoutGeometry(pageGeometry, layout);
  const pages: Omit<TablePage, 'page' | 'pageCount'>[] = [];
  layout.panels.forEach((panel, panelIndex) => {
    const header = computeHeaderHeightPt(table, panel, geometry);
    const heights = table.rows.map((_, i) => computeRowHeightPt(table, i, panel, geometry));
    let start = 0;
    while (start < table.rows.length || (start === 0 && table.rows.length === 0)) {
      let used = header;
      let end = start;
      while (end < table.rows.length && (end === start || used + heights[end] <= bodyHeightPt)) {
        used += heights[end];
        end += 1;
      }
      // Keep heading rows with what follows them.
      while (end < table.rows.length && end - 1 > start && table.rows[end - 1].cells.length === 0) end -= 1;
      // A page of headings alone (a page shorter than a heading and its first row) takes that row too.
      while (end < table.rows.length && table.rows[end - 1].cells.length === 0) end += 1;
      pages.push({ panel: panelIndex, rowStart: start, rowEnd: end });
      if (table.rows.length === 0) break;
      start = end;
    }
  });
  return pages.map((p, i) => Object.freeze({ ...p, page: i + 1, pageCount: pages.length }));
}
