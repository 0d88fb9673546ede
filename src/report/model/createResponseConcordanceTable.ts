import type { AdamDatasets, ProtocolDefinition } from '../../clinical/index.js';
import { efficacyPopulation } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import { abbreviationsFor, evaluatorsOf, paperReference } from './protocolTerms.js';
import { computeResponseConcordance } from './responseConcordance.js';
import { column, population, reportTable, row, type ReportTable } from './reportTable.js';

/**
 * The cross-table of best response of the first two evaluators (rows: the primary, columns: the second),
 * counts per cell; null when the protocol has a single evaluator. Rows 'category:<code>' and 'total';
 * columns 'category:<code>' and 'total'.
 */
export function createResponseConcordanceTable(datasets: Pick<AdamDatasets, 'adsl' | 'adrs'>, protocol: ProtocolDefinition): ReportTable | null {
  const evaluators = evaluatorsOf(protocol);
  if (evaluators.length < 2) return null;
  const [a, b] = evaluators;
  const { scale } = protocol.response;
  const fas = efficacyPopulation(datasets.adsl, protocol);
  const concordance = computeResponseConcordance(datasets.adrs, a.id, b.id, scale, fas.ids, protocol.analysisPlan.confLevel);
  const count = (ids: readonly string[]) => countCell(ids, null);
  const rows = scale.categories.map((category, i) => {
    const line = concordance.pairs[i];
    return row(`category:${category.code}`, category.code, [...line.map(count), count(line.flat())]);
  });
  const totals = scale.categories.map((_, j) => concordance.pairs.flatMap((line) => line[j]));
  rows.push(row('total', 'Total', [...totals.map(count), count(concordance.subjects)], 0));
  const title = `Best confirmed overall response: ${a.label} (rows) by ${b.label} (columns)`;
  return reportTable({
    id: 't-response-concordance',
    title,
    population: population(`${fas.population.name}, assessed by both`, fas.population.flag, concordance.subjects.length),
    stubLabel: `${a.label} \\ ${b.label}`,
    columns: [...scale.categories.map((category) => column(`category:${category.code}`, category.code)), column('total', 'Total')],
    rows,
    footnotes: ['Diagonal cells are subjects given the same best response by both evaluators.'],
    abbreviations: abbreviationsFor(protocol, [title]),
    paperReference: paperReference(protocol, 't-response-concordance'),
  });
}
