/**
 * The generic table model every renderer (HTML, PDF, DOCX, CSV) reads. A cell carries the text as the
 * paper prints it, the raw number behind it, and the subjects counted in it, so that a reader can click
 * from any number to the subjects (traceability).
 */

export interface ReportPopulation {
  /** 'Intent-to-treat', 'Full analysis set', 'Safety set', 'Responders (IRC)'. */
  readonly name: string;
  /** ADSL flag that defines it, when there is one. */
  readonly flag: string | null;
  readonly N: number;
}

export interface ReportCell {
  readonly text: string;
  /** The raw number behind the text (a count, a proportion 0-1, a median in months, a P); null for text only. */
  readonly value: number | null;
  /** USUBJIDs behind the cell (the numerator of a count; the subjects analysed for a statistic). */
  readonly subjects: readonly string[];
}

export interface ReportRow {
  readonly label: string;
  /** 0 = heading level, 1 = under a heading, 2 = under a sub-heading. */
  readonly indent: number;
  /** One per column; a heading row has no cells. */
  readonly cells: readonly ReportCell[];
}

export interface ReportColumn {
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

function sortedSubjects(subjects: Iterable<string>): readonly string[] {
  return Object.freeze([...new Set(subjects)].sort());
}

export function cell(text: string, value: number | null, subjects: Iterable<string> = []): ReportCell {
  return Object.freeze({ text, value, subjects: sortedSubjects(subjects) });
}

export function textCell(text: string): ReportCell {
  return cell(text, null, []);
}

export function row(label: string, cells: readonly ReportCell[], indent = 1): ReportRow {
  return Object.freeze({ label, indent, cells: Object.freeze([...cells]) });
}

export function headingRow(label: string, indent = 0): ReportRow {
  return Object.freeze({ label, indent, cells: Object.freeze([]) });
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

/** Builds a frozen table; every non-heading row must have one cell per column. */
export function reportTable(spec: ReportTableSpec): ReportTable {
  for (const item of spec.rows) {
    if (item.cells.length !== 0 && item.cells.length !== spec.columns.length) {
      throw new Error(`table ${spec.id}: row '${item.label}' has ${item.cells.length} cells for ${spec.columns.length} columns`);
    }
  }
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
