import { cellSubjects, countAt, countQuantity, notComputed, numberAt, type Quantity, type ReproductionContext } from '../../../reproduce/index.js';

const TABLE = 't-baseline';
const COLUMN = 'arm';

/** Paper Table 1 ids -> the row key of the baseline table (src/report/model/README.md). */
const COUNT_ROWS: readonly (readonly [string, string])[] = [
  ['baseline.age.lt65', 'AGEGR1:<65'],
  ['baseline.age.65to75', 'AGEGR1:65-75'],
  ['baseline.age.gt75', 'AGEGR1:>75'],
  ['baseline.sex.male', 'SEX:M'],
  ['baseline.sex.female', 'SEX:F'],
  ['baseline.ecog.0_1', 'ECOGBL:0,1'],
  ['baseline.ecog.2', 'ECOGBL:2'],
  ...(['I', 'II', 'III'] as const).map((stage) => [`baseline.iss.${stage}`, `ISS:${stage}`] as const),
  ...(['I', 'II', 'III'] as const).map((stage) => [`baseline.riss.${stage}`, `RISS:${stage}`] as const),
  ['baseline.cyto.high_risk', 'CYTORISK:HIGH'],
  ['baseline.cyto.standard_risk', 'CYTORISK:STANDARD'],
  ['baseline.cyto.missing', 'CYTORISK:missing'],
  ['baseline.cyto.gain1q21', 'GAIN1Q21:Y'],
  ['baseline.cyto.del13q', 'DEL13Q:Y'],
  ['baseline.cyto.del17p', 'DEL17P:Y'],
  ['baseline.cyto.t4_14', 'T4_14:Y'],
  ['baseline.cyto.t14_16', 'T14_16:Y'],
  ['baseline.subtype.IgG', 'MMTYPE:IgG'],
  ['baseline.subtype.IgD', 'MMTYPE:IgD'],
  ['baseline.subtype.IgA', 'MMTYPE:IgA'],
  ['baseline.subtype.light_chain', 'MMTYPE:light-chain'],
  ['baseline.prior.anti_cd38', 'PRCD38FL:Y'],
  ['baseline.prior.asct', 'PRASCTFL:Y'],
];

/** Medians (with their ranges) of the baseline table. */
const MEDIAN_ROWS: readonly (readonly [string, string])[] = [
  ['baseline.age.median', 'AGE'],
  ['baseline.time_since_diagnosis.median', 'DIAGDURM'],
  ['baseline.b2m.median', 'B2M'],
  ['baseline.prior_lines.median', 'PRLINES'],
];

/** The table lists an agent only when more than half had it; below that its ADSL flag is counted. */
const PRIOR_AGENTS: readonly (readonly [string, string])[] = [
  ['baseline.prior.lenalidomide', 'PRLENFL'],
  ['baseline.prior.bortezomib', 'PRBORFL'],
  ['baseline.prior.dexamethasone', 'PRDEXFL'],
  ['baseline.prior.cyclophosphamide', 'PRCYCFL'],
  ['baseline.prior.daratumumab', 'PRDARAFL'],
  ['baseline.prior.isatuximab', 'PRISAFL'],
];

/** Paper Table 1 (intent-to-treat population), read from the report's baseline table by row key. */
export function baselineQuantities(context: ReproductionContext): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  // R-ISS counts carry the staged subjects as N (the plan's non-missing denominator), as the paper prints them.
  for (const [id, key] of COUNT_ROWS) out.set(id, countAt(context, TABLE, key, COLUMN));
  const older = [cellSubjects(context, TABLE, 'AGEGR1:65-75', COLUMN), cellSubjects(context, TABLE, 'AGEGR1:>75', COLUMN)];
  const missing = older.find((s): s is string => typeof s === 'string');
  const N = context.datasets.adsl.filter((r) => r.ITTFL === 'Y').length;
  out.set('baseline.age.ge65', missing !== undefined ? notComputed(missing) : countQuantity(new Set(older.flat()).size, N));
  for (const [id, key] of MEDIAN_ROWS) out.set(id, numberAt(context, TABLE, key, COLUMN));
  const itt = context.datasets.adsl.filter((r) => r.ITTFL === 'Y');
  for (const [id, flag] of PRIOR_AGENTS) {
    const listed = countAt(context, TABLE, `${flag}:Y`, COLUMN);
    out.set(id, listed.kind === 'count' ? listed : countQuantity(itt.filter((r) => r[flag] === 'Y').length, itt.length));
  }
  return out;
}
