import { populationPhrase } from './populationPhrase.js';
import type { AdamDatasets, ProtocolDefinition } from '../../clinical/index.js';
import { formatPercent } from '../format/index.js';
import { adverseEventTerms } from './adverseEventTerms.js';
import { safetyPopulation } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import { abbreviationsFor, investigationalLabel, paperReference } from './protocolTerms.js';
import { column, reportTable, row, type ReportTable } from './reportTable.js';

/**
 * Treatment-emergent adverse events related to an investigational drug of the regimen, by preferred term in
 * at least the plan's threshold of subjects at any grade, with the grade >= 3 count, most frequent first.
 * Rows 'term:<preferred term>' (as coded); columns 'any' and 'grade3'.
 */
export function createRelatedAeTable(datasets: Pick<AdamDatasets, 'adsl' | 'adae'>, protocol: ProtocolDefinition): ReportTable {
  const safety = safetyPopulation(datasets.adsl, protocol);
  const N = safety.rows.length;
  const { aeTermThreshold } = protocol.analysisPlan;
  const terms = adverseEventTerms(datasets.adae, safety.ids, (r) => r.RELINVFL === 'Y').filter((t) => N > 0 && t.anyGrade.length / N >= aeTermThreshold);
  const threshold = `≥ ${formatPercent(aeTermThreshold, 0)}% in frequency`;
  const drug = investigationalLabel(protocol);
  const title = `${drug} treatment-related adverse events (TRAEs) (${populationPhrase(safety.population.name)})`;
  return reportTable({
    id: 't-related-ae',
    title,
    population: safety.population,
    stubLabel: 'Preferred terms',
    columns: [column('any', `All grades TRAEs (${threshold})`, N), column('grade3', 'Grade ≥ 3 TRAEs', N)],
    rows: terms.map((t) => row(`term:${t.term}`, t.term, [countCell(t.anyGrade, N), countCell(t.grade3OrMore, N)], 0)),
    footnotes: [`Each subject is counted once per preferred term, at the worst grade. Related to ${drug.toLowerCase()}: possibly, probably or definitely.`],
    abbreviations: abbreviationsFor(protocol, [title], ['TRAEs treatment-related adverse events, named per MedDRA and graded per CTCAE v5.0']),
    paperReference: paperReference(protocol, 't-related-ae'),
  });
}
