import type { BestResponse, CytogeneticRisk, IssStage } from './cohortPlanTypes.js';
import type { SeededRandom } from '../../../demo/index.js';

/**
 * The categorical skeleton of the 85 enrolled subjects: staging, cytogenetic risk, LDH, best response,
 * prior anti-CD38 and ASCT, and each subject's PFS fate class. The joint table below is the calibration:
 * its margins are the paper's Table 1, Fig. 2 and Supplemental Table 2 counts, so every subgroup count,
 * Clopper-Pearson CI and Fisher P follows by construction, whatever the seed.
 *
 * Response classes: 'resp' = PR or better, 'dc' = MR or SD (disease control, no response), 'fail' = PD,
 * NE or no post-baseline assessment.
 */

export type Fate =
  | 'resp-progression' // responder, progresses (DoR event)
  | 'resp-new-therapy' // responder, censored at new therapy (investigator decision)
  | 'resp-ongoing' // responder, on treatment without progression at cutoff
  | 'dc-ongoing' // MR/SD without progression at cutoff (uncalibrated trials only)
  | 'dc-progression' // MR/SD, progresses
  | 'pd-progression' // best response PD
  | 'ne-death' // not evaluable, dies within 2 months (PFS death)
  | 'ne-consent' // not evaluable, withdraws consent early (PFS censored)
  | 'no-post-baseline'; // enrolled within 4 weeks of the cutoff

export interface SkeletonSubject {
  readonly iss: IssStage;
  readonly cytogeneticRisk: CytogeneticRisk | null;
  readonly ldhHigh: boolean;
  readonly riss: IssStage | null;
  readonly bor: BestResponse;
  readonly fate: Fate;
  readonly antiCd38: boolean;
  readonly asct: boolean;
}

interface Cell {
  readonly iss: IssStage;
  readonly risk: CytogeneticRisk | null;
  /** true / false, or null = drawn (p 0.25) because it does not change R-ISS in this cell. */
  readonly ldhHigh: boolean | null;
  readonly resp: number;
  readonly dc: number;
  readonly fail: number;
}

// ISS x cytogenetic risk x LDH cells. R-ISS I = cell A; R-ISS III = cells G + H; the 3 missing FISH are F + J.
// Row sums: ISS I 30 (ORR 18, DCR 26), II 23 (9, 14), III 32 (6, 17); R-ISS I 12 (8, 11), III 21 (4, 10);
// high risk 35 (resp 12, dc 12, fail 11), standard 47 (21, 11, 15), missing 3 (0, 1, 2).
export const SKELETON_CELLS: readonly Cell[] = [
  { iss: 'I', risk: 'standard', ldhHigh: false, resp: 8, dc: 3, fail: 1 },
  { iss: 'I', risk: 'high', ldhHigh: null, resp: 7, dc: 3, fail: 2 },
  { iss: 'I', risk: 'standard', ldhHigh: true, resp: 3, dc: 2, fail: 1 },
  { iss: 'II', risk: 'high', ldhHigh: null, resp: 2, dc: 3, fail: 3 },
  { iss: 'II', risk: 'standard', ldhHigh: null, resp: 7, dc: 1, fail: 5 },
  { iss: 'II', risk: null, ldhHigh: null, resp: 0, dc: 1, fail: 1 },
  { iss: 'III', risk: 'high', ldhHigh: null, resp: 3, dc: 6, fail: 6 },
  { iss: 'III', risk: 'standard', ldhHigh: true, resp: 1, dc: 0, fail: 5 },
  { iss: 'III', risk: 'standard', ldhHigh: false, resp: 2, dc: 5, fail: 3 },
  { iss: 'III', risk: null, ldhHigh: null, resp: 0, dc: 0, fail: 1 },
];

