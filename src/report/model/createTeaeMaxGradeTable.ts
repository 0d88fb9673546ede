import { populationPhrase } from './populationPhrase.js';
import { CTCAE_V5_SOC_SOURCE, type AdamDatasets, type ProtocolDefinition } from '../../clinical/index.js';
import { safetyPopulation } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import { abbreviationsFor, paperReference } from './protocolTerms.js';
import { column, reportTable, row, type ReportCell, type ReportRow, type ReportTable } from './reportTable.js';
import { createTeaeHierarchy, NOT_CODED_SOC_LABEL, socKey, socSourceFootnote, type WorstGrades } from './teaeHierarchy.js';

/** CTCAE grades 1 to 5 (5 = death related to the AE). */
const GRADES = [1, 2, 3, 4, 5] as const;

/**
 * Treatment-emergent adverse events by maximum CTCAE grade: per system organ class and preferred term, the
 * subjects at each worst grade (each subject counted once per row, at its worst grade in the row) and at any
 * grade, n (%) of the safety population. Same rows and order as t-teae-soc ('any', 'soc:<SOC>',
 * 'soc:<SOC>:term:<PT>'); columns 'any', 'grade1' ... 'grade5'.
 */
export function createTeaeMaxGradeTable(datasets: Pick<AdamDatasets, 'adsl' | 'adae'>, protocol: ProtocolDefinition): ReportTable {
  const safety = safetyPopulation(datasets.adsl, protocol);
  const N = safety.rows.length;
  const hierarchy = createTeaeHierarchy(datasets.adae, safety.ids);
  const cells = (worst: WorstGrades): ReportCell[] => [
    countCell(worst.keys(), N),
    ...GRADES.map((grade) => countCell([...worst].filter(([, g]) => g === grade).map(([id]) => id), N)),
  ];
  const rows: ReportRow[] = [row('any', 'Subjects with at least one TEAE', cells(hierarchy.worst), 0)];
  for (const group of hierarchy.socs) {
    const key = socKey(group.soc);
    rows.push(row(key, group.soc ?? NOT_CODED_SOC_LABEL, cells(group.worst), 0));
    for (const term of group.terms) rows.push(row(`${key}:term:${term.term}`, term.term, cells(term.worst), 1));
  }
  const title = `Treatment-emergent adverse events by maximum CTCAE grade (${populationPhrase(safety.population.name)})`;
  const footnotes = [
    'Each subject is counted once per row, under the worst grade of its events in that row (so a subject may be under different grades in the class and term rows). Grade 5: fatal. Rows as in the table by system organ class and preferred term.',
    socSourceFootnote(hierarchy, CTCAE_V5_SOC_SOURCE),
  ];
  return reportTable({
    id: 't-teae-max-grade',
    title,
    population: safety.population,
    stubLabel: 'System organ class / preferred term',
    columns: [column('any', 'Any grade', N), ...GRADES.map((grade) => column(`grade${grade}`, `Grade ${grade}`, N))],
    rows,
    footnotes,
    abbreviations: abbreviationsFor(protocol, [title, ...footnotes], [
      'TEAE treatment-emergent adverse event, named per MedDRA and graded per the Common Terminology Criteria for Adverse Events (CTCAE) v5.0',
    ]),
    paperReference: paperReference(protocol, 't-teae-max-grade'),
  });
}
