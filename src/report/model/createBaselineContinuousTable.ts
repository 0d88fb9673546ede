import { populationPhrase } from './populationPhrase.js';
import type { AdamDatasets, AdslRow, ProtocolDefinition } from '../../clinical/index.js';
import { baselinePopulation } from './analysisPopulation.js';
import { labAnalyteLabel } from './labAnalyteLabels.js';
import { abbreviationsFor, paperReference } from './protocolTerms.js';
import { headingRow, reportTable, row, type ReportRow, type ReportTable } from './reportTable.js';
import { SUMMARY_COLUMNS, SUMMARY_FOOTNOTE, summaryCells } from './summaryCells.js';

/** 'Age, year, median (range)' -> 'Age, year': the plan's label without the statistic it names. */
function variableLabel(label: string): string {
  return label.replace(/,?\s*median\s*\(range\)/i, '').trim();
}

/**
 * Continuous baseline characteristics with the full summary a statistician expects (n, mean, standard deviation, median,
 * Q1, Q3, min, max) beside the paper's median (range): every continuous characteristic of the plan (ADSL),
 * then the baseline value (ADLB ABLFL) of every laboratory analyte the trial measured, in SI units. Same
 * population as the baseline table. Rows '<VAR>' (the plan's ADSL variable), 'labs' (heading), 'lab:<PARAMCD>';
 * columns 'n', 'mean', 'sd', 'median', 'q1', 'q3', 'min', 'max'.
 */
export function createBaselineContinuousTable(datasets: Pick<AdamDatasets, 'adsl' | 'adlb'>, protocol: ProtocolDefinition): ReportTable {
  const baseline = baselinePopulation(datasets.adsl, protocol);
  const numeric = (r: AdslRow, variable: string): number | null => {
    const value = r[variable];
    return typeof value === 'number' ? value : null;
  };
  const rows: ReportRow[] = [];
  for (const item of protocol.analysisPlan.baselineCharacteristics) {
    if (item.kind !== 'continuous') continue;
    rows.push(row(item.variable, variableLabel(item.label), summaryCells(baseline.rows.map((r) => ({ id: r.USUBJID, value: numeric(r, item.variable) }))), 0));
  }
  const baselineLabs = datasets.adlb.filter((r) => r.ABLFL === 'Y' && baseline.ids.has(r.USUBJID));
  const analytes = [...new Set(baselineLabs.map((r) => r.PARAMCD))].sort((a, b) => labAnalyteLabel(a).localeCompare(labAnalyteLabel(b)));
  if (analytes.length > 0) rows.push(headingRow('labs', 'Baseline laboratory values'));
  for (const paramcd of analytes) {
    const records = baselineLabs.filter((r) => r.PARAMCD === paramcd);
    const value = new Map(records.map((r) => [r.USUBJID, r.AVAL]));
    const unit = records[0].AVALU;
    rows.push(row(`lab:${paramcd}`, `${labAnalyteLabel(paramcd)} (${unit})`, summaryCells(baseline.rows.map((r) => ({ id: r.USUBJID, value: value.get(r.USUBJID) ?? null })), unit)));
  }
  const title = `Continuous baseline characteristics (${populationPhrase(baseline.population.name)})`;
  const footnotes = [SUMMARY_FOOTNOTE, 'Baseline laboratory value: the last value on or before the first dose, in SI units.'];
  return reportTable({
    id: 't-baseline-continuous',
    title,
    population: baseline.population,
    stubLabel: 'Characteristic',
    columns: SUMMARY_COLUMNS,
    rows,
    footnotes,
    abbreviations: abbreviationsFor(protocol, [title, ...rows.map((r) => r.label)], ['Q1, Q3 first and third quartiles', 'SI International System of Units']),
    paperReference: paperReference(protocol, 't-baseline-continuous'),
  });
}
