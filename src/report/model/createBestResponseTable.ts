import { populationPhrase } from './populationPhrase.js';
import type { AdamDatasets, ProtocolDefinition } from '../../clinical/index.js';
import { efficacyPopulation } from './analysisPopulation.js';
import { bestResponses, diseaseControlled, responders, subjectsWithResponse } from './bestResponse.js';
import { countCell } from './countCell.js';
import { abbreviationsFor, categoryLabel, evaluatorColumnId, evaluatorsOf, paperReference } from './protocolTerms.js';
import { computeResponseConcordance } from './responseConcordance.js';
import { cell, column, headingRow, reportTable, row, type ReportCell, type ReportRow, type ReportTable } from './reportTable.js';
import { coefficientValue, EMPTY_VALUE, missingValue, numberValue } from './reportValue.js';

/**
 * Best confirmed overall response per evaluator side by side (a column each, the primary first): one row per
 * category of the protocol's response scale ('category:<code>'), the objective response ('orr') and disease
 * control ('dcr') as the scale defines them, and, with a second evaluator, the concordance of the first two
 * ('concordance:agreement', ':kappa', ':kappa-se'): agreement and Cohen's kappa with its asymptotic SE and CI.
 */
export function createBestResponseTable(datasets: Pick<AdamDatasets, 'adsl' | 'adrs'>, protocol: ProtocolDefinition): ReportTable {
  const fas = efficacyPopulation(datasets.adsl, protocol);
  const N = fas.rows.length;
  const { scale } = protocol.response;
  const { confLevel } = protocol.analysisPlan;
  const evaluators = evaluatorsOf(protocol);
  const bors = evaluators.map((e) => bestResponses(datasets.adrs, e.id, fas.ids));
  const perEvaluator = (pick: (bor: (typeof bors)[number]) => readonly string[]): ReportCell[] => bors.map((bor) => countCell(pick(bor), N));
  const blank = (): ReportCell[] => evaluators.slice(1).map(() => cell(EMPTY_VALUE));
  const rows: ReportRow[] = [
    headingRow('bor', 'Best confirmed overall response, n (%)'),
    ...scale.categories.map((category) => row(`category:${category.code}`, categoryLabel(category), perEvaluator((bor) => subjectsWithResponse(bor, fas.ids, category.code, scale)))),
    row('orr', `Overall response (${scale.responderLabel}), n (%)`, perEvaluator(responders), 0),
    row('dcr', `Disease control (${scale.diseaseControlLabel}), n (%)`, perEvaluator(diseaseControlled), 0),
  ];
  const footnotes = [`A subject without a post-baseline assessment is not evaluable (${scale.notEvaluable}).`];
  if (evaluators.length >= 2) {
    const [a, b] = evaluators;
    const concordance = computeResponseConcordance(datasets.adrs, a.id, b.id, scale, fas.ids, confLevel);
    const kappa = concordance.kappa;
    rows.push(
      headingRow('concordance', `Concordance of ${a.label} and ${b.label}`),
      row('concordance:agreement', 'Same best response, n (%)', [countCell(concordance.agreeing, concordance.subjects.length), ...blank()]),
      row('concordance:kappa', "Cohen's kappa (CI)", [
        kappa === null
          ? cell(missingValue(concordance.subjects.length === 0 ? 'no subject assessed by both' : 'kappa is undefined (one category only)'))
          : cell(coefficientValue({ statistic: 'cohen-kappa', estimate: kappa.kappa ?? 0, lower: kappa.lower, upper: kappa.upper, standardError: kappa.stdErr, confLevel }), concordance.subjects),
        ...blank(),
      ]),
      row('concordance:kappa-se', 'Kappa asymptotic SE', [
        kappa === null || kappa.stdErr === null ? cell(missingValue('kappa is not estimable')) : cell(numberValue(kappa.stdErr, { decimals: 4 }), concordance.subjects),
        ...blank(),
      ]),
    );
    footnotes.push(
      `Cohen's simple kappa over the ${scale.categories.length} categories of ${scale.name}, Wald CI from the asymptotic SE (Fleiss, Cohen and Everitt 1969), as SAS PROC FREQ AGREE.`,
    );
  }
  const title = `Best confirmed overall response by ${evaluators.map((e) => e.label).join(' and by ')} (${populationPhrase(fas.population.name)})`;
  return reportTable({
    id: 't-best-response',
    title,
    population: fas.population,
    stubLabel: `Response per ${scale.name}`,
    columns: evaluators.map((e) => column(evaluatorColumnId(e), e.label, N)),
    rows,
    footnotes,
    abbreviations: abbreviationsFor(protocol, [title, scale.name, ...rows.map((r) => r.label)]),
    paperReference: paperReference(protocol, 't-best-response'),
  });
}
