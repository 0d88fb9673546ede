import type { AdrsRow, AdslRow } from '../../clinical/index.js';
import { analysisPopulation } from './analysisPopulation.js';
import { bestResponses, responders } from './bestResponse.js';
import { proportion } from './rateCells.js';
import type { ReportProtocol } from './reportProtocol.js';
import { reportFigure, type ReportFigure } from './reportFigure.js';
import { subgroupMembers } from './subgroupMembers.js';

export interface ForestRow {
  readonly id: string;
  /** Subgroup heading ('ISS stage') or '' for the overall row. */
  readonly group: string;
  readonly label: string;
  readonly x: number;
  readonly n: number;
  /** null when n = 0. */
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly subjects: readonly string[];
}

export interface ForestData {
  readonly measure: 'ORR';
  /** Reference line: the protocol's null rate. */
  readonly reference: number;
  readonly confLevel: number;
  readonly rows: readonly ForestRow[];
}

export type ForestFigure = ReportFigure<'forest', ForestData>;

/** Forest plot data of ORR (IRC) with Clopper-Pearson CIs, overall and per response-subgroup level. */
export function createForestFigure(adsl: readonly AdslRow[], adrs: readonly AdrsRow[], protocol: ReportProtocol): ForestFigure {
  const fas = analysisPopulation(adsl, 'FASFL');
  const responding = new Set(responders(bestResponses(adrs, 'IRC', fas.ids)));
  const make = (id: string, group: string, label: string, ids: ReadonlySet<string>): ForestRow => {
    const hits = [...ids].filter((s) => responding.has(s)).sort();
    const result = proportion(hits.length, ids.size, protocol.p0, protocol.confLevel);
    return Object.freeze({
      id,
      group,
      label,
      x: hits.length,
      n: ids.size,
      estimate: result?.estimate ?? null,
      lower: result?.clopperPearson.lower ?? null,
      upper: result?.clopperPearson.upper ?? null,
      subjects: Object.freeze(hits),
    });
  };
  const rows = [make('overall', '', 'Overall', fas.ids)];
  for (const definition of protocol.responseSubgroups) {
    for (const level of subgroupMembers(fas.rows, definition)) rows.push(make(`${definition.id}:${level.value}`, definition.label, level.label, level.ids));
  }
  return reportFigure({
    figureKind: 'forest',
    id: 'f-forest-orr',
    title: 'Overall response rate by subgroup (IRC)',
    population: fas.population,
    data: Object.freeze({ measure: 'ORR' as const, reference: protocol.p0, confLevel: protocol.confLevel, rows: Object.freeze(rows) }),
    footnotes: ['Exact (Clopper-Pearson) CIs; the reference line is the null response rate of the design.'],
  });
}
