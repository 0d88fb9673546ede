import type { ReportPopulation } from './reportTable.js';

/**
 * The envelope of every figure model: the data a renderer draws, never the drawing. `kind` says which
 * data shape `data` has.
 */
export interface ReportFigure<Kind extends string, Data> {
  readonly kind: 'figure';
  readonly figureKind: Kind;
  readonly id: string;
  /** Filled in by createReportModel ('Figure 1'); '' before numbering. */
  readonly number: string;
  readonly title: string;
  readonly population: ReportPopulation;
  readonly data: Data;
  readonly footnotes: readonly string[];
  readonly paperReference: string | null;
}

export function reportFigure<Kind extends string, Data>(spec: {
  readonly figureKind: Kind;
  readonly id: string;
  readonly title: string;
  readonly population: ReportPopulation;
  readonly data: Data;
  readonly footnotes?: readonly string[];
  readonly paperReference?: string | null;
}): ReportFigure<Kind, Data> {
  return Object.freeze({
    kind: 'figure',
    figureKind: spec.figureKind,
    id: spec.id,
    number: '',
    title: spec.title,
    population: spec.population,
    data: spec.data,
    footnotes: Object.freeze([...(spec.footnotes ?? [])]),
    paperReference: spec.paperReference ?? null,
  });
}
