import { populationPhrase } from './populationPhrase.js';
import type { AdaeRow, AdamDatasets, ProtocolDefinition, TeaeOverview } from '../../clinical/index.js';
import { safetyPopulation } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import { abbreviationsFor, investigationalLabel, paperReference } from './protocolTerms.js';
import { column, reportTable, row, type ReportTable } from './reportTable.js';

const teae = (r: AdaeRow): boolean => r.TRTEMFL === 'Y';
/** Related to an investigational drug of the regimen (ADAE RELINVFL), as clinical/adam summarizeAdverseEvents. */
const related = (r: AdaeRow): boolean => r.RELINVFL === 'Y';

/**
 * Subjects of the safety population with at least one event of each kind, "related" meaning related to an
 * investigational drug of the regimen. Same definitions and row keys as the fields of clinical/adam
 * summarizeAdverseEvents (which counts only): 'anyTeae', 'grade3Teae', 'relatedTeae', ..., 'relatedDeath';
 * here with the subjects behind each count.
 */
export function createTeaeOverviewTable(datasets: Pick<AdamDatasets, 'adsl' | 'adae'>, protocol: ProtocolDefinition): ReportTable {
  const safety = safetyPopulation(datasets.adsl, protocol);
  const N = safety.rows.length;
  const drug = investigationalLabel(protocol);
  const inSafety = datasets.adae.filter((r) => safety.ids.has(r.USUBJID));
  const count = (predicate: (r: AdaeRow) => boolean) => countCell(inSafety.filter(predicate).map((r) => r.USUBJID), N);
  const definitions: readonly [keyof TeaeOverview, string, (r: AdaeRow) => boolean][] = [
    ['anyTeae', 'Any grade TEAEs', teae],
    ['grade3Teae', 'Grade ≥ 3 TEAEs', (r) => teae(r) && r.AETOXGR >= 3],
    ['relatedTeae', `${drug}-related TEAEs`, (r) => teae(r) && related(r)],
    ['relatedGrade3Teae', `${drug}-related Grade ≥ 3 TEAEs`, (r) => teae(r) && related(r) && r.AETOXGR >= 3],
    ['tesae', 'Treatment-emergent serious adverse events (TESAEs)', (r) => teae(r) && r.AESER === 'Y'],
    ['relatedTesae', `${drug}-related TESAEs`, (r) => teae(r) && related(r) && r.AESER === 'Y'],
    ['teaeDoseAdjustment', 'TEAEs leading to dose adjustment', (r) => teae(r) && r.DOSADJFL === 'Y'],
    ['relatedTeaeDoseAdjustment', `${drug}-related TEAEs leading to dose adjustment`, (r) => teae(r) && related(r) && r.DOSADJFL === 'Y'],
    ['teaeDrugDiscontinuation', 'TEAEs leading to discontinuation of study drug', (r) => teae(r) && r.DRGWDFL === 'Y'],
    ['relatedTeaeDrugDiscontinuation', `${drug}-related TEAEs leading to discontinuation of study drug`, (r) => teae(r) && related(r) && r.DRGWDFL === 'Y'],
    ['aeStudyDiscontinuation', 'AEs leading to discontinuation of study', (r) => r.STDYDCFL === 'Y'],
    ['relatedTeaeStudyDiscontinuation', `${drug}-related TEAEs leading to discontinuation of study`, (r) => teae(r) && related(r) && r.STDYDCFL === 'Y'],
    ['death', 'Death', (r) => teae(r) && r.FATALFL === 'Y'],
    ['relatedDeath', `Death related with ${drug.toLowerCase()}`, (r) => teae(r) && related(r) && r.FATALFL === 'Y'],
  ];
  const title = `Treatment-emergent adverse events (${populationPhrase(safety.population.name)})`;
  return reportTable({
    id: 't-teae-overview',
    title,
    population: safety.population,
    stubLabel: 'Treatment emergent adverse events (TEAEs)',
    columns: [column('arm', protocol.identity.armLabel, N)],
    rows: definitions.map(([key, label, predicate]) => row(key, label, [count(predicate)], 0)),
    footnotes: [`Subjects are counted once per row. Related: to ${drug.toLowerCase()}, possibly, probably or definitely. Death: TEAE with a fatal outcome.`],
    abbreviations: abbreviationsFor(protocol, [title], [
      'TEAEs treatment-emergent adverse events. TEAEs were named per MedDRA and graded per the Common Terminology Criteria for Adverse Events (CTCAE) v5.0',
    ]),
    paperReference: paperReference(protocol, 't-teae-overview'),
  });
}
