import type { AdrsRow, AdslRow } from '../../clinical/index.js';
import { analysisPopulation } from './analysisPopulation.js';
import { bestResponses, diseaseControlled, responders } from './bestResponse.js';
import { countCell } from './countCell.js';
import { formatConfLevel, formatPValue } from './format.js';
import { proportion, rateCiCell } from './rateCells.js';
import type { ReportProtocol } from './reportProtocol.js';
import { cell, column, headingRow, reportTable, row, textCell, type ReportCell, type ReportTable } from './reportTable.js';

/**
 * The primary endpoint: ORR (PR or better) and DCR with Clopper-Pearson exact CIs and the exact one-sided
 * binomial test of H0: rate <= p0 (the protocol's null rate), by the IRC (primary) and the investigator.
 */
export function createResponseRateTable(adsl: readonly AdslRow[], adrs: readonly AdrsRow[], protocol: ReportProtocol): ReportTable {
  const fas = analysisPopulation(adsl, 'FASFL');
  const N = fas.rows.length;
  const { p0, confLevel } = protocol;
  const evaluators = ['IRC', 'INVESTIGATOR'] as const;
  const bors = evaluators.map((evaluator) => bestResponses(adrs, evaluator, fas.ids));
  const pCell = (ids: readonly string[]): ReportCell => {
    const result = proportion(ids.length, N, p0, confLevel);
    return result === null ? textCell('NE') : cell(formatPValue(result.pGreater), result.pGreater, fas.ids);
  };
  const block = (label: string, pick: (bor: (typeof bors)[number]) => string[]) => {
    const numerators = bors.map(pick);
    return [
      headingRow(label),
      row('n (%)', numerators.map((ids) => countCell(ids, N))),
      row(`Rate (${formatConfLevel(confLevel)} exact CI)`, numerators.map((ids) => rateCiCell(ids, N, p0, confLevel))),
      row(`One-sided exact binomial P, H0: rate ≤ ${p0}`, numerators.map(pCell)),
    ];
  };
  return reportTable({
    id: 't-response-rate',
    title: 'Overall response rate and disease control rate (full analysis set)',
    population: fas.population,
    stubLabel: 'Endpoint',
    columns: [column('irc', 'IRC (primary)', N), column('investigator', 'Investigator', N)],
    rows: [...block('Overall response rate (PR or better)', responders), ...block('Disease control rate (MR or better, or SD)', diseaseControlled)],
    footnotes: [
      'Exact (Clopper-Pearson) two-sided confidence intervals.',
      `Exact binomial test against the null response rate p0 = ${p0} of the sample-size calculation (one-sided).`,
    ],
    abbreviations: ['ORR overall response rate', 'DCR disease control rate', 'IRC independent review committee'],
    paperReference: 'Fig. 2A',
  });
}
