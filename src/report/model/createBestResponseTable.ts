import type { AdrsRow, AdslRow } from '../../clinical/index.js';
import { RESPONSE_CATEGORIES } from '../../clinical/index.js';
import { analysisPopulation } from './analysisPopulation.js';
import { bestResponses, diseaseControlled, RESPONSE_LABELS, responders, subjectsWithResponse } from './bestResponse.js';
import { countCell } from './countCell.js';
import { formatCoefficientCi } from './format.js';
import { computeResponseConcordance } from './responseConcordance.js';
import { cell, column, headingRow, reportTable, row, textCell, type ReportTable } from './reportTable.js';

/**
 * Best confirmed overall response by the IRC and by the investigator side by side (paper Supplemental
 * Table 1), with ORR, DCR and the concordance of the two: agreement and Cohen's kappa with its
 * asymptotic SE and CI over the eight IMWG categories.
 */
export function createBestResponseTable(adsl: readonly AdslRow[], adrs: readonly AdrsRow[], confLevel: number): ReportTable {
  const fas = analysisPopulation(adsl, 'FASFL');
  const N = fas.rows.length;
  const irc = bestResponses(adrs, 'IRC', fas.ids);
  const inv = bestResponses(adrs, 'INVESTIGATOR', fas.ids);
  const concordance = computeResponseConcordance(adrs, fas.ids, confLevel);
  const kappa = concordance.kappa;
  const rows = [
    headingRow('Best confirmed overall response, n (%)'),
    ...RESPONSE_CATEGORIES.map((category) =>
      row(RESPONSE_LABELS[category], [countCell(subjectsWithResponse(irc, fas.ids, category), N), countCell(subjectsWithResponse(inv, fas.ids, category), N)]),
    ),
    row('Overall response (PR or better), n (%)', [countCell(responders(irc), N), countCell(responders(inv), N)], 0),
    row('Disease control (MR or better, or SD), n (%)', [countCell(diseaseControlled(irc), N), countCell(diseaseControlled(inv), N)], 0),
    headingRow('Concordance of IRC and investigator'),
    row('Same best response, n (%)', [countCell(concordance.agreeing, concordance.subjects.length), textCell('')]),
    row(
      "Cohen's kappa (CI)",
      [kappa === null ? textCell('NE') : cell(formatCoefficientCi(kappa.kappa, kappa.lower, kappa.upper, confLevel), kappa.kappa, concordance.subjects), textCell('')],
    ),
    row('Kappa asymptotic SE', [kappa === null || kappa.stdErr === null ? textCell('NE') : cell(kappa.stdErr.toFixed(4), kappa.stdErr, concordance.subjects), textCell('')]),
  ];
  return reportTable({
    id: 't-best-response',
    title: 'Best confirmed overall response by IRC and by investigator (full analysis set)',
    population: fas.population,
    stubLabel: 'Response per IMWG 2016',
    columns: [column('irc', 'IRC', N), column('investigator', 'Investigator', N)],
    rows,
    footnotes: [
      'A subject without a post-baseline assessment is not evaluable (NE).',
      "Cohen's simple kappa over the eight IMWG categories, Wald CI from the asymptotic SE (Fleiss, Cohen and Everitt 1969), as SAS PROC FREQ AGREE.",
    ],
    abbreviations: ['IRC independent review committee', 'IMWG International Myeloma Working Group'],
    paperReference: 'Supplemental Table 1',
  });
}
