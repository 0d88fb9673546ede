import type { AdamDatasets, ProtocolDefinition } from '../../clinical/index.js';
import { efficacyPopulation } from './analysisPopulation.js';
import { bestResponses, responders } from './bestResponse.js';
import { paperReference, primaryEvaluator } from './protocolTerms.js';
import { proportion } from './rateCells.js';
import { reportFigure, type ReportFigure } from './reportFigure.js';
import { missingValue, proportionValue, type MissingValue, type ProportionValue } from './reportValue.js';
import { subgroupMembers } from './subgroupMembers.js';

export interface ForestRow {
  /** 'overall' or '<subgroup id>:<level>' (as the subgroup table's row keys). */
  readonly key: string;
  /** Subgroup heading ('Prior therapy') or '' for the overall row. */
  readonly group: string;
  readonly label: string;
  /** Responders and subjects of the row. */
  readonly x: number;
  readonly n: number;
  /** The rate with its exact CI; missing when n = 0. */
  readonly value: ProportionValue | MissingValue;
  /** The responders. */
  readonly subjects: readonly string[];
}

export interface ForestData {
  readonly measure: 'ORR';
  /** Reference line: the design's null rate p0. */
  readonly reference: number;
  readonly confLevel: number;
  readonly rows: readonly ForestRow[];
}

export type ForestFigure = ReportFigure<'forest', ForestData>;

/** Forest plot data of the objective response rate (primary evaluator) with Clopper-Pearson CIs, overall and per response-subgroup level. */
export function createForestFigure(datasets: Pick<AdamDatasets, 'adsl' | 'adrs'>, protocol: ProtocolDefinition): ForestFigure {
  const fas = efficacyPopulation(datasets.adsl, protocol);
  const evaluator = primaryEvaluator(protocol);
  const { confLevel, design, responseSubgroups } = protocol.analysisPlan;
  const responding = new Set(responders(bestResponses(datasets.adrs, evaluator.id, fas.ids)));
  const make = (key: string, group: string, label: string, ids: ReadonlySet<string>): ForestRow => {
    const hits = [...ids].filter((s) => responding.has(s)).sort();
    const result = proportion(hits.length, ids.size, design.p0, confLevel);
    const value =
      result === null
        ? missingValue('no subjects in the subgroup')
        : proportionValue({ n: hits.length, N: ids.size, estimate: result.estimate, lower: result.clopperPearson.lower, upper: result.clopperPearson.upper, confLevel });
    return Object.freeze({ key, group, label, x: hits.length, n: ids.size, value, subjects: Object.freeze(hits) });
  };
  const rows = [make('overall', '', 'Overall', fas.ids)];
  for (const definition of responseSubgroups) {
    for (const level of subgroupMembers(fas.rows, definition)) rows.push(make(`${definition.id}:${level.value}`, definition.label, level.label, level.ids));
  }
  return reportFigure({
    figureKind: 'forest',
    id: 'f-forest-orr',
    title: `Overall response rate by subgroup (${evaluator.label})`,
    population: fas.population,
    data: Object.freeze({ measure: 'ORR' as const, reference: design.p0, confLevel, rows: Object.freeze(rows) }),
    footnotes: [`Objective response: ${protocol.response.scale.responderLabel}. Exact (Clopper-Pearson) CIs; the reference line is the null response rate of the design.`],
    paperReference: paperReference(protocol, 'f-forest-orr'),
  });
}
