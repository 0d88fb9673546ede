import { populationPhrase } from './populationPhrase.js';
import type { AdamDatasets, AdexParamcd, ProtocolDefinition } from '../../clinical/index.js';
import { adexParameters } from './adexParameters.js';
import { safetyPopulation } from './analysisPopulation.js';
import { abbreviationsFor, paperReference } from './protocolTerms.js';
import { headingRow, reportTable, row, type ReportRow, type ReportTable } from './reportTable.js';
import { SUMMARY_COLUMNS, SUMMARY_FOOTNOTE, summaryCells } from './summaryCells.js';

/** The regimen-wide parameters, then the per-drug ones (ADEX PARAMCD), each summarised over subjects. */
const REGIMEN_PARAMETERS: readonly AdexParamcd[] = ['TRTDURD', 'CYCLES'];
const DRUG_PARAMETERS: readonly AdexParamcd[] = ['CUMDOSE', 'DI', 'RDI'];

/**
 * Extent of exposure as continuous summaries (n, mean, standard deviation, median, Q1, Q3, min, max) over the safety
 * population, from ADEX: duration of treatment and cycles for the regimen, then per drug of the regimen the
 * cumulative dose, dose intensity per cycle and relative dose intensity. Rows '<PARAMCD>' (regimen),
 * '<drug>' (heading), '<drug>:<PARAMCD>'; columns as the other summary tables.
 */
export function createExposureSummaryTable(datasets: Pick<AdamDatasets, 'adsl' | 'adex'>, protocol: ProtocolDefinition): ReportTable {
  const safety = safetyPopulation(datasets.adsl, protocol);
  const parameters = adexParameters(datasets.adex, safety.ids);
  const summary = (extrt: string, paramcd: AdexParamcd, key: string, indent: number): ReportRow | null => {
    const records = parameters.firstBySubject(extrt, paramcd);
    const first = records.values().next().value;
    if (first === undefined) return null;
    const unit = first.AVALU ?? undefined;
    const name = first.PARAM.replace(/\s*\(%\)$/, '');
    // ADEX names some units in PARAM already ('Duration of treatment (days, first to last dose)').
    const label = unit === undefined || name.includes(unit) ? name : `${name} (${unit})`;
    return row(key, label, summaryCells(safety.rows.map((r) => ({ id: r.USUBJID, value: records.get(r.USUBJID)?.AVAL ?? null })), unit), indent);
  };
  const rows: ReportRow[] = [];
  for (const paramcd of REGIMEN_PARAMETERS) {
    const item = summary('ALL', paramcd, paramcd, 0);
    if (item !== null) rows.push(item);
  }
  for (const drug of protocol.regimen.drugs) {
    const items = DRUG_PARAMETERS.map((paramcd) => summary(drug.id, paramcd, `${drug.id}:${paramcd}`, 1)).filter((r): r is ReportRow => r !== null);
    if (items.length === 0) continue;
    rows.push(headingRow(drug.id, drug.label), ...items);
  }
  const title = `Extent of exposure, continuous summaries (${populationPhrase(safety.population.name)})`;
  const footnotes = [
    SUMMARY_FOOTNOTE,
    `Duration of treatment: first to last dose, in days. Dose intensity: dose received per ${protocol.regimen.cycleLengthDays}-day cycle, from the first dose to the end of the last cycle started or the data cutoff; relative dose intensity: cumulative dose received over the dose planned for the cycles started, in percent, both up to the data cutoff.`,
  ];
  return reportTable({
    id: 't-exposure-summary',
    title,
    population: safety.population,
    stubLabel: 'Parameter',
    columns: SUMMARY_COLUMNS,
    rows,
    footnotes,
    abbreviations: abbreviationsFor(protocol, [title, ...rows.map((r) => r.label)], ['Q1, Q3 first and third quartiles']),
    paperReference: paperReference(protocol, 't-exposure-summary'),
  });
}
