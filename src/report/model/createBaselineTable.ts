import type { AdslRow, MyelomaSubtype, PriorAgentFlag } from '../../clinical/index.js';
import { analysisPopulation } from './analysisPopulation.js';
import { countCell, subjectsWhere } from './countCell.js';
import { medianRangeCell } from './medianRangeCell.js';
import { column, headingRow, reportTable, row, type ReportRow, type ReportTable } from './reportTable.js';

/** Paper order of the subtypes; others follow when present. */
const SUBTYPE_ORDER: readonly { readonly value: MyelomaSubtype; readonly label: string }[] = [
  { value: 'IgG', label: 'IgG' },
  { value: 'IgD', label: 'IgD' },
  { value: 'IgA', label: 'IgA' },
  { value: 'light-chain', label: 'Light chain' },
  { value: 'IgM', label: 'IgM' },
  { value: 'IgE', label: 'IgE' },
  { value: 'non-secretory', label: 'Non-secretory' },
];

/** Single-agent prior-therapy flags that can appear in the "> 50%" block. */
const PRIOR_AGENTS: readonly { readonly flag: PriorAgentFlag; readonly label: string }[] = [
  { flag: 'PRLENFL', label: 'Lenalidomide' },
  { flag: 'PRBORFL', label: 'Bortezomib' },
  { flag: 'PRDEXFL', label: 'Dexamethasone' },
  { flag: 'PRCYCFL', label: 'Cyclophosphamide' },
  { flag: 'PRDARAFL', label: 'Daratumumab' },
  { flag: 'PRISAFL', label: 'Isatuximab' },
];

const CYTOGENETIC_ABNORMALITIES = [
  { key: 'GAIN1Q21', label: 'Gain(1q21)' },
  { key: 'DEL13Q', label: 'Del(13q)' },
  { key: 'DEL17P', label: 'del(17p)' },
  { key: 'T4_14', label: 't(4;14)' },
  { key: 'T14_16', label: 't(14;16)' },
] as const;

/**
 * Table 1 of the paper, baseline disease characteristics of the intent-to-treat population, row for row.
 * Missing rows appear only when some subject is missing the value. R-ISS percentages are of the subjects
 * staged (as the paper's footnote); all others of N.
 */
export function createBaselineTable(adsl: readonly AdslRow[], armLabel: string): ReportTable {
  const itt = analysisPopulation(adsl, 'ITTFL');
  const subjects = itt.rows;
  const N = subjects.length;
  const count = (predicate: (r: AdslRow) => boolean, denominator = N) => countCell(subjectsWhere(subjects, predicate), denominator);
  const median = (pick: (r: AdslRow) => number | null) => medianRangeCell(subjects.map((r) => ({ id: r.USUBJID, value: pick(r) })));
  const missingRow = (predicate: (r: AdslRow) => boolean): ReportRow[] =>
    subjects.some(predicate) ? [row('Missing', [count(predicate)])] : [];

  const staged = subjects.filter((r) => r.RISS !== null).length;
  const priorAbove = PRIOR_AGENTS.map((agent) => ({ ...agent, n: subjects.filter((r) => r[agent.flag] === 'Y').length }))
    .filter((agent) => agent.n > N / 2)
    .sort((a, b) => b.n - a.n);
  const subtypes = SUBTYPE_ORDER.filter((s, i) => i < 4 || subjects.some((r) => r.MMTYPE === s.value));

  const rows: ReportRow[] = [
    headingRow('Patients'),
    row('Age, year, median (range)', [median((r) => r.AGE)]),
    row('< 65, n (%)', [count((r) => r.AGEGR1 === '<65')], 2),
    row('≥ 65 to ≤ 75, n (%)', [count((r) => r.AGEGR1 === '65-75')], 2),
    row('> 75, n (%)', [count((r) => r.AGEGR1 === '>75')], 2),
    headingRow('Sex, n (%)', 1),
    row('Male', [count((r) => r.SEX === 'M')], 2),
    row('Female', [count((r) => r.SEX === 'F')], 2),
    headingRow('ECOG performance status, n (%)', 1),
    row('0 or 1', [count((r) => r.ECOGBL === 0 || r.ECOGBL === 1)], 2),
    row('2', [count((r) => r.ECOGBL === 2)], 2),
    ...(subjects.some((r) => r.ECOGBL !== null && r.ECOGBL > 2) ? [row('3 or 4', [count((r) => r.ECOGBL !== null && r.ECOGBL > 2)], 2)] : []),
    ...missingRow((r) => r.ECOGBL === null),
    headingRow('International Staging System stage at study entry, n (%)', 1),
    ...(['I', 'II', 'III'] as const).map((stage) => row(stage, [count((r) => r.ISS === stage)], 2)),
    ...missingRow((r) => r.ISS === null),
    headingRow('Revised International Staging System stage at study entry, n (%)', 1),
    ...(['I', 'II', 'III'] as const).map((stage) => row(stage, [count((r) => r.RISS === stage, staged)], 2)),
    headingRow('Disease'),
    row('Time from initial diagnosis of multiple myeloma to enrollment, median (range), months', [median((r) => r.DIAGDURM)]),
    row('β2-Microglobulin, median (range), mg/L', [median((r) => r.B2M)]),
    headingRow('Cytogenetic profile by FISH, n (%)', 1),
    row('High risk', [count((r) => r.CYTORISK === 'HIGH')], 2),
    row('Standard risk', [count((r) => r.CYTORISK === 'STANDARD')], 2),
    row('Missing data', [count((r) => r.CYTORISK === null)], 2),
    headingRow('Cytogenetic abnormalities, n (%)', 1),
    ...CYTOGENETIC_ABNORMALITIES.map((item) => row(item.label, [count((r) => r[item.key] === 'Y')], 2)),
    headingRow('Multiple myeloma subtype at study entry, n (%)', 1),
    ...subtypes.map((s) => row(s.label, [count((r) => r.MMTYPE === s.value)], 2)),
    ...missingRow((r) => r.MMTYPE === null),
    headingRow('Prior treatments'),
    row('Number of prior treatments, median (range)', [median((r) => r.PRLINES)]),
    headingRow('Prior treatments in > 50% patients, n (%)', 1),
    ...priorAbove.map((agent) => row(agent.label, [count((r) => r[agent.flag] === 'Y')], 2)),
    headingRow('Prior treatment with anti-CD38 antibody, n (%)', 1),
    row('Yes', [count((r) => r.PRCD38FL === 'Y')], 2),
    headingRow('Prior ASCT, n (%)', 1),
    row('Yes', [count((r) => r.PRASCTFL === 'Y')], 2),
  ];
  return reportTable({
    id: 't-baseline',
    title: 'Baseline disease characteristics (intent-to-treat population)',
    population: itt.population,
    stubLabel: 'Baseline Characteristic',
    columns: [column('arm', armLabel, N)],
    rows,
    footnotes: [
      `A total of ${staged} patients were staged per R-ISS; R-ISS percentages are of the staged patients (${N - staged} not staged, most for missing FISH results).`,
      'High-risk cytogenetic status is defined as the presence of at least one of del(17p13.1), t(4;14) and t(14;16).',
    ],
    abbreviations: [
      'FISH fluorescence in situ hybridization',
      'ECOG Eastern Cooperative Oncology Group',
      'ISS international staging system',
      'R-ISS revised international staging system',
      'ASCT autologous hematopoietic stem cell transplantation',
    ],
    paperReference: 'Table 1',
  });
}
