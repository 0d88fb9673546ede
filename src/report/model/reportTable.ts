import { textValue, type ReportValue } from './reportValue.js';

/**
 * The generic table model every renderer (HTML, PDF, DOCX, CSV) and consumer (key results, reproduce, the
 * dashboard, the web client) reads. A row has a stable key and a cell a typed value (reportValue.ts) and
 * the subjects counted in it, so that a reader can click from any number to the subjects (traceability)
 * and a program can find a number by (table id, row key, column id) without reading labels or text. The
 * keys of each table are listed in README.md beside this file.
 */

export interface ReportPopulation {
  /** 'Intent-to-treat', 'Full analysis set', 'Safety set', 'Responders (IRC)'. */
  readonly name: string;
  /** ADSL flag that defines it, when there is one. */
  readonly flag: string | null;
  readonly N: number;
}

export interface ReportCell {
  readonly value: ReportValue;
  /** USUBJIDs behind the cell, sorted (the numerator of a count; the subjects analysed for a statistic). */
  readonly subjects: readonly string[];
}

export interface ReportRow {
  /** Stable within the table (README.md): what a program looks the row up by. */
  readonly key: string;
  /** The row label as printed. */
  readonly label: string;
  /** 0 = heading level, 1 = under a heading, 2 = under a sub-heading. */
  readonly indent: number;
  /** One per column; a heading row has no cells. */
  readonly cells: readonly ReportCell[];
}

export interface ReportColumn {
  /** Stable within the table (README.md). */
  readonly id: string;
  readonly label: string;
  /** N of the column, printed as '(N = 85)' under the label; null when not a population column. */
  readonly N: number | null;
}

export interface ReportTable {
  readonly kind: 'table';
  /** Stable id, e.g. 't-baseline'. */
  readonly id: string;
  /** Filled in by createReportModel ('Table 1'); '' before numbering. */
  readonly number: string;
  readonly title: string;
  readonly population: ReportPopulation;
  /** Label of the first (row label) column. */
  readonly stubLabel: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  readonly footnotes: readonly string[];
  readonly abbreviations: readonly string[];
  /** The paper's own table or figure this reproduces ('Table 1'), null when the report adds it. */
  readonly paperReference: string | null;
}

/** Whether the ids are already in sort() order with no repeat (most cells are built from sorted lists). */
export function isStrictlyAscending(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i += 1) if (!(ids[i - 1] < ids[i])) return false;
  return true;
}

/**
 * Subject ids as a cell holds them: distinct, in sort() order, frozen. Several cells given this one list
 * keep it as it is: it is sorted once, and the HTML report hashes it once for its anchor.
 */
export function subjectList(subjects: Iterable<string>): readonly string[] {
  // A frozen list already sorted and distinct is kept as it is: the same ids in the same order.
  if (Array.isArray(subjects) && Object.isFrozen(subjects) && isStrictlyAscending(subjects as readonly string[])) return subjects as readonly string[];
  const ids = Array.isArray(subjects) ? (subjects as readonly string[]) : [...subjects];
  if (isStrictlyAscending(ids)) return Object.freeze(ids === subjects ? [...ids] : (ids as string[]));
  // A set's ids (countCell's) are distinct already.
  return Object.freeze(subjects instanceof Set ? sortDistinct(ids, true) : sortDistinct(ids));
}

/**
 * The subject ids met so far in sort() order, and each one's place: a large list of known ids is put in
 * order by sorting the places (numbers) instead of comparing the strings (a 10,000-subject trial's report
 * sorts hundreds of lists of thousands of ids). The result is the same as [...new Set(ids)].sort().
 */
let rankedIds: readonly string[] = [];
let rankOf = new Map<string, number>();
const RANKED_LIMIT = 500_000;

