import type { AdaeRow, AdslRow } from '../../clinical/index.js';
import { analysisPopulation } from './analysisPopulation.js';
import { countCell } from './countCell.js';
import type { ReportProtocol } from './reportProtocol.js';
import { column, reportTable, row, type ReportTable } from './reportTable.js';

const teae = (r: AdaeRow): boolean => r.TRTEMFL === 'Y';
const related = (r: AdaeRow): boolean => r.RELPOMFL === 'Y';

/**
 * Table 2 of the paper: subjects of the safety set with at least one event of each kind. Same definitions
 * as clinical/adam summarizeAdverseEvents (which counts only), here with the subjects behind each count.
 */
export function createTeaeOverviewTable(adsl: readonly AdslRow[], adae: readonly AdaeRow[], protocol: ReportProtocol): ReportTable {
  const safety = analysisPopulation(adsl, 'SAFFL');
  const N = safety.rows.length;
  const drug = protocol.investigationalDrugLabel;
  const inSafety = adae.filter((r) => safety.ids.has(r.USUBJID));
  const count = (predicate: (r: AdaeRow) => boolean) => countCell(inSafety.filter(predicate).map((r) => r.USUBJID), N);
  const definitions: readonly [string, (r: AdaeRow) => boolean][] = [
    ['Any grade TEAEs', teae],
    ['Grade ≥ 3 TEAEs', (r) => teae(r) && r.AETOXGR >= 3],
    [`${drug}-related TEAEs`, (r) => teae(r) && related(r)],
    [`${drug}-related Grade ≥ 3 TEAEs`, (r) => teae(r) && related(r) && r.AETOXGR >= 3],
    ['Treatment-emergent serious adverse events (TESAEs)', (r) => teae(r) && r.AESER === 'Y'],
    [`${drug}-related TESAEs`, (r) => teae(r) && related(r) && r.AESER === 'Y'],
    ['TEAEs leading to dose adjustment', (r) => teae(r) && r.DOSADJFL === 'Y'],
    [`${drug}-related TEAEs leading to dose adjustment`, (r) => teae(r) && related(r) && r.DOSADJFL === 'Y'],
    ['TEAEs leading to discontinuation of study drug', (r) => teae(r) && r.DRGWDFL === 'Y'],
    [`${drug}-related TEAEs leading to discontinuation of study drug`, (r) => teae(r) && related(r) && r.DRGWDFL === 'Y'],
    ['AEs leading to discontinuation of study', (r) => r.STDYDCFL === 'Y'],
    [`${drug}-related TEAEs leading to discontinuation of study`, (r) => teae(r) && related(r) && r.STDYDCFL === 'Y'],
    ['Death', (r) => teae(r) && r.FATALFL === 'Y'],
    [`Death related with ${drug.toLowerCase()}`, (r) => teae(r) && related(r) && r.FATALFL === 'Y'],
  ];
  return reportTable({
    id: 't-teae-overview',
    title: 'Treatment-emergent adverse events (safety population)',
    population: safety.population,
    stubLabel: 'Treatment emergent adverse events (TEAEs)',
    columns: [column('arm', protocol.armLabel, N)],
    rows: definitions.map(([label, predicate]) => row(label, [count(predicate)], 0)),
    footnotes: ['Subjects are counted once per row. Death: TEAE with a fatal outcome.'],
    abbreviations: [
      'TEAEs treatment-emergent adverse events. TEAEs were named per MedDRA and graded per the Common Terminology Criteria for Adverse Events (CTCAE) v5.0',
    ],
    paperReference: 'Table 2',
  });
}
