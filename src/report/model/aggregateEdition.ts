import type { ReportFigureModel, ReportItem, ReportModel, ReportSection } from './createReportModel.js';
import type { SwimmerFigure } from './createSwimmerFigure.js';
import type { WaterfallFigure } from './createWaterfallFigure.js';
import type { ReportCell, ReportTable } from './reportTable.js';

/** An item of the full edition, by its id, number and title. */
export interface ReportItemRef {
  readonly id: string;
  readonly number: string;
  readonly title: string;
}

/** What the aggregate edition of a report leaves out, for its title page. */
export interface AggregateEditionNote {
  /** Tables and listings whose rows are subjects (the SAE listing), left out whole. */
  readonly omittedItems: readonly ReportItemRef[];
  /** Figures drawn with one mark per subject, kept with anonymous labels (lanes 'Responder 01', ...) instead of subject ids. */
  readonly anonymisedFigures: readonly ReportItemRef[];
}

/** A cell with its text and value, without the subjects behind it. */
export function aggregateCell(value: ReportCell): ReportCell {
  return value.subjects.length === 0 ? value : Object.freeze({ ...value, subjects: Object.freeze([]) });
}

/** A table with every cell's subjects removed; text, values, rows and columns unchanged. */
export function aggregateTable(table: ReportTable): ReportTable {
  return Object.freeze({ ...table, rows: Object.freeze(table.rows.map((r) => Object.freeze({ ...r, cells: Object.freeze(r.cells.map(aggregateCell)) }))) });
}

/** Labels in plotted order, zero-padded so that they sort as drawn: 'Responder 01', 'Responder 02', ... */
function rankLabels(prefix: string, count: number): (index: number) => string {
  const width = String(count).length;
  return (index) => `${prefix} ${String(index + 1).padStart(width, '0')}`;
}

/** The swimmer plot without subject identity: lanes renamed 'Responder 1', ... in their plotted order. */
export function anonymousSwimmer(figure: SwimmerFigure): SwimmerFigure {
  const { lanes, responders, maxLanes } = figure.data;
  const label = rankLabels('Responder', lanes.length);
  const footnotes =
    lanes.length === responders
      ? []
      : [`${lanes.length.toLocaleString('en-US')} of ${responders.toLocaleString('en-US')} responders shown (at most ${maxLanes.toLocaleString('en-US')} lanes): those with the longest follow-up.`];
  return Object.freeze({
    ...figure,
    data: Object.freeze({ ...figure.data, lanes: Object.freeze(lanes.map((lane, i) => Object.freeze({ ...lane, USUBJID: label(i) }))) }),
    footnotes: Object.freeze([...footnotes, 'Lanes are numbered in plotted order; subject identifiers are left out of this edition.']),
  });
}

/** The waterfall without subject identity: bars renamed 'Bar 01', ... in their plotted order; subjects not shown are not named. */
function anonymousWaterfall(figure: WaterfallFigure): WaterfallFigure {
  const { bars } = figure.data;
  const label = rankLabels('Bar', bars.length);
  return Object.freeze({
    ...figure,
    data: Object.freeze({ ...figure.data, bars: Object.freeze(bars.map((bar, i) => Object.freeze({ ...bar, USUBJID: label(i) }))), notShown: Object.freeze([]) }),
    footnotes: Object.freeze([...figure.footnotes, 'Bars are numbered in plotted order; subject identifiers are left out of this edition.']),
  });
}

/** `value` with every `subjects` list (of subject ids) emptied, at any depth; the rest as it was. */
function withoutSubjectLists(value: unknown): unknown {
  if (Array.isArray(value)) return Object.freeze(value.map(withoutSubjectLists));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = key === 'subjects' && Array.isArray(child) ? Object.freeze([]) : withoutSubjectLists(child);
  }
  return Object.freeze(out);
}

/** A figure as the aggregate edition holds it (createAggregateEdition), for a caller that draws it before the edition is made. */
export function aggregateFigure(figure: ReportFigureModel): ReportFigureModel {
  if (figure.figureKind === 'swimmer') return anonymousSwimmer(figure);
  if (figure.figureKind === 'waterfall') return anonymousWaterfall(figure);
  return Object.freeze({ ...figure, data: withoutSubjectLists(figure.data) }) as ReportFigureModel;
}