function sortDistinct(ids: readonly string[], distinctAlready = false): string[] {
  const distinct: Iterable<string> & { readonly size?: number } = distinctAlready ? ids : new Set(ids);
  const size = distinctAlready ? ids.length : (distinct as Set<string>).size;
  if (size < 256) return [...distinct].sort();
  const ranks = new Int32Array(size);
  let i = 0;
  for (const id of distinct) {
    const rank = rankOf.get(id);
    if (rank === undefined) return rankAnew(distinct);
    ranks[i] = rank;
    i += 1;
  }
  ranks.sort();
  const sorted = new Array<string>(ranks.length);
  for (let j = 0; j < ranks.length; j += 1) sorted[j] = rankedIds[ranks[j]];
  return sorted;
}

/** The ids in sort() order, repeats kept: the same as [...ids].sort(), faster for large lists of subject ids. */
export function sortIds(ids: readonly string[]): string[] {
  if (ids.length < 256) return [...ids].sort();
  // Most lists come in order already (a dataset's rows by subject): then they are their own sort.
  if (isStrictlyAscending(ids)) return [...ids];
  const sorted = sortDistinct(ids);
  return sorted.length === ids.length ? sorted : [...ids].sort();
}

/** Sorts a list with ids not met before, and adds them to the ranked ids. */
function rankAnew(distinct: Iterable<string>): string[] {
  const sorted = [...distinct].sort();
  const union = rankedIds.length + sorted.length > RANKED_LIMIT ? sorted : [...new Set([...rankedIds, ...sorted])].sort();
  rankedIds = union;
  rankOf = new Map(union.map((id, index) => [id, index]));
  return sorted;
}

export function cell(value: ReportValue, subjects: Iterable<string> = []): ReportCell {
  return Object.freeze({ value, subjects: subjectList(subjects) });
}

export function textCell(text: string, subjects: Iterable<string> = []): ReportCell {
  return cell(textValue(text), subjects);
}

export function row(key: string, label: string, cells: readonly ReportCell[], indent = 1): ReportRow {
  return Object.freeze({ key, label, indent, cells: Object.freeze([...cells]) });
}

export function headingRow(key: string, label: string, indent = 0): ReportRow {
  return Object.freeze({ key, label, indent, cells: Object.freeze([]) });
}

export function column(id: string, label: string, N: number | null = null): ReportColumn {
  return Object.freeze({ id, label, N });
}

export function population(name: string, flag: string | null, N: number): ReportPopulation {
  return Object.freeze({ name, flag, N });
}

export interface ReportTableSpec {
  readonly id: string;
  readonly title: string;
  readonly population: ReportPopulation;
  readonly stubLabel?: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  readonly footnotes?: readonly string[];
  readonly abbreviations?: readonly string[];
  readonly paperReference?: string | null;
}

/**
 * Builds a frozen table; every non-heading row must have one cell per column, row keys and column ids are
 * unique (a broken model is a programming error, so it throws).
 */
export function reportTable(spec: ReportTableSpec): ReportTable {
  const keys = new Set<string>();
  for (const item of spec.rows) {
    if (item.cells.length !== 0 && item.cells.length !== spec.columns.length) {
      throw new Error(`table ${spec.id}: row '${item.key}' has ${item.cells.length} cells for ${spec.columns.length} columns`);
    }
    if (keys.has(item.key)) throw new Error(`table ${spec.id}: row key '${item.key}' is used twice`);
    keys.add(item.key);
  }
  const ids = new Set(spec.columns.map((c) => c.id));
  if (ids.size !== spec.columns.length) throw new Error(`table ${spec.id}: column ids are not unique (${spec.columns.map((c) => c.id).join(', ')})`);
  return Object.freeze({
    kind: 'table',
    id: spec.id,
    number: '',
    title: spec.title,
    population: spec.population,
    stubLabel: spec.stubLabel ?? '',
    columns: Object.freeze([...spec.columns]),
    rows: Object.freeze([...spec.rows]),
    footnotes: Object.freeze([...(spec.footnotes ?? [])]),
    abbreviations: Object.freeze([...(spec.abbreviations ?? [])]),
    paperReference: spec.paperReference ?? null,
  });
}
