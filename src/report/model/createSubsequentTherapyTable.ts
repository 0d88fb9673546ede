import { populationPhrase } from './populationPhrase.js';
import type { AdamDatasets, ProtocolDefinition } from '../../clinical/index.js';
import { baselinePopulation } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import { abbreviationsFor, paperReference } from './protocolTerms.js';
import { cell, column, headingRow, reportTable, row, type ReportRow, type ReportTable } from './reportTable.js';
import { missingValue } from './reportValue.js';

export const NOT_COLLECTED = 'not collected by this protocol';

/**
 * Subsequent anticancer therapy: subjects who started one before the data cutoff and, per agent (ADCM CMTRT),
 * the subjects who received it, n (%) of the baseline population, most frequent first. A protocol whose
 * forms have no new-therapy form does not collect it: the table then says so in a missing value with why,
 * rather than printing zeros. Rows 'any', 'agents' (heading), 'agent:<agent as recorded>'; column 'arm'.
 */
export function createSubsequentTherapyTable(datasets: Pick<AdamDatasets, 'adsl' | 'adcm'>, protocol: ProtocolDefinition): ReportTable {
  const baseline = baselinePopulation(datasets.adsl, protocol);
  const N = baseline.rows.length;
  const form = protocol.forms.find((f) => f.role === 'new-therapy');
  const title = `Subsequent anticancer therapy (${populationPhrase(baseline.population.name)})`;
  const label = 'Subjects with any subsequent anticancer therapy';
  const base = { id: 't-subsequent-therapy', title, population: baseline.population, stubLabel: 'Subsequent therapy', columns: [column('arm', protocol.identity.armLabel, N)], paperReference: paperReference(protocol, 't-subsequent-therapy') };
  if (form === undefined) {
    const footnotes = [`Subsequent anticancer therapy is ${NOT_COLLECTED}: none of its case report forms records therapy started after the study treatment.`];
    return reportTable({ ...base, rows: [row('any', label, [cell(missingValue(NOT_COLLECTED))], 0)], footnotes, abbreviations: abbreviationsFor(protocol, [title, ...footnotes]) });
  }
  const records = datasets.adcm.filter((r) => baseline.ids.has(r.USUBJID));
  const byAgent = new Map<string, { name: string; subjects: Set<string> }>();
  for (const r of records) {
    const key = r.CMTRT.toLowerCase();
    const entry = byAgent.get(key) ?? { name: r.CMTRT, subjects: new Set<string>() };
    entry.subjects.add(r.USUBJID);
    byAgent.set(key, entry);
  }
  const agents = [...byAgent.values()].sort((a, b) => b.subjects.size - a.subjects.size || a.name.localeCompare(b.name));
  const rows: ReportRow[] = [row('any', label, [countCell(records.map((r) => r.USUBJID), N)], 0)];
  if (agents.length > 0) rows.push(headingRow('agents', 'By agent'));
  for (const agent of agents) rows.push(row(`agent:${agent.name}`, agent.name, [countCell(agent.subjects, N)]));
  const footnotes = [
    `From the "${form.label}" form: therapies started on or before the data cutoff. A subject is counted once per agent and may have received several agents, so the agents may add up to more than the subjects.`,
  ];
  return reportTable({ ...base, rows, footnotes, abbreviations: abbreviationsFor(protocol, [title, ...footnotes]) });
}
