import type { AdslRow, PriorAgentFlag } from '../clinical/index.js';
import { countQuantity, estimateQuantity, notComputed, type Quantity } from './quantity.js';
import { cellSubjects, cellValue, columnN, countFromCell, missingTable } from './quantityReaders.js';
import { modelRow, modelTable, type ReproductionContext } from './reproductionContext.js';

const TABLE = 't-baseline';

/** Paper Table 1 ids -> the row of the baseline table (heading, label). */
const COUNT_ROWS: readonly (readonly [string, string | null, string])[] = [
  ['baseline.age.lt65', null, '< 65, n (%)'],
  ['baseline.age.65to75', null, '≥ 65 to ≤ 75, n (%)'],
  ['baseline.age.gt75', null, '> 75, n (%)'],
  ['baseline.sex.male', 'Sex, n (%)', 'Male'],
  ['baseline.sex.female', 'Sex, n (%)', 'Female'],
  ['baseline.ecog.0_1', 'ECOG performance status, n (%)', '0 or 1'],
  ['baseline.ecog.2', 'ECOG performance status, n (%)', '2'],
  ...(['I', 'II', 'III'] as const).map((stage) => [`baseline.iss.${stage}`, 'International Staging System stage at study entry, n (%)', stage] as const),
  ['baseline.cyto.high_risk', 'Cytogenetic profile by FISH, n (%)', 'High risk'],
  ['baseline.cyto.standard_risk', 'Cytogenetic profile by FISH, n (%)', 'Standard risk'],
  ['baseline.cyto.missing', 'Cytogenetic profile by FISH, n (%)', 'Missing data'],
  ['baseline.cyto.gain1q21', 'Cytogenetic abnormalities, n (%)', 'Gain(1q21)'],
  ['baseline.cyto.del13q', 'Cytogenetic abnormalities, n (%)', 'Del(13q)'],
  ['baseline.cyto.del17p', 'Cytogenetic abnormalities, n (%)', 'del(17p)'],
  ['baseline.cyto.t4_14', 'Cytogenetic abnormalities, n (%)', 't(4;14)'],
  ['baseline.cyto.t14_16', 'Cytogenetic abnormalities, n (%)', 't(14;16)'],
  ['baseline.subtype.IgG', 'Multiple myeloma subtype at study entry, n (%)', 'IgG'],
  ['baseline.subtype.IgD', 'Multiple myeloma subtype at study entry, n (%)', 'IgD'],
  ['baseline.subtype.IgA', 'Multiple myeloma subtype at study entry, n (%)', 'IgA'],
  ['baseline.subtype.light_chain', 'Multiple myeloma subtype at study entry, n (%)', 'Light chain'],
  ['baseline.prior.anti_cd38', 'Prior treatment with anti-CD38 antibody, n (%)', 'Yes'],
  ['baseline.prior.asct', 'Prior ASCT, n (%)', 'Yes'],
];

const MEDIAN_ROWS: readonly (readonly [string, string, (r: AdslRow) => number | null])[] = [
  ['baseline.age.median', 'Age, year, median (range)', (r) => r.AGE],
  ['baseline.time_since_diagnosis.median', 'Time from initial diagnosis of multiple myeloma to enrollment, median (range), months', (r) => r.DIAGDURM],
  ['baseline.b2m.median', 'β2-Microglobulin, median (range), mg/L', (r) => r.B2M],
  ['baseline.prior_lines.median', 'Number of prior treatments, median (range)', (r) => r.PRLINES],
];

/** The baseline table lists an agent only when more than half had it; below that its ADSL flag is counted. */
const PRIOR_AGENTS: readonly (readonly [string, string, PriorAgentFlag])[] = [
  ['baseline.prior.lenalidomide', 'Lenalidomide', 'PRLENFL'],
  ['baseline.prior.bortezomib', 'Bortezomib', 'PRBORFL'],
  ['baseline.prior.dexamethasone', 'Dexamethasone', 'PRDEXFL'],
  ['baseline.prior.cyclophosphamide', 'Cyclophosphamide', 'PRCYCFL'],
  ['baseline.prior.daratumumab', 'Daratumumab', 'PRDARAFL'],
  ['baseline.prior.isatuximab', 'Isatuximab', 'PRISAFL'],
];

/** Paper Table 1 (intent-to-treat population), read from the report's baseline table. */
export function baselineQuantities(context: ReproductionContext): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  const table = modelTable(context, TABLE);
  if (table === undefined) {
    for (const [id] of [...COUNT_ROWS, ...MEDIAN_ROWS, ...PRIOR_AGENTS]) out.set(id, missingTable(TABLE));
    for (const id of ['baseline.age.ge65', 'baseline.riss.I', 'baseline.riss.II', 'baseline.riss.III']) out.set(id, missingTable(TABLE));
    return out;
  }
  for (const [id, heading, label] of COUNT_ROWS) out.set(id, countFromCell(table, TABLE, heading, label));

  const N = columnN(table, 0);
  const older = [cellSubjects(table, null, '≥ 65 to ≤ 75, n (%)', 0), cellSubjects(table, null, '> 75, n (%)', 0)];
  const missing = older.find((s): s is string => typeof s === 'string');
  out.set('baseline.age.ge65', missing !== undefined ? notComputed(missing) : countQuantity(new Set(older.flat()).size, N));

  // R-ISS percentages are of the staged subjects: every staged subject is in one of the three rows.
  const rissHeading = 'Revised International Staging System stage at study entry, n (%)';
  const riss = (['I', 'II', 'III'] as const).map((stage) => [stage, cellSubjects(table, rissHeading, stage, 0)] as const);
  const rissMissing = riss.find(([, s]) => typeof s === 'string');
  const staged = riss.reduce((sum, [, s]) => sum + (typeof s === 'string' ? 0 : s.length), 0);
  for (const [stage, subjects] of riss) {
    out.set(`baseline.riss.${stage}`, rissMissing !== undefined ? notComputed(String(rissMissing[1])) : countQuantity(subjects.length, staged));
  }

  for (const [id, label, pick] of MEDIAN_ROWS) {
    const median = cellValue(table, TABLE, null, label);
    if (typeof median !== 'number') {
      out.set(id, median);
      continue;
    }
    // The cell keeps the median; its range is over the same subjects' values.
    const subjects = modelRow(table, null, label)?.cells[0]?.subjects ?? [];
    const values = subjects.map((s) => context.adslById.get(s)).map((r) => (r === undefined ? null : pick(r))).filter((v): v is number => v !== null);
    out.set(id, estimateQuantity(median, { min: values.length === 0 ? null : Math.min(...values), max: values.length === 0 ? null : Math.max(...values) }));
  }

  const itt = context.datasets.adsl.filter((r) => r.ITTFL === 'Y');
  for (const [id, label, flag] of PRIOR_AGENTS) {
    const listed = countFromCell(table, TABLE, 'Prior treatments in > 50% patients, n (%)', label);
    out.set(id, listed.kind === 'count' ? listed : countQuantity(itt.filter((r) => r[flag] === 'Y').length, itt.length));
  }
  return out;
}
