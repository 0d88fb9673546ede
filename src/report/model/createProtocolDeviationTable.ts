import { populationPhrase } from './populationPhrase.js';
import type { AdamDatasets, ProtocolDefinition } from '../../clinical/index.js';
import { baselinePopulation } from './analysisPopulation.js';
import { NOT_COLLECTED } from './createSubsequentTherapyTable.js';
import { abbreviationsFor, paperReference } from './protocolTerms.js';
import { cell, column, reportTable, row, type ReportTable } from './reportTable.js';
import { missingValue } from './reportValue.js';

/** The SDTM domain of protocol deviations: a form annotated with it is a deviation log. */
const DEVIATION_DOMAIN = 'DV';

/**
 * Protocol deviations. A protocol collects them on a form annotated with the SDTM DV domain; no analysis
 * dataset carries deviations yet, so the row is a missing value with why in every case: 'not collected by
 * this protocol' when no such form exists, or collected but not derived for analysis when one does. Never a
 * zero, which would claim that no deviation happened. Row 'any'; column 'arm'.
 */
export function createProtocolDeviationTable(datasets: Pick<AdamDatasets, 'adsl'>, protocol: ProtocolDefinition): ReportTable {
  const baseline = baselinePopulation(datasets.adsl, protocol);
  const N = baseline.rows.length;
  const form = protocol.forms.find((f) => f.sdtmDomain === DEVIATION_DOMAIN);
  const reason = form === undefined ? NOT_COLLECTED : `collected on the "${form.label}" form but not derived into an analysis dataset`;
  const title = `Protocol deviations (${populationPhrase(baseline.population.name)})`;
  const footnotes = [
    form === undefined
      ? `Protocol deviations are ${NOT_COLLECTED}: none of its case report forms is a deviation log, so they cannot be counted (NE); the absence of a count does not mean that none occurred.`
      : `Protocol deviations are ${reason}: they cannot be counted here (NE).`,
  ];
  return reportTable({
    id: 't-protocol-deviations',
    title,
    population: baseline.population,
    stubLabel: 'Protocol deviations',
    columns: [column('arm', protocol.identity.armLabel, N)],
    rows: [row('any', 'Subjects with at least one important protocol deviation', [cell(missingValue(reason))], 0)],
    footnotes,
    abbreviations: abbreviationsFor(protocol, [title, ...footnotes], ['NE not estimable (not collected)']),
    paperReference: paperReference(protocol, 't-protocol-deviations'),
  });
}
