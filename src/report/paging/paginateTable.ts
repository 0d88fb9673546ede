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
  /** Rows repeated above rowStart, marked '(continued)': the first rows of the groups the page goes on with (carriedRows). */
  readonly carried: readonly number[];
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
  return lines * g.fontSizePt * g.lineHeight + (g.headerRowPaddingPt ?? g.rowPaddingPt);
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
  return lines * g.fontSizePt * g.lineHeight + (r.cells.length === 0 ? (g.headingRowPaddingPt ?? g.rowPaddingPt) : g.rowPaddingPt);
}

/** A continuation page holds at least this many body rows (rows with values) when its table has more: fewer reads as a stray page. */
export const MIN_ROWS_PER_PAGE = 3;

/**
 * A group split by a page break keeps at least this many of its body rows on each side (widow and orphan
 * control, as SAS ODS and rtables users expect): fewer, and the break moves so that the group goes on whole.
 */
export const MIN_GROUP_ROWS_AT_BREAK = 2;

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

/** What breakRows needs to know of a table's rows, by row index. */
export interface BreakRules {
  /** A row with values (counted by MIN_ROWS_PER_PAGE), not a heading. */
  readonly isBody: (rowIndex: number) => boolean;
  /** A page must not end after this row (keepsWithNext), unless the page would hold nothing else. */
  readonly keep: (rowIndex: number) => boolean;
  /** A page should not end after this row (a group split leaving a lone row on a side), when the page has another break. */
  readonly avoid?: (rowIndex: number) => boolean;
  /** Height of the rows a page starting at this row repeats above it (carriedRows, marked '(continued)'); none by default. */
  readonly carriedPt?: (rowStart: number) => number;
}

/**
 * The groups of a table's rows, as [start, end) row ranges: a heading row with the rows under it (indented
 * deeper, or at its own indent and with values, up to the next heading at its indent or shallower), and a
 * row the next is indented under with the rows indented deeper than it (a system organ class and its terms).
 */
export function rowGroups(table: ReportTable): { start: number; end: number }[] {
  const rows = table.rows;
  const groups: { start: number; end: number }[] = [];
  for (let s = 0; s < rows.length; s += 1) {
    if (!keepsWithNext(table, s)) continue;
    const head = rows[s];
    const heading = head.cells.length === 0;
    let e = s + 1;
    while (e < rows.length && (rows[e].indent > head.indent || (heading && rows[e].indent === head.indent && rows[e].cells.length > 0))) e += 1;
    groups.push({ start: s, end: e });
  }
  return groups;
}

/**
 * The break rules of a table for every printed format: never end a page on a heading or a group's first
 * row (keepsWithNext), and avoid splitting a group so that fewer than MIN_GROUP_ROWS_AT_BREAK of its body
 * rows are on either side of the break (a group's last row alone at the top of a continuation page, under
 * a heading on the page before); a short group then moves on whole.
 */
export function tableBreakRules(table: ReportTable, carriedRowHeightPt?: (rowIndex: number) => number): BreakRules {
  const n = table.rows.length;
  const isBody = (i: number) => table.rows[i].cells.length > 0;
  // bodyBefore[i]: body rows in [0, i).
  const bodyBefore = [0];
  for (let i = 0; i < n; i += 1) bodyBefore.push(bodyBefore[i] + (isBody(i) ? 1 : 0));
  const avoided = new Uint8Array(n);
  const groups = rowGroups(table);
  for (const { start, end } of groups) {
    // A break after row i (start <= i < end - 1) splits the group into [start, i] and [i + 1, end).
    for (let i = start; i < end - 1; i += 1) {
      if (bodyBefore[i + 1] - bodyBefore[start] < MIN_GROUP_ROWS_AT_BREAK || bodyBefore[end] - bodyBefore[i + 1] < MIN_GROUP_ROWS_AT_BREAK) avoided[i] = 1;
    }
  }
  const rules = { isBody, keep: (i: number) => keepsWithNext(table, i), avoid: (i: number) => avoided[i] === 1 };
  if (carriedRowHeightPt === undefined) return rules;
  // carried[r]: the height of what a page starting at row r repeats, every group it starts inside of.
  const carried = new Float64Array(n + 1);
  for (const { start, end } of groups) {
    const h = carriedRowHeightPt(start);
    for (let r = start + 1; r < end; r += 1) carried[r] += h;
  }
  return { ...rules, carriedPt: (r: number) => carried[r] };
}

