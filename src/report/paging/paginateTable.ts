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

/** A continuation page holds at least this many body rows (rows with values) when its table has more: fewer reads as a stray page. */
export const MIN_ROWS_PER_PAGE = 3;

/**
 * Whether row `rowIndex` must not be the last on a page: a heading row (a category label, no values), or a
 * row the next row is indented under (a system organ class and its first preferred term), so that a group
 * never starts alone at the foot of a page.
 */
export function keepsWithNext(table: ReportTable, rowIndex: number): boolean {
  const row = table.rows[rowIndex];
  const next = table.rows[rowIndex + 1] as ReportTable['rows'][number] | undefined;
  return next !== undefined && (row.cells.length === 0 || next.indent > row.indent);
}

/** A run of rows [rowStart, rowEnd) on one page. */
export interface RowRun {
  readonly rowStart: number;
  readonly rowEnd: number;
}

/**
 * Breaks rows of the given heights into pages `bodyHeightPt` high under a header row `headerPt` high: whole
 * rows, as many as fit; a page never ends on a row that keeps with the next (keepsWithNext: it moves on with
 * its group, unless the page would hold nothing else); a row taller than a page gets one of its own. The
 * last page also holds `lastPageExtraPt` (the notes the PDF prints under the last rows): when they do not
 * fit there, its last rows go on a page of their own with them. Then no page after the first holds fewer
 * than MIN_ROWS_PER_PAGE body rows when the rows allow: rows move from the page before, which only gets
 * shorter, and only when they fit. The first page is `firstPageLessPt` shorter (the PDF's section heading
 * above its first item), the pages after it are not.
 */
export function breakRows(
  heights: readonly number[],
  isBody: (rowIndex: number) => boolean,
  keep: (rowIndex: number) => boolean,
  headerPt: number,
  bodyHeightPt: number,
  lastPageExtraPt = 0,
  firstPageLessPt = 0,
): RowRun[] {
  const n = heights.length;
  if (n === 0) return [{ rowStart: 0, rowEnd: 0 }];
  const height = (start: number, end: number) => heights.slice(start, end).reduce((a, b) => a + b, headerPt);
  const room = (start: number) => bodyHeightPt - (start === 0 ? firstPageLessPt : 0);
  const ends: number[] = [];
  let start = 0;
  while (start < n) {
    let used = headerPt;
    let end = start;
    while (end < n && (end === start || used + heights[end] <= room(start))) used += heights[end++];
    // Keep a group's first row with it; a page of such rows alone (shorter than the group) takes the next too.
    let back = end;
    while (back < n && back - 1 > start && keep(back - 1)) back -= 1;
    if (back < n && keep(back - 1)) while (back < n && keep(back - 1)) back += 1;
    ends.push(back);
    start = back;
  }
  const starts = () => ends.map((_, i) => (i === 0 ? 0 : ends[i - 1]));
  // The notes under the last page's rows: when they do not fit, the last rows go on with them (MIN_ROWS_PER_PAGE, or what fits).
  const lastStart = starts()[ends.length - 1];
  if (lastPageExtraPt > 0 && height(lastStart, n) + lastPageExtraPt > room(lastStart) && n - lastStart > 1) {
    let split = n - 1;
    while (split - 1 > lastStart && (keep(split - 1) || countBody(isBody, split, n) < MIN_ROWS_PER_PAGE) && height(split - 1, n) + lastPageExtraPt <= bodyHeightPt) split -= 1;
    while (split - 1 > lastStart && keep(split - 1)) split -= 1;
    if (split > lastStart && countBody(isBody, lastStart, split) > 0) ends.splice(ends.length - 1, 0, split);
  }
  // Balance: a page after the first with fewer than MIN_ROWS_PER_PAGE body rows takes rows from the page before.
  for (let i = 1; i < ends.length; i += 1) {
    const s = starts();
    if (countBody(isBody, s[i], ends[i]) >= MIN_ROWS_PER_PAGE) continue;
    const extra = i === ends.length - 1 ? lastPageExtraPt : 0;
    let split = s[i];
    let best = split;
    while (split - 1 > s[i - 1]) {
      split -= 1;
      if (height(split, ends[i]) + extra > bodyHeightPt) break;
      if (keep(split - 1) || countBody(isBody, s[i - 1], split) === 0) continue;
      best = split;
      if (countBody(isBody, split, ends[i]) >= MIN_ROWS_PER_PAGE) break;
    }
    ends[i - 1] = best;
  }
  const runs = starts().map((rowStart, i) => ({ rowStart, rowEnd: ends[i] }));
  return runs.filter((r) => r.rowEnd > r.rowStart);
}

function countBody(isBody: (rowIndex: number) => boolean, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i += 1) if (isBody(i)) count += 1;
  return count;
}

/**
 * The pages of a table laid out by planTableLayout, when `bodyHeightPt` is the height a page leaves for
 * the table (header row included): each page repeats the header row and holds whole rows (breakRows: never
 * ending on a heading row or a group's first row, no continuation page of fewer than MIN_ROWS_PER_PAGE body
 * rows when avoidable). Panels follow each other: every row of the first panel, then every row of the
 * second (as rtables and SAS ODS print column sets). A row taller than a whole page gets a page of its own.
 */
export function paginateTable(table: ReportTable, layout: TableLayout, pageGeometry: PageGeometry, bodyHeightPt: number): TablePage[] {
  const geometry = layoutGeometry(pageGeometry, layout);
  const isBody = (i: number) => table.rows[i].cells.length > 0;
  const keep = (i: number) => keepsWithNext(table, i);
  const pages = layout.panels.flatMap((panel, panelIndex) => {
    const heights = table.rows.map((_, i) => computeRowHeightPt(table, i, panel, geometry));
    return breakRows(heights, isBody, keep, computeHeaderHeightPt(table, panel, geometry), bodyHeightPt).map((run) => ({ panel: panelIndex, ...run }));
  });
  return pages.map((p, i) => Object.freeze({ ...p, page: i + 1, pageCount: pages.length }));
}