/** Detailed categories per risk group (Supplemental Table 2 and the overall Fig. 2A counts). */
const RESPONSE_LEVELS: Readonly<Record<'high' | 'standard' | 'missing', { resp: BestResponse[]; dc: BestResponse[] }>> = {
  high: { resp: [...rep<BestResponse>('CR', 1), ...rep<BestResponse>('VGPR', 3), ...rep<BestResponse>('PR', 8)], dc: [...rep<BestResponse>('MR', 6), ...rep<BestResponse>('SD', 6)] },
  standard: { resp: [...rep<BestResponse>('CR', 1), ...rep<BestResponse>('VGPR', 9), ...rep<BestResponse>('PR', 11)], dc: [...rep<BestResponse>('MR', 3), ...rep<BestResponse>('SD', 8)] },
  missing: { resp: [], dc: ['SD'] },
};

function rep<T>(value: T, times: number): T[] {
  return Array.from({ length: times }, () => value);
}

function rissOf(iss: IssStage, risk: CytogeneticRisk | null, ldhHigh: boolean): IssStage | null {
  if (risk === null) return null;
  if (iss === 'I' && risk === 'standard' && !ldhHigh) return 'I';
  if (iss === 'III' && (risk === 'high' || ldhHigh)) return 'III';
  return 'II';
}

export const PFS_FATE_COUNTS = {
  responderProgression: 14,
  responderNewTherapy: 3,
  neDeath: 3,
  noPostBaseline: 2,
} as const;

/**
 * Relative weights for an uncalibrated trial: multipliers of the published cell sizes (ISS stage,
 * cytogenetic risk) and of the response classes. Omitted = as published.
 */
export interface CohortMix {
  readonly iss?: Partial<Record<IssStage, number>>;
  readonly cytogeneticRisk?: Partial<Record<CytogeneticRisk | 'missing', number>>;
  readonly responseClass?: Partial<Record<'resp' | 'dc' | 'fail', number>>;
}

/**
 * An uncalibrated skeleton of any size from the same distributions: each subject draws a cell and a
 * response class with the published frequencies (times `mix`), a level within the class and a fate with
 * the published proportions.
 */
export function sampledSkeleton(random: SeededRandom, size: number, mix: CohortMix = {}): SkeletonSubject[] {
  const options = SKELETON_CELLS.flatMap((cell) =>
    (['resp', 'dc', 'fail'] as const).map((cls) => {
      const riskKey = cell.risk ?? 'missing';
      const weight = cell[cls] * (mix.iss?.[cell.iss] ?? 1) * (mix.cytogeneticRisk?.[riskKey] ?? 1) * (mix.responseClass?.[cls] ?? 1);
      return { cell, cls, weight };
    }),
  );
  const weights = options.map((o) => o.weight);
  const out: SkeletonSubject[] = [];
  const noPostBaseline = Math.max(0, Math.round((2 * size) / 85));
  for (let i = 0; i < size; i++) {
    const { cell, cls } = options[random.weighted(weights)];
    const ldhHigh = cell.ldhHigh ?? random.chance(0.25);
    const group = cell.risk ?? 'missing';
    let bor: BestResponse;
    let fate: Fate;
    if (cls === 'fail') {
      const u = random.weighted([15, 3, 8]);
      bor = u === 0 ? 'PD' : 'NE';
      fate = u === 0 ? 'pd-progression' : u === 1 ? 'ne-death' : 'ne-consent';
    } else {
      const levels = RESPONSE_LEVELS[group][cls].length > 0 ? RESPONSE_LEVELS[group][cls] : RESPONSE_LEVELS.standard[cls];
      bor = random.pick(levels);
      fate = cls === 'dc' ? 'dc-progression' : (['resp-progression', 'resp-new-therapy', 'resp-ongoing'] as const)[random.weighted([14, 3, 16])];
    }
    out.push({ iss: cell.iss, cytogeneticRisk: cell.risk, ldhHigh, riss: rissOf(cell.iss, cell.risk, ldhHigh), bor, fate, antiCd38: random.chance(9 / 85), asct: random.chance(14 / 85) });
  }
  // The last enrolled subjects have no post-baseline assessment yet (they take the last slots).
  for (let k = 0; k < noPostBaseline && k < out.length; k++) {
    const i = out.length - 1 - k;
    out[i] = { ...out[i], bor: 'NE', fate: 'no-post-baseline' };
  }
  return out;
}

