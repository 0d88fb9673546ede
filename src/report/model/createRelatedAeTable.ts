import type { AdaeRow, AdslRow } from '../../clinical/index.js';
import { adverseEventTerms } from './adverseEventTerms.js';
import { analysisPopulation } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import { formatPercent } from './format.js';
import type { ReportProtocol } from './reportProtocol.js';
import { column, reportTable, row, type ReportTable } from './reportTable.js';

/**
 * Table 3 of the paper: treatment-related (investigational drug) TEAEs by preferred term in at least the
 * protocol's threshold of subjects at any grade, with the grade >= 3 count, sorted by frequency.
 */
export function createRelatedAeTable(adsl: readonly AdslRow[], adae: readonly AdaeRow[], protocol: ReportProtocol): ReportTable {
  const safety = analysisPopulation(adsl, 'SAFFL');
  const N = safety.rows.length;
  const terms = adverseEventTerms(adae, safety.ids, (r) => r.RELPOMFL === 'Y').filter((t) => N > 0 && t.anyGrade.length / N >= protocol.aeTermThreshold);
  const threshold = `≥ ${formatPercent(protocol.aeTermThreshold, 0)}% in frequency`;
  return reportTable({
    id: 't-related-ae',
    title: `${protocol.investigationalDrugLabel} treatment-related adverse events (TRAEs) (safety population)`,
    population: safety.population,
    stubLabel: 'Preferred terms',
    columns: [column('any', `All grades TRAEs (${threshold})`, N), column('grade3', 'Grade ≥ 3 TRAEs', N)],
    rows: terms.map((t) => row(t.term, [countCell(t.anyGrade, N), countCell(t.grade3OrMore, N)], 0)),
    footnotes: ['Each subject is counted once per preferred term, at the worst grade. Related: possibly, probably or definitely.'],
    abbreviations: ['TRAEs treatment-related adverse events, named per MedDRA and graded per CTCAE v5.0'],
    paperReference: 'Table 3',
  });
}
