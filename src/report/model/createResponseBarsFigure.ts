import type { AdrsRow, AdslRow, ResponseCategory } from '../../clinical/index.js';
import { analysisPopulation } from './analysisPopulation.js';
import { bestResponses, RESPONDER_CATEGORIES, subjectsWithResponse } from './bestResponse.js';
import type { SubgroupDefinition } from './reportProtocol.js';
import { reportFigure, type ReportFigure } from './reportFigure.js';
import { subgroupMembers } from './subgroupMembers.js';

export interface ResponseBar {
  readonly id: string;
  readonly label: string;
  readonly n: number;
  /** One stacked segment per responder category (sCR, CR, VGPR, PR), as a share of n. */
  readonly segments: readonly { readonly category: ResponseCategory; readonly count: number; readonly proportion: number; readonly subjects: readonly string[] }[];
  /** ORR = the stacked height. */
  readonly orr: number;
}

export type ResponseBarsFigure = ReportFigure<'response-bars', { readonly bars: readonly ResponseBar[] }>;

/** Stacked response bars (paper Fig. 2A-C): overall or per subgroup level, IRC best response, share of each bar's n. */
export function createResponseBarsFigure(adsl: readonly AdslRow[], adrs: readonly AdrsRow[], subgroup: SubgroupDefinition | null, id: string, title: string, paperReference: string | null = null): ResponseBarsFigure {
  const fas = analysisPopulation(adsl, 'FASFL');
  const bor = bestResponses(adrs, 'IRC', fas.ids);
  const groups = subgroup === null ? [{ value: 'overall', label: 'Overall', ids: fas.ids }] : subgroupMembers(fas.rows, subgroup);
  const bars = groups.map((g): ResponseBar => {
    const n = g.ids.size;
    const segments = RESPONDER_CATEGORIES.map((category) => {
      const subjects = subjectsWithResponse(bor, g.ids, category).sort();
      return Object.freeze({ category, count: subjects.length, proportion: n === 0 ? 0 : subjects.length / n, subjects: Object.freeze(subjects) });
    });
    return Object.freeze({ id: g.value, label: g.label, n, segments: Object.freeze(segments), orr: segments.reduce((s, x) => s + x.proportion, 0) });
  });
  return reportFigure({ figureKind: 'response-bars', id, title, population: fas.population, data: Object.freeze({ bars: Object.freeze(bars) }), paperReference });
}
