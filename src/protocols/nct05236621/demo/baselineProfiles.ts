import type { SkeletonSubject } from './calibratedSkeleton.js';
import type { FishCall, FishPanel, MeasurableParameter, PlannedSubtype, PriorTherapyPlan } from './cohortPlanTypes.js';
import type { SeededRandom } from '../../../demo/index.js';

/**
 * Baseline characteristics with Table 1's marginals exactly (counts, medians and ranges), drawn per seed:
 * each list is built so its order statistics hit the published median and range, then shuffled over the
 * subjects. ISS, R-ISS and cytogenetic risk come from the skeleton, and the laboratory inputs here are
 * chosen to make the staging engines derive exactly those stages.
 */

export interface BaselineProfile {
  readonly age: number;
  readonly sex: 'M' | 'F';
  readonly ecog: 0 | 1 | 2;
  readonly weightKg: number;
  readonly subtype: PlannedSubtype;
  readonly lightChain: 'kappa' | 'lambda';
  readonly measurableParameter: MeasurableParameter;
  readonly baselineMeasurableValue: number;
  readonly beta2MicroglobulinMgPerL: number;
  readonly albuminGPerL: number;
  readonly ldhUPerL: number;
  readonly ldhUpperLimitUPerL: number;
  readonly fish: FishPanel;
  readonly monthsSinceDiagnosis: number;
  readonly prior: PriorTherapyPlan;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Lowest urine baseline (mg/24 h) at which a minimal response can be told apart from a partial one. */
export const MR_URINE_MIN_BASELINE = 520;

/** Sorted values with value[0] = min, value[n-1] = max and value[(n-1)/2] = median (n odd), the rest drawn between. */
function orderStatistics(random: SeededRandom, n: number, min: number, median: number, max: number, decimals: number): number[] {
  const scale = 10 ** decimals;
  const draw = (lo: number, hi: number): number => random.int(Math.round(lo * scale), Math.round(hi * scale)) / scale;
  const mid = (n - 1) / 2;
  const values: number[] = [];
  for (let k = 0; k < n; k++) {
    if (k === 0) values.push(min);
    else if (k === n - 1) values.push(max);
    else if (k === mid) values.push(median);
    else if (k < mid) values.push(draw(min, median));
    else {
      // Right-skewed upper half (times since diagnosis, B2M): most values well below the maximum.
      const u = random.float();
      values.push(Math.round((median + (max - median) * u * u * u) * scale) / scale);
    }
  }
  return values.sort((a, b) => a - b);
}

function counts<T>(entries: readonly (readonly [T, number])[]): T[] {
  return entries.flatMap(([value, times]) => Array.from({ length: times }, () => value));
}

/** Ages: median 62.0, range 39-76; < 65: 56, 65-75: 27, > 75: 2 (Table 1). */
function ages(random: SeededRandom): number[] {
  const a: number[] = [39];
  for (let k = 1; k < 42; k++) a.push(random.int(40, 62));
  a.push(62);
  for (let k = 43; k < 56; k++) a.push(random.int(62, 64));
  for (let k = 56; k < 83; k++) a.push(random.int(65, 75));
  a.push(76, 76);
  return a;
}

function b2mForStage(random: SeededRandom, skeleton: readonly SkeletonSubject[]): { b2m: number[]; albumin: number[] } {
  // ISS I: 30 below 3.5 with albumin >= 35. ISS II: 4 below 3.5 with albumin < 35, 8 in [3.5, 3.8), the
  // rest in (3.8, 5.5). ISS III: >= 5.5 up to the maximum 15.6. Sorted, the 43rd value is 3.8 (median).
  const issI = orderStatistics(random, 29, 1.7, 2.6, 3.4, 1);
  issI.push(round1(random.int(20, 34) / 10));
  const issIIlow = Array.from({ length: 4 }, () => random.int(25, 34) / 10);
  const issIImid = Array.from({ length: 8 }, () => random.int(35, 37) / 10);
  const issIIhigh = [3.8, ...Array.from({ length: 10 }, () => random.int(39, 54) / 10)];
  const issIII = orderStatistics(random, 31, 5.5, 7.4, 15.6, 1);
  issIII.push(random.int(55, 90) / 10);
  const pools = {
    I: random.shuffle(issI),
    II: random.shuffle([...issIIlow.map((v) => [v, 1] as const), ...[...issIImid, ...issIIhigh].map((v) => [v, 0] as const)]),
    III: random.shuffle(issIII),
  };
  const b2m: number[] = [];
  const albumin: number[] = [];
  const used = { I: 0, II: 0, III: 0 };
  for (const s of skeleton) {
    // Beyond the published counts (uncalibrated trials) the stage's values are drawn again from its pool.
    const k0 = used[s.iss]++;
    const k = k0 < pools[s.iss].length ? k0 : random.int(0, pools[s.iss].length - 1);
    if (s.iss === 'I') {
      b2m.push(pools.I[k]);
      albumin.push(random.int(350, 460) / 10);
    } else if (s.iss === 'II') {
      const [value, lowAlbumin] = pools.II[k];
      b2m.push(value);
      albumin.push(lowAlbumin === 1 ? random.int(250, 345) / 10 : random.int(280, 440) / 10);
    } else {
      b2m.push(pools.III[k]);
      albumin.push(random.int(240, 420) / 10);
    }
  }
  return { b2m, albumin };
}

const PRIOR_LINE_COUNTS: readonly (readonly [number, number])[] = [
  [1, 1], [2, 13], [3, 20], [4, 17], [5, 12], [6, 9], [7, 5], [8, 3], [9, 2], [10, 1], [12, 1], [16, 1],
];

/**
 * Table 1's prior lines (median 4, range 1-16). Its minimum of 1 contradicts the >= 2 lines inclusion
 * criterion (publication/published-findings.json): the twin follows the criterion, so the one subject Table 1 gives
 * a single line, `protocolViolator` (the paper's "major violation of the protocol", a violation during the
 * study here), has 2 lines; the median stays 4 and every enrolled subject meets every criterion.
 */
export function baselineProfiles(random: SeededRandom, skeleton: readonly SkeletonSubject[], protocolViolator: number): BaselineProfile[] {
  const n = skeleton.length;
  // Published lists of 85; an uncalibrated trial of another size draws from them with replacement.
  const fit = <T>(list: T[]): T[] => (list.length === n ? random.shuffle(list) : Array.from({ length: n }, () => random.pick(list)));
  const ageList = fit(ages(random));
  const sexList = fit(counts([['M', 51], ['F', 34]] as const));
  const ecogList = fit(counts([[0, 29], [1, 46], [2, 10]] as const));
  const subtypes = fit(counts<PlannedSubtype>([['IgG', 36], ['IgA', 23], ['IgD', 8], ['light-chain', 18]]));
  const { b2m, albumin } = b2mForStage(random, skeleton);
  const diagnosisSorted = n === 85 ? orderStatistics(random, n, 8.5, 36.3, 154.6, 1) : Array.from({ length: n }, () => random.pick(orderStatistics(random, 85, 8.5, 36.3, 154.6, 1))).sort((a, b) => a - b);
  const lineList = counts(PRIOR_LINE_COUNTS.filter(([lines]) => lines !== 1));
  const shuffledLines = lineList.length === n - 1 ? random.shuffle(lineList) : Array.from({ length: n }, () => random.pick(lineList));
  // Without a protocol violator (-1: a small uncalibrated trial with no early stopper) every subject reads its own entry.
  const linesFor = (i: number): number => (i === protocolViolator ? 2 : shuffledLines[i < protocolViolator || protocolViolator < 0 ? i : i - 1]);
  // Longer disease history with more prior lines: assign the sorted times along a noisy order of lines.
  const byHistory = Array.from({ length: n }, (_, i) => [i, linesFor(i) + random.normal(0, 2)] as const).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const diagnosis: number[] = new Array<number>(n);
  byHistory.forEach(([i], rank) => (diagnosis[i] = diagnosisSorted[rank]));

  // FISH among the 82 tested: del(17p) 18, t(4;14) 19 (2 with both) in the 35 high risk; gain(1q21) 57, del(13q) 44.
  // Counts for 85 subjects; proportional (rounded) in an uncalibrated trial of another size.
  const c = (count: number): number => Math.round((count * n) / 85);
  const tested = skeleton.flatMap((s, i) => (s.cytogeneticRisk === null ? [] : [i]));
  const high = random.shuffle(skeleton.flatMap((s, i) => (s.cytogeneticRisk === 'high' ? [i] : [])));
  const bothCount = Math.round((2 * high.length) / 35);
  const del17pOnly = Math.round((16 * high.length) / 35);
  const del17p = new Set([...high.slice(0, del17pOnly), ...high.slice(high.length - bothCount)]);
  const t414 = new Set(high.slice(del17pOnly));
  const gain1q = new Set(random.shuffle(tested).slice(0, Math.round((57 * tested.length) / 82)));
  // del(13q) travels with t(4;14) (as in myeloma biology): all t(4;14) plus 25 others of 63.
  const others = random.shuffle(tested.filter((i) => !t414.has(i)));
  const del13q = new Set([...t414, ...others.slice(0, Math.round((25 * others.length) / 63))]);
  const cd38 = random.shuffle(skeleton.flatMap((s, i) => (s.antiCd38 ? [i] : [])));
  const noDex = new Set(random.shuffle(Array.from({ length: n }, (_, i) => i)).slice(0, c(2)));
  const cyclo = new Set(random.shuffle(Array.from({ length: n }, (_, i) => i)).slice(0, c(61)));

  return skeleton.map((s, i): BaselineProfile => {
    const sex = sexList[i];
    const subtype = subtypes[i];
    const lightChain = subtype === 'IgD' ? (random.chance(0.85) ? 'lambda' : 'kappa') : random.chance(0.6) ? 'kappa' : 'lambda';
    let measurableParameter: MeasurableParameter = 'serum-m-protein';
    if (subtype === 'light-chain') measurableParameter = random.chance(0.55) ? 'urine-m-protein' : 'serum-flc';
    else if (subtype === 'IgD') measurableParameter = random.chance(0.5) ? 'serum-m-protein' : 'serum-flc';
    // IMWG 2016 defines no minimal response for FLC-only disease, so a subject planned MR is followed by
    // M-protein (no draw is added or dropped: the seeded stream stays as it was).
    if (s.bor === 'MR' && measurableParameter === 'serum-flc') measurableParameter = subtype === 'IgD' ? 'serum-m-protein' : 'urine-m-protein';
    const drawnValue =
      measurableParameter === 'serum-m-protein'
        ? round1(Math.min(85, Math.max(6, Math.exp(random.normal(Math.log(24), 0.6)))))
        : measurableParameter === 'urine-m-protein'
          ? Math.round(Math.min(6000, Math.max(260, Math.exp(random.normal(Math.log(900), 0.7)))))
          : Math.round(Math.min(5000, Math.max(130, Math.exp(random.normal(Math.log(600), 0.8)))));
    // Urine MR (50-89% down while still >= 200 mg/24 h, else it is PR) needs a baseline of at least ~500 mg/24 h.
    const baselineMeasurableValue = s.bor === 'MR' && measurableParameter === 'urine-m-protein' ? Math.max(drawnValue, MR_URINE_MIN_BASELINE) : drawnValue;
    const uln = random.pick([245, 250]);
    const ldh = s.ldhHigh ? random.int(uln + 10, uln * 2 + 100) : random.int(120, uln - 5);
    const call = (positive: boolean): FishCall => (s.cytogeneticRisk === null ? 'not-done' : positive ? 'positive' : 'negative');
    const lines = linesFor(i);
    const antiCd38 = s.antiCd38 ? (cd38.indexOf(i) % 9 === 0 ? 'isatuximab' : 'daratumumab') : null;
    const agents = ['lenalidomide', 'bortezomib'];
    if (!noDex.has(i)) agents.push('dexamethasone');
    if (cyclo.has(i)) agents.push('cyclophosphamide');
    if (lines >= 3 && random.chance(0.5)) agents.push('thalidomide');
    if (lines >= 3 && random.chance(0.35)) agents.push('ixazomib');
    if (lines >= 4 && random.chance(0.3)) agents.push('doxorubicin');
    if (s.asct) agents.push('melphalan');
    if (antiCd38 !== null) agents.push(antiCd38);
    return {
      age: ageList[i],
      sex,
      ecog: ecogList[i],
      weightKg: round1(sex === 'M' ? random.normal(68, 9) : random.normal(57, 8)),
      subtype,
      lightChain,
      measurableParameter,
      baselineMeasurableValue,
      beta2MicroglobulinMgPerL: b2m[i],
      albuminGPerL: albumin[i],
      ldhUPerL: ldh,
      ldhUpperLimitUPerL: uln,
      fish: {
        del17p: call(del17p.has(i)),
        t4_14: call(t414.has(i)),
        t14_16: call(false),
        gain1q21: call(gain1q.has(i)),
        del13q: call(del13q.has(i)),
      },
      monthsSinceDiagnosis: diagnosis[i],
      prior: {
        lines,
        agents,
        asct: s.asct,
        antiCd38,
        progressionDaysAfterLastLine: random.int(-60, 55),
      },
    };
  });
}
