import { populationPhrase } from './populationPhrase.js';
import type { AdamDatasets, ProtocolDefinition, StudyDesign } from '../../clinical/index.js';
import { formatConfLevel } from '../format/index.js';
import { efficacyPopulation } from './analysisPopulation.js';
import { bestResponses, diseaseControlled, responders } from './bestResponse.js';
import { countCell } from './countCell.js';
import { abbreviationsFor, evaluatorColumnId, evaluatorsOf, paperReference } from './protocolTerms.js';
import { binomialPCell, proportionCell } from './rateCells.js';
import { column, headingRow, reportTable, row, type ReportTable } from './reportTable.js';

/** Which design p0 comes from, for the footnote. */
function designNote(design: StudyDesign): string {
  return design.kind === 'simon-two-stage'
    ? `Simon's ${design.optimality} two-stage design (stage 1: ${design.n1} subjects, stop with ${design.r1} or fewer responses; overall: ${design.n} subjects, ${design.r} or fewer responses rejects the regimen)`
    : `the sample-size calculation (exact single-stage design, ${design.sampleSize} evaluable subjects)`;
}

/**
 * The primary endpoint: objective response and disease control (as the protocol's response scale defines
 * them) with Clopper-Pearson exact CIs and the exact one-sided binomial test of H0: rate <= p0 (the design's
 * null rate), per evaluator (the primary first). Rows: heading 'orr' with 'orr:count' (count),
 * 'orr:rate' (proportion with CI) and 'orr:p' (P); under 'dcr' the count and rate only (the design's p0 is
 * the response rate's null, not the disease control rate's). Columns: the evaluators' ids in
 * lower case ('irc').
 */
export function createResponseRateTable(datasets: Pick<AdamDatasets, 'adsl' | 'adrs'>, protocol: ProtocolDefinition): ReportTable {
  const fas = efficacyPopulation(datasets.adsl, protocol);
  const N = fas.rows.length;
  const denominator = [...fas.ids];
  const { confLevel, design } = protocol.analysisPlan;
  const { p0 } = design;
  const { scale } = protocol.response;
  const evaluators = evaluatorsOf(protocol);
  const bors = evaluators.map((e) => bestResponses(datasets.adrs, e.id, fas.ids));
  const block = (key: 'orr' | 'dcr', label: string, pick: (bor: (typeof bors)[number]) => string[]) => {
    const numerators = bors.map(pick);
    return [
      headingRow(key, label),
      row(`${key}:count`, 'n (%)', numerators.map((ids) => countCell(ids, N))),
      row(`${key}:rate`, `Rate (${formatConfLevel(confLevel)} exact CI)`, numerators.map((ids) => proportionCell(ids, N, p0, confLevel))),
      // The design's p0 is the null rate of the response rate: the disease control rate is not tested against it.
      ...(key === 'orr' ? [row(`${key}:p`, `One-sided exact binomial P, H0: rate ≤ ${p0}`, numerators.map((ids) => binomialPCell(new Set(ids).size, denominator, p0, confLevel)))] : []),
    ];
  };
  const title = `Overall response rate and disease control rate (${populationPhrase(fas.population.name)})`;
  const columns = evaluators.map((e, i) => column(evaluatorColumnId(e), i === 0 ? `${e.label} (primary)` : e.label, N));
  return reportTable({
    id: 't-response-rate',
    title,
    population: fas.population,
    stubLabel: 'Endpoint',
    columns,
    rows: [...block('orr', `Overall response rate (${scale.responderLabel})`, responders), ...block('dcr', `Disease control rate (${scale.diseaseControlLabel})`, diseaseControlled)],
    footnotes: [
      `Response per ${scale.name}.`,
      'Exact (Clopper-Pearson) two-sided confidence intervals.',
      `Exact binomial test of the overall response rate against the null response rate p0 = ${p0} of ${designNote(design)} (one-sided). The design sets no null rate for the disease control rate, which is therefore not tested.`,
    ],
    abbreviations: abbreviationsFor(protocol, [title, scale.name, ...columns.map((c) => c.label)], ['ORR overall response rate', 'DCR disease control rate']),
    paperReference: paperReference(protocol, 't-response-rate'),
  });
}
