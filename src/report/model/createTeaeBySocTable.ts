import { populationPhrase } from './populationPhrase.js';
import { CTCAE_V5_SOC_SOURCE, type AdamDatasets, type ProtocolDefinition } from '../../clinical/index.js';
import { safetyPopulation } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import { abbreviationsFor, paperReference } from './protocolTerms.js';
import { column, reportTable, row, type ReportRow, type ReportTable } from './reportTable.js';
import { createTeaeHierarchy, NOT_CODED_SOC_LABEL, socKey, socSourceFootnote } from './teaeHierarchy.js';

/**
 * Treatment-emergent adverse events by system organ class and preferred term: subjects with at least one
 * event, n (%) of the safety population, each subject once per class and once per term. Classes by
 * descending frequency, terms by descending frequency within their class (alphabetical on ties), as SAS and
 * rtables AE shells sort; a class not coded comes last. Rows 'any', 'soc:<SOC>', 'soc:<SOC>:term:<PT>'
 * ('soc:not-coded' for events with no class); column 'arm'.
 */
export function createTeaeBySocTable(datasets: Pick<AdamDatasets, 'adsl' | 'adae'>, protocol: ProtocolDefinition): ReportTable {
  const safety = safetyPopulation(datasets.adsl, protocol);
  const N = safety.rows.length;
  const hierarchy = createTeaeHierarchy(datasets.adae, safety.ids);
  const rows: ReportRow[] = [row('any', 'Subjects with at least one TEAE', [countCell(hierarchy.worst.keys(), N)], 0)];
  for (const group of hierarchy.socs) {
    const key = socKey(group.soc);
    rows.push(row(key, group.soc ?? NOT_CODED_SOC_LABEL, [countCell(group.worst.keys(), N)], 0));
    for (const term of group.terms) rows.push(row(`${key}:term:${term.term}`, term.term, [countCell(term.worst.keys(), N)], 1));
  }
  const title = `Treatment-emergent adverse events by system organ class and preferred term (${populationPhrase(safety.population.name)})`;
  const footnotes = [
    'Subjects with at least one event: a subject is counted once per system organ class and once per preferred term. Sorted by descending frequency of the class, then of the term within it (alphabetically on ties).',
    socSourceFootnote(hierarchy, CTCAE_V5_SOC_SOURCE),
  ];
  return reportTable({
    id: 't-teae-soc',
    title,
    population: safety.population,
    stubLabel: 'System organ class / preferred term',
    columns: [column('arm', protocol.identity.armLabel, N)],
    rows,
    footnotes,
    abbreviations: abbreviationsFor(protocol, [title, ...footnotes], [
      'TEAE treatment-emergent adverse event, named per MedDRA and graded per the Common Terminology Criteria for Adverse Events (CTCAE) v5.0',
    ]),
    paperReference: paperReference(protocol, 't-teae-soc'),
  });
}
