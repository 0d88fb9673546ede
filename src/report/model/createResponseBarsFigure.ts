import { populationPhrase } from './populationPhrase.js';
import type { AdamDatasets, ProtocolDefinition, SubgroupDefinition } from '../../clinical/index.js';
import { efficacyPopulation } from './analysisPopulation.js';
import { bestResponses, subjectsWithResponse } from './bestResponse.js';
import { figureScale, type FigureScale } from './figureScale.js';
import { paperReference, primaryEvaluator } from './protocolTerms.js';
import { reportFigure, type ReportFigure } from './reportFigure.js';
import { subgroupMembers } from './subgroupMembers.js';

export interface ResponseBar {
  /** 'overall' or the subgroup level's value. */
  readonly id: string;
  readonly label: string;
  readonly n: number;
  /** One stacked segment per responder category of the scale, best first, as a share of n. */
  readonly segments: readonly { readonly category: string; readonly count: number; readonly proportion: number; readonly subjects: readonly string[] }[];
  /** The objective response rate = the stacked height. */
  readonly orr: number;
}

export interface ResponseBarsData {
  /** The evaluator whose best responses are drawn. */
  readonly evaluator: string;
  readonly scale: FigureScale;
  readonly bars: readonly ResponseBar[];
}

export type ResponseBarsFigure = ReportFigure<'response-bars', ResponseBarsData>;

/**
 * Stacked response bars of the primary evaluator's best responses: overall ('f-response-overall') or one bar
 * per level of a response subgroup ('f-response-<subgroup id>'), each segment a responder category of the
 * scale as a share of the bar's n.
 */
export function createResponseBarsFigure(datasets: Pick<AdamDatasets, 'adsl' | 'adrs'>, protocol: ProtocolDefinition, subgroup: SubgroupDefinition | null = null): ResponseBarsFigure {
  const fas = efficacyPopulation(datasets.adsl, protocol);
  const evaluator = primaryEvaluator(protocol);
  const { scale } = protocol.response;
  const bor = bestResponses(datasets.adrs, evaluator.id, fas.ids);
  const groups = subgroup === null ? [{ value: 'overall', label: 'Overall', ids: fas.ids }] : subgroupMembers(fas.rows, subgroup);
  const responderCategories = scale.categories.filter((c) => c.responder);
  const bars = groups.map((g): ResponseBar => {
    const n = g.ids.size;
    const segments = responderCategories.map((category) => {
      const subjects = subjectsWithResponse(bor, g.ids, category.code, scale).sort();
      return Object.freeze({ category: category.code, count: subjects.length, proportion: n === 0 ? 0 : subjects.length / n, subjects: Object.freeze(subjects) });
    });
    return Object.freeze({ id: g.value, label: g.label, n, segments: Object.freeze(segments), orr: segments.reduce((s, x) => s + x.proportion, 0) });
  });
  const id = subgroup === null ? 'f-response-overall' : `f-response-${subgroup.id}`;
  const title = subgroup === null ? `${evaluator.label}-assessed response to treatment in overall patients` : `${evaluator.label}-assessed response to treatment by ${populationPhrase(subgroup.label)}`;
  return reportFigure({
    figureKind: 'response-bars',
    id,
    title,
    population: fas.population,
    data: Object.freeze({ evaluator: evaluator.label, scale: figureScale(scale), bars: Object.freeze(bars) }),
    footnotes: [`Response per ${scale.name}; bars stack the categories counted as objective response (${scale.responderLabel}), as a share of each bar's n.`],
    paperReference: paperReference(protocol, id),
  });
}
