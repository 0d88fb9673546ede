import { formatValue } from '../format/index.js';
import type { ReportTable } from '../model/index.js';
import type { PageGeometry } from './pageGeometry.js';
import { computeLongestWordUnits, computeTextUnits, textUnitsToPt } from './textWidth.js';

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
  /** Font size of the table's text: the geometry's, or its small size when the table is wide. */
  readonly fontSizePt: number;
  /** One panel when the table fits the page; more when its columns are split into sets (rtables, SAS ODS). */
  readonly panels: readonly TablePanel[];
}

/**
 * Layout engines measure Arial a little wider than the metrics (kerning off, hinting): widths are padded
 * by this factor so that text planned on one line stays on one line in Word, LibreOffice and Chromium.
 */
export const MEASURE_SAFETY = 1.06;

interface Measure {
  /** Width of the widest value unwrapped, and at least of the header's longest word (plus padding). */
  readonly preferredPt: number;
  /** Width of the header unwrapped, when wider: what the column takes when the page has room to spare. */
  readonly comfortPt: number;
  /** Width of the longest word of a value or the header (plus padding): narrower breaks words. */
  readonly minimumPt: number;
}

/** The header text of a column: its label and, for a population column, its N. */
export function columnHeaderText(table: ReportTable, index: number): string {
  const col = table.columns[index];
  return col.N === null ? col.label : `${col.label}\n(N = ${col.N})`;
}

/**
 * A column's text measured once, in 1/1000 em (computeTextUnits), for every size it is tried at: the
 * widest header line and its longest word (bold), the widest value and its longest word.
 */
interface ColumnUnits {
  readonly header: number;
  readonly headerLongestWord: number;
  readonly values: number;
  readonly valuesLongestWord: number;
}

function measureColumnUnits(table: ReportTable, index: number): ColumnUnits {
  let header = 0;
  let headerLongestWord = 0;
  let values = 0;
  let valuesLongestWord = 0;
  for (const line of columnHeaderText(table, index).split('\n')) {
    header = Math.max(header, computeTextUnits(line));
    headerLongestWord = Math.max(headerLongestWord, computeLongestWordUnits(line));
  }
  for (const r of table.rows) {
    const c = r.cells[index];
    if (c === undefined) continue;
    const text = formatValue(c.value);
    values = Math.max(values, computeTextUnits(text));
    valuesLongestWord = Math.max(valuesLongestWord, computeLongestWordUnits(text));
  }
  return { header, headerLongestWord, values, valuesLongestWord };
}

/** The widest of several texts in points is the widest in units, scaled: textUnitsToPt never reverses an order. */
function measureColumn(units: ColumnUnits, g: PageGeometry): Measure {
  const header = textUnitsToPt(units.header, g.fontSizePt, true);
  const values = textUnitsToPt(units.values, g.fontSizePt);
  const minimum = Math.max(textUnitsToPt(units.headerLongestWord, g.fontSizePt, true), textUnitsToPt(units.valuesLongestWord, g.fontSizePt));
  const pad = (width: number) => width * MEASURE_SAFETY + g.cellPaddingPt;
  const preferred = Math.max(values, minimum);
  return { preferredPt: pad(preferred), comfortPt: pad(Math.max(preferred, header)), minimumPt: pad(minimum) };
}

/** The stub's text in 1/1000 em: its label (bold), and each row label with its indent level. */
interface StubUnits {
  readonly label: number;
  readonly labelLongestWord: number;
  readonly rows: readonly { readonly indent: number; readonly label: number; readonly longestWord: number }[];
}

function measureStubUnits(table: ReportTable): StubUnits {
  // A heading row spans the whole table, so it does not widen the stub.
  const rows = table.rows.filter((r) => r.cells.length > 0).map((r) => ({ indent: r.indent, label: computeTextUnits(r.label), longestWord: computeLongestWordUnits(r.label) }));
  return { label: computeTextUnits(table.stubLabel), labelLongestWord: computeLongestWordUnits(table.stubLabel), rows };
}

function measureStub(units: StubUnits, g: PageGeometry): Measure {
  let preferred = textUnitsToPt(units.label, g.fontSizePt, true);
  let minimum = textUnitsToPt(units.labelLongestWord, g.fontSizePt, true);
  for (const r of units.rows) {
    const indent = r.indent * g.indentPt;
    preferred = Math.max(preferred, indent + textUnitsToPt(r.label, g.fontSizePt));
    minimum = Math.max(minimum, indent + textUnitsToPt(r.longestWord, g.fontSizePt));
  }
  const pad = (width: number) => width * MEASURE_SAFETY + g.cellPaddingPt;
  return { preferredPt: pad(preferred), comfortPt: pad(preferred), minimumPt: pad(minimum) };
}