/** Every subject id the model cites: in its cells and in its figures' subject lists and marks. */
function citedSubjects(model: ReportModel): Set<string> {
  const ids = new Set<string>();
  const visit = (value: unknown, key: string): void => {
    if (Array.isArray(value)) {
      for (const v of value) {
        if (key === 'subjects' && typeof v === 'string') ids.add(v);
        else visit(v, key);
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [k, child] of Object.entries(value)) {
        if (k === 'USUBJID' && typeof child === 'string') ids.add(child);
        else visit(child, k);
      }
    }
  };
  for (const item of model.items) visit(item.kind === 'table' ? item.rows : item.data, '');
  return ids;
}

/** A listing ('l-' id) or a table with a row per subject (a row labelled with a subject id). */
function isSubjectLevel(table: ReportTable, subjects: ReadonlySet<string>): boolean {
  return table.id.startsWith('l-') || table.rows.some((r) => subjects.has(r.label));
}

function ref(item: ReportItem): ReportItemRef {
  return Object.freeze({ id: item.id, number: item.number, title: item.title });
}

/**
 * The aggregate edition of a report, for readers who may see aggregates only (the sponsor): every table and
 * figure of the full edition with the same numbers, titles and numbering, but nothing at the subject level.
 * Cells keep their text and value and lose the subjects behind them; figures lose their subject lists;
 * the swimmer and waterfall (one mark per subject) are kept with anonymous labels in plotted order;
 * tables whose rows are subjects (listings) are left out. `aggregate` on the result says what was left out,
 * for the renderers' title pages. Applying it to an aggregate edition returns that edition.
 */
export function createAggregateEdition(model: ReportModel): ReportModel {
  if (model.aggregate !== undefined) return model;
  const subjects = citedSubjects(model);
  const omittedItems: ReportItemRef[] = [];
  const anonymisedFigures: ReportItemRef[] = [];
  const sections: ReportSection[] = [];
  for (const section of model.sections) {
    const items: ReportItem[] = [];
    for (const item of section.items) {
      if (item.kind === 'table') {
        if (isSubjectLevel(item, subjects)) omittedItems.push(ref(item));
        else items.push(aggregateTable(item));
      } else {
        if (item.figureKind === 'swimmer' || item.figureKind === 'waterfall') anonymisedFigures.push(ref(item));
        items.push(aggregateFigure(item));
      }
    }
    if (items.length > 0) sections.push(Object.freeze({ ...section, items: Object.freeze(items) }));
  }
  return Object.freeze({
    sections: Object.freeze(sections),
    items: Object.freeze(sections.flatMap((s) => s.items)),
    aggregate: Object.freeze({ omittedItems: Object.freeze(omittedItems), anonymisedFigures: Object.freeze(anonymisedFigures) }),
  });
}

function refList(refs: readonly ReportItemRef[]): string {
  return refs.map((r) => `${r.number} (${r.title})`).join('; ');
}

/**
 * The title page's account of the aggregate edition, one sentence per line; `leftOutHere` names what the
 * format itself leaves out (the HTML's subject lists and profiles, the CSV's subject columns).
 */
export function aggregateEditionNotice(note: AggregateEditionNote, leftOutHere: readonly string[] = []): readonly string[] {
  const leftOut = ['the subjects behind each count', ...leftOutHere, ...(note.omittedItems.length === 0 ? [] : [`the subject-level listings and tables: ${refList(note.omittedItems)}`])];
  return Object.freeze([
    'Aggregate edition: counts, statistics and figures only, with no subject identifier, for readers who see aggregates (the sponsor). Every table and figure has the numbers and numbering of the full edition.',
    `Left out: ${leftOut.join('; ')}.`,
    ...(note.anonymisedFigures.length === 0 ? [] : [`Drawn with anonymous labels (numbered in plotted order) instead of subject identifiers: ${refList(note.anonymisedFigures)}.`]),
  ]);
}
