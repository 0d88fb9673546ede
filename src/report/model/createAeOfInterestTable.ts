import type { AdaeRow, AdslRow, AeGroup } from '../../clinical/index.js';
import { AE_GROUPS } from '../../clinical/index.js';
import { adverseEventTerms } from './adverseEventTerms.js';
import { analysisPopulation } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import type { ReportProtocol } from './reportProtocol.js';
import { column, reportTable, row, type ReportRow, type ReportTable } from './reportTable.js';

/**
 * Adverse events of special interest (ADAE AEGRPS, groups of clinical/adam AE_GROUPS): per group and per
 * preferred term within it, subjects with any TEAE, a related TEAE, and a related grade >= 3 TEAE.
 */
export function createAeOfInterestTable(
  adsl: readonly AdslRow[],
  adae: readonly AdaeRow[],
  protocol: ReportProtocol,
  groups: readonly AeGroup[] = AE_GROUPS,
): ReportTable {
  const safety = analysisPopulation(adsl, 'SAFFL');
  const N = safety.rows.length;
  const related = (r: AdaeRow): boolean => r.RELPOMFL === 'Y';
  const rows: ReportRow[] = [];
  for (const group of groups) {
    const inGroup = (r: AdaeRow): boolean => r.AEGRPS.includes(group.id);
    const teae = adae.filter((r) => safety.ids.has(r.USUBJID) && r.TRTEMFL === 'Y' && inGroup(r));
    rows.push(
      row(
        group.label,
        [
          countCell(teae.map((r) => r.USUBJID), N),
          countCell(teae.filter(related).map((r) => r.USUBJID), N),
          countCell(teae.filter((r) => related(r) && r.AETOXGR >= 3).map((r) => r.USUBJID), N),
        ],
        0,
      ),
    );
    const all = adverseEventTerms(adae, safety.ids, inGroup);
    const relatedTerms = new Map(adverseEventTerms(adae, safety.ids, (r) => inGroup(r) && related(r)).map((t) => [t.term.toLowerCase(), t]));
    for (const term of all) {
      const rel = relatedTerms.get(term.term.toLowerCase());
      rows.push(row(term.term, [countCell(term.anyGrade, N), countCell(rel?.anyGrade ?? [], N), countCell(rel?.grade3OrMore ?? [], N)], 1));
    }
  }
  const drug = protocol.investigationalDrugLabel;
  return reportTable({
    id: 't-ae-interest',
    title: 'Adverse events of special interest (safety population)',
    population: safety.population,
    stubLabel: 'Group / preferred term',
    columns: [column('teae', 'Any TEAE', N), column('related', `${drug}-related`, N), column('related-grade3', `${drug}-related grade ≥ 3`, N)],
    rows,
    footnotes: ['Groups are defined by MedDRA preferred terms and system organ classes (clinical/adam AE_GROUPS). Subjects counted once per row.'],
    abbreviations: ['TEAE treatment-emergent adverse event'],
  });
}