/**
 * The rows a page starting at `rowStart` repeats above its first row, outermost first: the first row of
 * every group (rowGroups) that began on an earlier page and goes on here, so that a continuation page never
 * opens on terms or categories whose class or heading is on the page before (SAS ODS and rtables users
 * repeat a split group's label, marked continued). `groups` is rowGroups(table).
 */
export function carriedRows(groups: readonly { readonly start: number; readonly end: number }[], rowStart: number): number[] {
  return groups.filter((g) => g.start < rowStart && rowStart < g.end).map((g) => g.start);
}

/** The label of a row repeated at the top of a continuation page (carriedRows). */
export function continuedLabel(label: string): string {
  return `${label} (continued)`;
}

/**
 * Height of a row repeated at the top of a continuation page (carriedRows): its continued label alone,
 * spanning the panel (bold when it is a heading row), without the values of a group's first row.
 */
export function computeCarriedRowHeightPt(table: ReportTable, rowIndex: number, panel: TablePanel, g: PageGeometry): number {
  const r = table.rows[rowIndex];
  const heading = r.cells.length === 0;
  const total = panel.stubWidthPt + panel.columnWidthsPt.reduce((a, b) => a + b, 0);
  const lines = lineCount(continuedLabel(r.label), total - r.indent * g.indentPt, g, heading);
  return lines * g.fontSizePt * g.lineHeight + (heading ? (g.headingRowPaddingPt ?? g.rowPaddingPt) : g.rowPaddingPt);
}

/** A run of rows [rowStart, rowEnd) on one page. */
export interface RowRun {
  readonly rowStart: number;
  readonly rowEnd: number;
}

/**
 * Breaks rows of the given heights into pages `bodyHeightPt` high under a header row `headerPt` high: whole
 * rows, as many as fit; a page never ends on a row that keeps with the next (rules.keep: it moves on with
 * its group, unless the page would hold nothing else), nor on a row rules.avoid names when the page can end
 * elsewhere; a row taller than a page gets one of its own. The last page also holds `lastPageExtraPt` (the
 * notes the PDF prints under the last rows): when they do not fit there, its last rows go on a page of their
 * own with them. Then no page after the first holds fewer than MIN_ROWS_PER_PAGE body rows when the rows
 * allow: rows move from the page before, which only gets shorter, and only when they fit. The first page is
 * `firstPageLessPt` shorter (the PDF's section heading above its first item), the pages after it are not.
 */
