import type { AdrsRow, AdslRow } from '../../clinical/index.js';
import { RESPONSE_CATEGORIES } from '../../clinical/index.js';
import { analysisPopulation } from './analysisPopulation.js';
import { computeResponseConcordance } from './responseConcordance.js';
import { cell, column, population, reportTable, row, type ReportTable } from './reportTable.js';

/** The IRC x investigator cross-table of best response (rows IRC, columns investigator), counts per cell. */
export function createResponseConcordanceTable(adsl: readonly AdslRow[], adrs: readonly AdrsRow[], confLevel: number): ReportTable {
  const fas = analysisPopulation(adsl, 'FASFL');
  const concordance = computeResponseConcordance(adrs, fas.ids, confLevel);
  const count = (ids: readonly string[]) => cell(String(ids.length), ids.length, ids);
  const rows = RESPONSE_CATEGORIES.map((category, i) => {
    const line = concordance.pairs[i];
    return row(category, [...line.map(count), count(line.flat())]);
  });
  const totals = RESPONSE_CATEGORIES.map((_, j) => concordance.pairs.flatMap((line) => line[j]));
  rows.push(row('Total', [...totals.map(count), count(concordance.subjects)], 0));
  return reportTable({
    id: 't-response-concordance',
    title: 'Best confirmed overall response: IRC (rows) by investigator (columns)',
    population: population('Full analysis set, assessed by both', 'FASFL', concordance.subjects.length),
    stubLabel: 'IRC \\ Investigator',
    columns: [...RESPONSE_CATEGORIES.map((category) => column(category, category)), column('total', 'Total')],
    rows,
    footnotes: ['Diagonal cells are subjects given the same best response by both evaluators.'],
  });
}