export function calibratedSkeleton(random: SeededRandom): SkeletonSubject[] {
  interface Draft {
    iss: IssStage;
    risk: CytogeneticRisk | null;
    ldhHigh: boolean;
    cls: 'resp' | 'dc' | 'fail';
  }
  const drafts: Draft[] = [];
  for (const cell of SKELETON_CELLS) {
    const add = (cls: Draft['cls'], count: number): void => {
      for (let k = 0; k < count; k++) {
        drafts.push({ iss: cell.iss, risk: cell.risk, ldhHigh: cell.ldhHigh ?? random.chance(0.25), cls });
      }
    };
    add('resp', cell.resp);
    add('dc', cell.dc);
    add('fail', cell.fail);
  }

  // Detailed levels: shuffle each risk group's list over its members of the class.
  const bor: BestResponse[] = drafts.map(() => 'NE');
  for (const group of ['high', 'standard', 'missing'] as const) {
    const risk = group === 'missing' ? null : group;
    for (const cls of ['resp', 'dc'] as const) {
      const members = drafts.flatMap((d, i) => (d.risk === risk && d.cls === cls ? [i] : []));
      const levels = random.shuffle(RESPONSE_LEVELS[group][cls]);
      members.forEach((row, k) => (bor[row] = levels[k]));
    }
  }
  // Failures: 15 PD, 11 NE (3 early deaths + 8 consent withdrawals), 2 without a post-baseline assessment.
  const failRows = random.shuffle(drafts.flatMap((d, i) => (d.cls === 'fail' ? [i] : [])));
  const fate: Fate[] = drafts.map(() => 'dc-progression');
  failRows.forEach((row, k) => {
    if (k < 15) {
      bor[row] = 'PD';
      fate[row] = 'pd-progression';
    } else if (k < 15 + PFS_FATE_COUNTS.neDeath) fate[row] = 'ne-death';
    else if (k < 26) fate[row] = 'ne-consent';
    else fate[row] = 'no-post-baseline';
  });
  const respRows = random.shuffle(drafts.flatMap((d, i) => (d.cls === 'resp' ? [i] : [])));
  respRows.forEach((row, k) => {
    fate[row] =
      k < PFS_FATE_COUNTS.responderProgression
        ? 'resp-progression'
        : k < PFS_FATE_COUNTS.responderProgression + PFS_FATE_COUNTS.responderNewTherapy
          ? 'resp-new-therapy'
          : 'resp-ongoing';
  });

  // Prior anti-CD38 (9): 1 VGPR, 2 PR, 3 MR/SD, 3 failures, as the subgroup's published ORR 3/9 and DCR 6/9.
  const antiCd38 = new Set<number>();
  const takeFrom = (rows: number[], count: number): void => {
    for (const row of random.shuffle(rows).slice(0, count)) antiCd38.add(row);
  };
  takeFrom(drafts.flatMap((_, i) => (bor[i] === 'VGPR' ? [i] : [])), 1);
  takeFrom(drafts.flatMap((_, i) => (bor[i] === 'PR' ? [i] : [])), 2);
  takeFrom(drafts.flatMap((d, i) => (d.cls === 'dc' ? [i] : [])), 3);
  takeFrom(drafts.flatMap((d, i) => (d.cls === 'fail' && fate[i] !== 'no-post-baseline' ? [i] : [])), 3);
  // Prior ASCT (14): 5 responders (ORR 5/14 = 35.7%, the plausible reading of the printed 35.4%).
  const asct = new Set<number>();
  for (const row of random.shuffle(drafts.flatMap((d, i) => (d.cls === 'resp' ? [i] : []))).slice(0, 5)) asct.add(row);
  for (const row of random.shuffle(drafts.flatMap((d, i) => (d.cls !== 'resp' ? [i] : []))).slice(0, 9)) asct.add(row);

  return drafts.map((d, i) => ({
    iss: d.iss,
    cytogeneticRisk: d.risk,
    ldhHigh: d.ldhHigh,
    riss: rissOf(d.iss, d.risk, d.ldhHigh),
    bor: bor[i],
    fate: fate[i],
    antiCd38: antiCd38.has(i),
    asct: asct.has(i),
  }));
}
