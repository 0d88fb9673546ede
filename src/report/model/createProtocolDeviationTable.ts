import { populationPhrase } from './populationPhrase.js';
import { findDeviationForm, type AdamDatasets, type AddvRow, type ProtocolDefinition } from '../../clinical/index.js';
import { analysisPopulation, baselinePopulationFlag } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import { NOT_COLLECTED } from './createSubsequentTherapyTable.js';
import { abbreviationsFor, paperReference } from './protocolTerms.js';
import { cell, column, headingRow, reportTable, row, type ReportRow, type ReportTable } from './reportTable.js';
import { missingValue } from './reportValue.js';

/** The population deviations are counted over: every enrolled subject (ICH E3 10.2), else the baseline one. */
export function deviationPopulationFlag(protocol: ProtocolDefinition): string {
  return protocol.analysisSets.find((set) => set.rule.kind === 'enrolled')?.flag ?? baselinePopulationFlag(protocol);
}

/** The label of a code of the protocol's deviation categories (the code list of the log's category field). */
export function deviationCategoryLabels(protocol: ProtocolDefinition): ReadonlyMap<string, string> {
  const form = findDeviationForm(protocol.forms);
  const field = form?.fields.find((f) => f.key === 'category');
  const id = field !== undefined && field.type === 'code' ? field.codelist : undefined;
  return new Map((protocol.codelists.find((c) => c.id === id)?.items ?? []).map((item) => [item.code, item.label]));
}

/**
 * Protocol deviations (ADDV, from the protocol's deviation log: the form of SDTM domain DV) over the enrolled
 * subjects: subjects with at least one deviation, then by category (in the order of the protocol's code list,
 * a recorded code it does not list after them), each as any / major / minor. Columns 'arm' (any deviation),
 * 'major', 'minor'; rows 'any', 'category' (heading), 'category:<code>'. A protocol that keeps no deviation
 * log gets a missing value with why ('not collected by this protocol'), never a zero, which would claim that
 * no deviation happened.
 */
export function createProtocolDeviationTable(datasets: Pick<AdamDatasets, 'adsl' | 'addv'>, protocol: ProtocolDefinition): ReportTable {
  const enrolled = analysisPopulation(datasets.adsl, protocol, deviationPopulationFlag(protocol));
  const N = enrolled.rows.length;
  const form = findDeviationForm(protocol.forms);
  const title = `Protocol deviations (${populationPhrase(enrolled.population.name)})`;
  if (form === undefined) {
    const footnotes = [
      `Protocol deviations are ${NOT_COLLECTED}: none of its case report forms is a deviation log, so they cannot be counted (NE); the absence of a count does not mean that none occurred.`,
    ];
    return reportTable({
      id: 't-protocol-deviations',
      title,
      population: enrolled.population,
      stubLabel: 'Protocol deviations',
      columns: [column('arm', protocol.identity.armLabel, N)],
      rows: [row('any', 'Subjects with at least one protocol deviation', [cell(missingValue(NOT_COLLECTED))], 0)],
      footnotes,
      abbreviations: abbreviationsFor(protocol, [title, ...footnotes], ['NE not estimable (not collected)']),
      paperReference: paperReference(protocol, 't-protocol-deviations'),
    });
  }
  const deviations = datasets.addv.filter((r) => enrolled.ids.has(r.USUBJID));
  const cells = (rows: readonly AddvRow[]) => [
    countCell(rows.map((r) => r.USUBJID), N),
    countCell(rows.filter((r) => r.DVSEV === 'MAJOR').map((r) => r.USUBJID), N),
    countCell(rows.filter((r) => r.DVSEV === 'MINOR').map((r) => r.USUBJID), N),
  ];
  const labels = deviationCategoryLabels(protocol);
  const recorded = [...new Set(deviations.map((r) => r.DVCAT))];
  const categories = [...labels.keys(), ...recorded.filter((code) => !labels.has(code)).sort()];
  const rows: ReportRow[] = [
    row('any', 'Subjects with at least one protocol deviation', cells(deviations), 0),
    headingRow('category', 'By category'),
    ...categories.map((code) => row(`category:${code}`, labels.get(code) ?? code, cells(deviations.filter((r) => r.DVCAT === code)), 1)),
  ];
  const footnotes = [
    `From the "${form.label}" form (SDTM DV), deviations dated up to the data cutoff. n = subjects with at least one deviation of the row (a subject counts once per row and column; the columns and the categories overlap). Major: an important deviation (ICH E3 10.2), one that may affect the subject's rights, safety or well-being, or the reliability of the data.`,
  ];
  return reportTable({
    id: 't-protocol-deviations',
    title,
    population: enrolled.population,
    stubLabel: 'Protocol deviations',
    columns: [column('arm', 'Any deviation', N), column('major', 'Major', N), column('minor', 'Minor', N)],
    rows,
    footnotes,
    abbreviations: abbreviationsFor(protocol, [title, ...footnotes], []),
    paperReference: paperReference(protocol, 't-protocol-deviations'),
  });
}