type Mode = 'unwrapped' | 'wrapped';

/**
 * Gives each column up to `target(i)` from `slack` by water-filling: those that need least first (a date
 * or a number is unwrapped before a long text gets wider), none more than an even share of what is left,
 * so that columns of like values get like widths; returns what is left over.
 */
function fillColumns(widths: number[], target: (i: number) => number, slack: number): number {
  const order = widths.map((_, i) => i).sort((a, b) => target(a) - widths[a] - (target(b) - widths[b]));
  let left = slack;
  for (const [rank, i] of order.entries()) {
    const given = Math.min(Math.max(0, target(i) - widths[i]), left / (order.length - rank));
    widths[i] += given;
    left -= given;
  }
  return left;
}

/**
 * Widths of the stub and the given columns on a text area `widthPt` wide, or null when they do not fit.
 * 'unwrapped': every value on one line (headers and the stub may wrap; the stub keeps at least 30% of
 * the width or its full length); 'wrapped': values wrap between words, never inside one, the columns that
 * need least to be unwrapped (dates, numbers, codes) unwrapped first. What is left over widens the stub
 * up to its full length, then the columns up to their unwrapped headers, then all columns evenly.
 */
function fitColumns(stub: Measure, columns: readonly Measure[], widthPt: number, mode: Mode): { stubWidthPt: number; columnWidthsPt: number[] } | null {
  const widths = columns.map((c) => (mode === 'unwrapped' ? c.preferredPt : c.minimumPt));
  const stubShare = mode === 'unwrapped' ? 0.3 : 0.2;
  const stubBase = Math.min(stub.preferredPt, Math.max(stub.minimumPt, stubShare * widthPt));
  const used = stubBase + widths.reduce((a, b) => a + b, 0);
  if (used > widthPt + 1e-6) return null;
  let slack = widthPt - used;
  if (mode === 'wrapped') slack = fillColumns(widths, (i) => columns[i].preferredPt, slack);
  const stubExtra = Math.min(slack, stub.preferredPt - stubBase);
  slack -= stubExtra;
  slack = fillColumns(widths, (i) => columns[i].comfortPt, slack);
  const each = columns.length === 0 ? 0 : slack / columns.length;
  return { stubWidthPt: stubBase + stubExtra + (columns.length === 0 ? slack : 0), columnWidthsPt: widths.map((w) => w + each) };
}

/** The geometry a layout was planned with (its font size), for paginateTable and the renderers. */
export function layoutGeometry(geometry: PageGeometry, layout: TableLayout): PageGeometry {
  return layout.fontSizePt === geometry.fontSizePt ? geometry : { ...geometry, fontSizePt: layout.fontSizePt };
}

/**
 * How a table goes on the page: portrait when its values fit unwrapped, else landscape (unwrapped, then
 * unwrapped at the small font size, then wrapped between words at the small size); when even that does
 * not fit, its columns are split into panels on landscape pages at the small size, each repeating the
 * row labels, so that nothing is ever clipped and no word is broken.
 */
export function planTableLayout(table: ReportTable, geometry: PageGeometry): TableLayout {
  const small: PageGeometry = { ...geometry, fontSizePt: geometry.smallFontSizePt };
  // The text is measured once, then scaled to each size tried.
  const stubUnits = measureStubUnits(table);
  const columnUnits = table.columns.map((_, i) => measureColumnUnits(table, i));
  const measures = (g: PageGeometry) => ({ stub: measureStub(stubUnits, g), columns: columnUnits.map((units) => measureColumn(units, g)) });
  const normal = measures(geometry);
  const smaller = measures(small);
  const all = table.columns.map((_, i) => i);
  const attempts: ['portrait' | 'landscape', Mode, PageGeometry, ReturnType<typeof measures>][] = [
    ['portrait', 'unwrapped', geometry, normal],
    ['landscape', 'unwrapped', geometry, normal],
    ['landscape', 'unwrapped', small, smaller],
    ['landscape', 'wrapped', small, smaller],
  ];
  for (const [orientation, mode, g, m] of attempts) {
    const page = geometry[orientation];
    const fit = fitColumns(m.stub, m.columns, page.widthPt, mode);
    if (fit !== null) {
      return Object.freeze({ orientation, widthPt: page.widthPt, heightPt: page.heightPt, fontSizePt: g.fontSizePt, panels: Object.freeze([Object.freeze({ columns: all, ...fit })]) });
    }
  }
  const { stub, columns } = smaller;
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
  return Object.freeze({ orientation: 'landscape', widthPt: page.widthPt, heightPt: page.heightPt, fontSizePt: small.fontSizePt, panels: Object.freeze(panels) });
}
