import { populationPhrase } from './populationPhrase.js';
import type { AdamDatasets, AddvRow, ProtocolDefinition } from '../../clinical/index.js';
import { analysisPopulation } from './analysisPopulation.js';
import { deviationCategoryLabels, deviationPopulationFlag } from './createProtocolDeviationTable.js';
import { abbreviationsFor, paperReference } from './protocolTerms.js';
import { cell, column, reportTable, row, textCell, type ReportTable } from './reportTable.js';
import { dateValue, EMPTY_VALUE, numberValue } from './reportValue.js';

/**
 * Listing of every protocol deviation of the enrolled subjects (ADDV; one row per deviation, key
 * '<USUBJID>:<DVSEQ>'), by subject and date: date, study day, visit, category (the label of the protocol's
 * code), major or minor, what happened and the action taken. Empty (no rows) when the protocol keeps no log;
 * the deviations table says so.
 */
export function createProtocolDeviationListing(datasets: Pick<AdamDatasets, 'adsl' | 'addv'>, protocol: ProtocolDefinition): ReportTable {
  const enrolled = analysisPopulation(datasets.adsl, protocol, deviationPopulationFlag(protocol));
  const labels = deviationCategoryLabels(protocol);
  const deviations = datasets.addv
    .filter((r) => enrolled.ids.has(r.USUBJID))
    .slice()
    .sort((a, b) => a.USUBJID.localeCompare(b.USUBJID) || a.DVSEQ - b.DVSEQ);
  const text = (value: string, r: AddvRow) => textCell(value, [r.USUBJID]);
  const title = `Listing of protocol deviations (${populationPhrase(enrolled.population.name)})`;
  return reportTable({
    id: 'l-protocol-deviations',
    title,
    population: enrolled.population,
    stubLabel: 'Subject',
    columns: [
      column('date', 'Date'),
      column('day', 'Study day'),
      column('visit', 'Visit'),
      column('category', 'Category'),
      column('severity', 'Severity'),
      column('description', 'What happened'),
      column('action', 'Action taken'),
    ],
    rows: deviations.map((r) =>
      row(
        `${r.USUBJID}:${r.DVSEQ}`,
        r.USUBJID,
        [
          cell(dateValue(r.ASTDT), [r.USUBJID]),
          r.ASTDY === null ? cell(EMPTY_VALUE) : cell(numberValue(r.ASTDY, { decimals: 0 }), [r.USUBJID]),
          text(r.VISIT ?? '', r),
          text(labels.get(r.DVCAT) ?? r.DVCAT, r),
          text(r.DVSEV === 'MAJOR' ? 'Major' : 'Minor', r),
          text(r.DVTERM, r),
          text(r.DVACTION ?? '', r),
        ],
        0,
      ),
    ),
    footnotes: [
      ...(deviations.length === 0 ? ['No protocol deviation was recorded up to the data cutoff.'] : []),
      'Study day 1 is the day of the first dose. Major: an important deviation (ICH E3 10.2).',
    ],
    abbreviations: abbreviationsFor(protocol, [title], []),
    paperReference: paperReference(protocol, 'l-protocol-deviations'),
  });
}
