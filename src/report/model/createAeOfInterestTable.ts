import { populationPhrase } from './populationPhrase.js';
import type { AdaeRow, AdamDatasets, ProtocolDefinition } from '../../clinical/index.js';
import { adverseEventTerms } from './adverseEventTerms.js';
import { safetyPopulation } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import { abbreviationsFor, investigationalLabel, paperReference } from './protocolTerms.js';
import { column, reportTable, row, type ReportRow, type ReportTable } from './reportTable.js';

/**
 * Adverse events of special interest (the protocol's AE groups, ADAE AEGRPS): per group and per preferred
 * term within it, subjects with any TEAE, a TEAE related to an investigational drug, and a related grade >= 3
 * TEAE. Rows 'group:<group id>' and 'group:<group id>:term:<preferred term>'; columns 'teae', 'related',
 * 'related-grade3'.
 */
export function createAeOfInterestTable(datasets: Pick<AdamDatasets, 'adsl' | 'adae'>, protocol: ProtocolDefinition): ReportTable {
  const safety = safetyPopulation(datasets.adsl, protocol);
  const N = safety.rows.length;
  const { adae } = datasets;
  const related = (r: AdaeRow): boolean => r.RELINVFL === 'Y';
  const rows: ReportRow[] = [];
  // The population's treatment-emergent events, found once for every group (each of which reads them thrice).
  const emergent = adae.filter((r) => safety.ids.has(r.USUBJID) && r.TRTEMFL === 'Y');
  for (const group of protocol.aeGroups) {
    const inGroup = (r: AdaeRow): boolean => r.AEGRPS.includes(group.id);
    const teae = emergent.filter(inGroup);
    rows.push(
      row(
        `group:${group.id}`,
        group.label,
        [
          countCell(teae.map((r) => r.USUBJID), N),
          countCell(teae.filter(related).map((r) => r.USUBJID), N),
          countCell(teae.filter((r) => related(r) && r.AETOXGR >= 3).map((r) => r.USUBJID), N),
        ],
        0,
      ),
    );
    const relatedTerms = new Map(adverseEventTerms(emergent, safety.ids, (r) => inGroup(r) && related(r)).map((t) => [t.term.toLowerCase(), t]));
    for (const term of adverseEventTerms(emergent, safety.ids, inGroup)) {
      const rel = relatedTerms.get(term.term.toLowerCase());
      rows.push(row(`group:${group.id}:term:${term.term}`, term.term, [countCell(term.anyGrade, N), countCell(rel?.anyGrade ?? [], N), countCell(rel?.grade3OrMore ?? [], N)], 1));
    }
  }
  const drug = investigationalLabel(protocol);
  const title = `Adverse events of special interest (${populationPhrase(safety.population.name)})`;
  return reportTable({
    id: 't-ae-interest',
    title,
    population: safety.population,
    stubLabel: 'Group / preferred term',
    columns: [column('teae', 'Any TEAE', N), column('related', `${drug}-related`, N), column('related-grade3', `${drug}-related grade ≥ 3`, N)],
    rows,
    footnotes: ["Groups are defined by MedDRA preferred terms and system organ classes (the protocol's AE groups). Subjects counted once per row."],
    abbreviations: abbreviationsFor(protocol, [title], ['TEAE treatment-emergent adverse event']),
    paperReference: paperReference(protocol, 't-ae-interest'),
  });
}
