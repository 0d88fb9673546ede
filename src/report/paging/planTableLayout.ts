import { formatValue } from '../format/index.js';
import type { ReportTable } from '../model/index.js';
import type { PageGeometry } from './pageGeometry.js';
import { computeLongestWordPt, computeTextWidthPt } from './textWidth.js';

/** A set of a table's columns printed together, beside the row labels (the stub), which every panel repeats. */
export interface TablePanel {
  /** Indexes into table.columns. */
  readonly columns: readonly number[];
  readonly stubWidthPt: number;
  /** One per entry of `columns`. */
  readonly columnWidthsPt: readonly number[];
}

export interface TableLayout {
  readonly orientation: 'portrait' | 'landscape';
  /** Text area of the chosen page. */
  readonly widthPt: number;
  readonly heightPt: number;
  /** One panel when the table fits the page; more when its columns are split into sets (rtables, SAS ODS). */
  readonly panels: readonly TablePanel[];
}

interface Measure {
  /** Width of the longest line, unwrapped (plus padding). */
  readonly preferredPt: number;
  /** Width of the longest word (plus padding): narrower breaks words. */
  readonly minimumPt: number;
}

/** The header text of a column: its label and, for a population column, its N. */
export function columnHeaderText(table: ReportTable, index: number): string {
  const col = table.columns[index];
  return col.N === null ? col.label : `${col.label}\n(N = ${col.N})`;
}

function measureColumn(table: ReportTable, index: number, g: PageGeometry): Measure {
  let preferred = 0;
  let minimum = 0;
  for (const line of columnHeaderText(table, index).split('\n')) {
    preferred = Math.max(preferred, computeTextWidthPt(line, g.fontSizePt, true));
    minimum = Math.max(minimum, computeLongestWordPt(line, g.fontSizePt, true));
  }
  for (const r of table.rows) {
    const c = r.cells[index];
    if (c === undefined) continue;
    const text = formatValue(c.value);
    preferred = Math.max(preferred, computeTextWidthPt(text, g.fontSizePt));
    minimum = Math.max(minimum, computeLongestWordPt(text, g.fontSizePt));
  }
  return { preferredPt: preferred + g.cellPaddingPt, minimumPt: minimum + g.cellPaddingPt };
}

function measureStub(table: ReportTable, g: PageGeometry): Measure {
  let preferred = computeTextWidthPt(table.stubLabel, g.fontSizePt, true);
  let minimum = computeLongestWordPt(table.stubLabel, g.fontSizePt, true);
  for (const r of table.rows) {
    // A heading row spans the whole table, so it does not widen the stub.
    if (r.cells.length === 0) continue;
    const indent = r.indent * g.indentPt;
    preferred = Math.max(preferred, indent + computeTextWidthPt(r.label, g.fontSizePt));
    minimum = Math.max(minimum, indent + computeLongestWordPt(r.label, g.fontSizePt));
  }
  return { preferredPt: preferred + g.cellPaddingPt, minimumPt: minimum + g.cellPaddingPt };
}

type Mode = 'unwrapped' | 'wrapped';

/**
 * Widths of the stub and the given columns on a text area `widthPt` wide, or null when they do not fit.
 * 'unwrapped': every value on one line (the stub may wrap, but keeps at least 30% of the width or its full
 * length); 'wrapped': values wrap between words, never inside one. What is left over widens the stub up to
 * its full length, then the columns.
 */
function fitColumns(stub: Measure, columns: readonly Measure[], widthPt: number, mode: Mode): { stubWidthPt: number; columnWidthsPt: number[] } | null {
  const base = columns.map((c) => (mode === 'unwrapped' ? c.preferredPt : c.minimumPt));
  const stubShare = mode === 'unwrapped' ? 0.3 : 0.2;
  const stubBase = Math.min(stub.preferredPt, Math.max(stub.minimumPt, stubShare * widthPt));
  const used = stubBase + base.reduce((a, b) => a + b, 0);
  if (used > widthPt + 1e-6) return null;
  let slack = widthPt - used;
  const stubExtra = Math.min(slack, stub.preferredPt - stubBase);
  slack -= stubExtra;
  const widths = [...base];
  if (mode === 'wrapped') {
    const want = columns.map((c, i) => c.preferredPt - widths[i]);
    const wanted = want.reduce((a, b) => a + b, 0);
    const given = Math.min(slack, wanted);
    if (wanted > 0) want.forEach((w, i) => (widths[i] += (given * w) / wanted));
    slack -= given;
  }
  const each = columns.length === 0 ? 0 : slack / columns.length;
  return { stubWidthPt: stubBase + stubExtra + (columns.length === 0 ? slack : 0), columnWidthsPt: widths.map((w) => w + each) };
}

/**
 * How a table goes on the page: portrait when its values fit unwrapped, else landscape (unwrapped, then
 * wrapped between words); when even that does not fit, its columns are split into panels on landscape
 * pages, each repeating the row labels, so that nothing is ever clipped and no word is broken.
 */
export function planTableLayout(table: ReportTable, geometry: PageGeometry): TableLayout {
  const stub = measureStub(table, geometry);
  const columns = table.columns.map((_, i) => measureColumn(table, i, geometry));
  const all = columns.map((_, i) => i);
  const attempts: ['portrait' | 'landscape', Mode][] = [
    ['portrait', 'unwrapped'],
    ['landscape', 'unwrapped'],
    ['landscape', 'wrapped'],
  ];
  for (const [orientation, mode] of attempts) {
    const page = geometry[orientation];
    const fit = fitColumns(stub, columns, page.widthPt, mode);
    if (fit !== null) return Object.freeze({ orientation, widthPt: page.widthPt, heightPt: page.heightPt, panels: Object.freeze([Object.freeze({ columns: all, ...fit })]) });
  }
  // Column panels: as many columns per panel as fit beside the stub at their narrowest.
  const page = geometry.landscape;
  const stubWidth = Math.min(stub.preferredPt, Math.max(stub.minimumPt, 0.2 * page.widthPt));
  const groups: number[][] = [];
  let current: number[] = [];
  let used = stubWidth;
  for (const i of all) {
    if (current.length > 0 && used + columns[i].minimumPt > page.widthPt) {
      groups.push(current);
      current = [];
      used = stubWidth;
    }
    current.push(i);
    used += columns[i].minimumPt;
  }
  if (current.length > 0) groups.push(current);
  // Balance: the same number of panels with columns spread evenly reads better than a full panel and a stub of one.
  const perPanel = Math.ceil(all.length / groups.length);
  const balanced: number[][] = [];
  for (let start = 0; start < all.length; start += perPanel) balanced.push(all.slice(start, start + perPanel));
  const chosen = balanced.every((g) => stubWidth + g.reduce((a, i) => a + columns[i].minimumPt, 0) <= page.widthPt) ? balanced : groups;
  const panels = chosen.map((group) => {
    const measures = group.map((i) => columns[i]);
    const fit = fitColumns(stub, measures, page.widthPt, 'unwrapped') ??
      fitColumns(stub, measures, page.widthPt, 'wrapped') ?? {
        // A single column wider than the page beside the stub: it gets what is left and wraps.
        stubWidthPt: stubWidth,
        columnWidthsPt: measures.map(() => (page.widthPt - stubWidth) / measures.length),
      };
    return Object.freeze({ columns: Object.freeze(group), ...fit });
  });
  return Object.freeze({ orientation: 'landscape', widthPt: page.widthPt, heightPt: page.heightPt, panels: Object.freeze(panels) });
}