export function breakRows(heights: readonly number[], rules: BreakRules, headerPt: number, bodyHeightPt: number, lastPageExtraPt = 0, firstPageLessPt = 0): RowRun[] {
  const n = heights.length;
  if (n === 0) return [{ rowStart: 0, rowEnd: 0 }];
  const { isBody, keep } = rules;
  const avoid = rules.avoid ?? (() => false);
  // A page ending after row i: allowed by the hard rule alone, or by both rules.
  const hard = (i: number) => keep(i);
  const both = (i: number) => keep(i) || avoid(i);
  const carried = rules.carriedPt ?? (() => 0);
  const height = (start: number, end: number) => heights.slice(start, end).reduce((a, b) => a + b, headerPt + carried(start));
  const room = (start: number) => bodyHeightPt - (start === 0 ? firstPageLessPt : 0);
  const ends: number[] = [];
  let start = 0;
  while (start < n) {
    let used = headerPt + carried(start);
    let end = start;
    while (end < n && (end === start || used + heights[end] <= room(start))) used += heights[end++];
    // Keep a group's first row with it (and a group's tail with more than one row when the page can end elsewhere); a page of such rows alone (shorter than the group) takes the next too.
    let back = end;
    while (back < n && back - 1 > start && both(back - 1)) back -= 1;
    if (back < n && both(back - 1)) {
      back = end;
      while (back < n && back - 1 > start && hard(back - 1)) back -= 1;
      if (back < n && hard(back - 1)) while (back < n && hard(back - 1)) back += 1;
    }
    ends.push(back);
    start = back;
  }
  const starts = () => ends.map((_, i) => (i === 0 ? 0 : ends[i - 1]));
  // The notes under the last page's rows: when they do not fit, the last rows go on with them (MIN_ROWS_PER_PAGE, or what fits).
  const lastStart = starts()[ends.length - 1];
  if (lastPageExtraPt > 0 && height(lastStart, n) + lastPageExtraPt > room(lastStart) && n - lastStart > 1) {
    const notesSplit = (rule: (i: number) => boolean) => {
      let split = n - 1;
      while (split - 1 > lastStart && (rule(split - 1) || countBody(isBody, split, n) < MIN_ROWS_PER_PAGE) && height(split - 1, n) + lastPageExtraPt <= bodyHeightPt) split -= 1;
      while (split - 1 > lastStart && rule(split - 1)) split -= 1;
      return split;
    };
    let split = notesSplit(both);
    if (both(split - 1)) split = notesSplit(hard);
    if (split > lastStart && countBody(isBody, lastStart, split) > 0) ends.splice(ends.length - 1, 0, split);
  }
  // Balance: a page after the first with fewer than MIN_ROWS_PER_PAGE body rows takes rows from the page before.
  for (let i = 1; i < ends.length; i += 1) {
    const s = starts();
    if (countBody(isBody, s[i], ends[i]) >= MIN_ROWS_PER_PAGE) continue;
    const extra = i === ends.length - 1 ? lastPageExtraPt : 0;
    const balancedSplit = (rule: (r: number) => boolean) => {
      let split = s[i];
      let best = split;
      while (split - 1 > s[i - 1]) {
        split -= 1;
        if (height(split, ends[i]) + extra > bodyHeightPt) break;
        if (rule(split - 1) || countBody(isBody, s[i - 1], split) === 0) continue;
        best = split;
        if (countBody(isBody, split, ends[i]) >= MIN_ROWS_PER_PAGE) break;
      }
      return best;
    };
    // Rows move within the soft rule when they can, else within the hard rule alone, unless that leaves the page before a short continuation page.
    let best = balancedSplit(both);
    if (best === s[i]) {
      const fallback = balancedSplit(hard);
      if (i - 1 === 0 || countBody(isBody, s[i - 1], fallback) >= MIN_ROWS_PER_PAGE) best = fallback;
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
 * the table (header row included): each page repeats the header row, then the first rows of the groups it
 * goes on with (carriedRows, their height counted), and holds whole rows (breakRows with
 * tableBreakRules: never ending on a heading row or a group's first row, no lone row of a group on either
 * side of a break when avoidable, no continuation page of fewer than MIN_ROWS_PER_PAGE body
 * rows when avoidable). Panels follow each other: every row of the first panel, then every row of the
 * second (as rtables and SAS ODS print column sets). A row taller than a whole page gets a page of its own.
 * The first page of the first panel is `firstPageLessPt` shorter (a section heading above it).
 */
export function paginateTable(table: ReportTable, layout: TableLayout, pageGeometry: PageGeometry, bodyHeightPt: number, firstPageLessPt = 0): TablePage[] {
  const geometry = layoutGeometry(pageGeometry, layout);
  const groups = rowGroups(table);
  const pages = layout.panels.flatMap((panel, panelIndex) => {
    const rules = tableBreakRules(table, (i) => computeCarriedRowHeightPt(table, i, panel, geometry));
    const heights = table.rows.map((_, i) => computeRowHeightPt(table, i, panel, geometry));
    return breakRows(heights, rules, computeHeaderHeightPt(table, panel, geometry), bodyHeightPt, 0, panelIndex === 0 ? firstPageLessPt : 0).map((run) => ({ panel: panelIndex, ...run }));
  });
  return pages.map((p, i) => Object.freeze({ ...p, carried: Object.freeze(carriedRows(groups, p.rowStart)), page: i + 1, pageCount: pages.length }));
}
