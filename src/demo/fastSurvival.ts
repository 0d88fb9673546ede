/**
 * Approximate survival summaries for the calibration search's inner loop, where trialkit's validating
 * front ends would be too slow. The same product-limit and log-rank formulas as src/stats, without
 * validation or frozen results; the committed check (computePlanTallies) recomputes every target with
 * src/stats itself.
 */

export const DAYS_PER_MONTH = 365.25 / 12;

export interface FastCurveSummary {
  /** Months; null when S never reaches 0.5. */
  readonly median: number | null;
  /**
   * The step that takes S to the median sits at exactly 1/2: src/stats (as R) then gives the middle of the
   * flat stretch that follows, which `median` is not.
   */
  readonly medianOnHalf: boolean;
  /** log-log Brookmeyer-Crowley limits of the median, months; null = not reached. */
  readonly medianLower: number | null;
  readonly medianUpper: number | null;
  /** S at each requested month (the last step at or before it). */
  readonly rates: readonly number[];
  /** The log-log pointwise band of S at each requested month (1 before the first event); with limits only. */
  readonly rateLower: readonly number[];
  readonly rateUpper: readonly number[];
  /**
   * The lowest value each band takes over the whole curve (steps with 0 < S < 1; a step to S = 0 has no
   * band, as in src/stats), 1 when it has none; with limits only. A limit is not reached (NR) exactly when
   * its band stays above 1/2, so these measure how far a curve is from an NR limit, or from reaching one.
   */
  readonly lowestLower: number;
  readonly lowestUpper: number;
}

const Z975 = 1.959963984540054;

/**
 * Rows as sortable keys: time * 4 + (censored ? 2 : 0) + (not in group A ? 1 : 0), so a native numeric
 * sort orders by time with events first at a tie. Times are whole days.
 */
const keyBuffer = new Int32Array(4096);

function sortedKeys(time: ArrayLike<number>, status: ArrayLike<number>, rows: readonly number[]): Int32Array {
  const keys = keyBuffer.subarray(0, rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    keys[r] = Math.round(time[row]) * 4 + (status[row] === 1 ? 0 : 2);
  }
  return keys.sort();
}

export function fastCurve(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  rows: readonly number[],
  rateMonths: readonly number[],
  withLimits = true,
  needLowest = true,
): FastCurveSummary {
  const out = fastCurveScratch(rateMonths.length);
  fastCurveInto(time, status, rows, fastRateDays(rateMonths), withLimits, needLowest, out);
  return {
    median: out.median,
    medianOnHalf: out.medianOnHalf,
    medianLower: out.medianLower,
    medianUpper: out.medianUpper,
    rates: Array.from(out.rates),
    rateLower: Array.from(out.rateLower),
    rateUpper: Array.from(out.rateUpper),
    lowestLower: out.lowestLower,
    lowestUpper: out.lowestUpper,
  };
}

/** fastCurve's result, written in place by fastCurveInto (a search reuses one per curve, with no allocation). */
export interface FastCurveScratch {
  median: number | null;
  medianOnHalf: boolean;
  medianLower: number | null;
  medianUpper: number | null;
  readonly rates: Float64Array;
  readonly rateLower: Float64Array;
  readonly rateUpper: Float64Array;
  lowestLower: number;
  lowestUpper: number;
}

export function fastCurveScratch(rateCount: number): FastCurveScratch {
  return {
    median: null,
    medianOnHalf: false,
    medianLower: null,
    medianUpper: null,
    rates: new Float64Array(rateCount),
    rateLower: new Float64Array(rateCount),
    rateUpper: new Float64Array(rateCount),
    lowestLower: 1,
    lowestUpper: 1,
  };
}

/** The landmark months as days (months * DAYS_PER_MONTH), which fastCurveInto takes; compute once per curve. */
export function fastRateDays(rateMonths: readonly number[]): Float64Array {
  return Float64Array.from(rateMonths, (m) => m * DAYS_PER_MONTH);
}

/** The log-log band of S at `s` with Greenwood sum `greenwood` (0 < s < 1), into bandLower and bandUpper. */
let bandLower = Number.NaN;
let bandUpper = Number.NaN;
function band(s: number, greenwood: number): void {
  const half = (Z975 * Math.sqrt(greenwood)) / Math.log(s);
  const center = Math.log(-Math.log(s));
  bandLower = Math.exp(-Math.exp(center - half));
  bandUpper = Math.exp(-Math.exp(center + half));
}

/**
 * Each landmark's S and the Greenwood sum of its step (NaN before the first event), scratch of the walks: the
 * band of a landmark is computed once at the end, not at every step that might turn out to be its.
 */
let rateGreenwood = new Float64Array(8);

/** The bands at the landmarks from their S and Greenwood sums: 1 before the first event, NaN without limits or at S = 0. */
function rateBands(rateCount: number, rates: Float64Array, greenwoods: Float64Array, withLimits: boolean, rateLower: Float64Array, rateUpper: Float64Array): void {
  for (let r = 0; r < rateCount; r++) {
    const s = rates[r];
    const greenwood = greenwoods[r];
    if (greenwood !== greenwood) {
      rateLower[r] = 1;
      rateUpper[r] = 1;
    } else if (withLimits && s > 0 && s < 1) {
      band(s, greenwood);
      rateLower[r] = bandLower;
      rateUpper[r] = bandUpper;
    } else {
      rateLower[r] = Number.NaN;
      rateUpper[r] = Number.NaN;
    }
  }
}

/**
 * fastCurve into `out` (its rate arrays as long as `rateDays`), with the landmarks given in days (fastRateDays).
 * Without `needLowest`, the bands are computed only until both limits are found, and at the landmarks:
 * lowestLower / lowestUpper then cover the curve up to there (a caller reads them for a limit not reached).
 */
export function fastCurveInto(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  rows: readonly number[],
  rateDays: Float64Array,
  withLimits: boolean,
  needLowest: boolean,
  out: FastCurveScratch,
): void {
  const keys = sortedKeys(time, status, rows);
  let atRisk = keys.length;
  let s = 1;
  let greenwood = 0;
  let median: number | null = null;
  let medianOnHalf = false;
  let lowerLimit: number | null = null;
  let upperLimit: number | null = null;
  let lowestLower = 1;
  let lowestUpper = 1;
  const rates = out.rates;
  const rateLower = out.rateLower;
  const rateUpper = out.rateUpper;
  const rateCount = rateDays.length;
  rates.fill(1);
  if (rateGreenwood.length < rateCount) rateGreenwood = new Float64Array(rateCount);
  rateGreenwood.fill(Number.NaN, 0, rateCount);
  let lastRateDay = 0;
  for (let r = 0; r < rateCount; r++) lastRateDay = Math.max(lastRateDay, rateDays[r]);
  const size = keys.length;
  let i = 0;
  while (i < size) {
    const t = keys[i] >> 2;
    // Past the median and the last landmark, the curve is only needed for limits not yet found, or for the
    // lowest bands (without `needLowest`, lowestLower / lowestUpper then cover the curve only up to here).
    if (t > lastRateDay && median !== null && (!withLimits || (!needLowest && lowerLimit !== null && upperLimit !== null))) break;
    let d = 0;
    let c = 0;
    while (i < size && keys[i] >> 2 === t) {
      if ((keys[i] & 2) === 0) d += 1;
      else c += 1;
      i += 1;
    }
    if (d > 0) {
      s *= 1 - d / atRisk;
      if (atRisk > d) greenwood += d / (atRisk * (atRisk - d));
      if (median === null && s <= 0.5 + 1e-12) {
        median = t / DAYS_PER_MONTH;
        medianOnHalf = Math.abs(s - 0.5) < 1e-9;
      }
      if (withLimits && s > 0 && s < 1 && (needLowest || lowerLimit === null || upperLimit === null)) {
        // log-log band (src/stats survivalConfidenceLimits); S = 0 has none, as there.
        band(s, greenwood);
        const a = bandLower;
        const b = bandUpper;
        // The median's lower limit is where the lower band reaches 0.5, its upper limit where the upper band does.
        if (a < lowestLower) lowestLower = a;
        if (b < lowestUpper) lowestUpper = b;
        if (lowerLimit === null && a <= 0.5) lowerLimit = t / DAYS_PER_MONTH;
        if (upperLimit === null && b <= 0.5) upperLimit = t / DAYS_PER_MONTH;
      }
      for (let r = 0; r < rateCount; r++) {
        if (t <= rateDays[r]) {
          rates[r] = s;
          rateGreenwood[r] = greenwood;
        }
      }
    }
    atRisk -= d + c;
  }
  rateBands(rateCount, rates, rateGreenwood, withLimits, rateLower, rateUpper);
  out.median = median;
  out.medianOnHalf = medianOnHalf;
  out.medianLower = lowerLimit;
  out.medianUpper = upperLimit;
  out.lowestLower = lowestLower;
  out.lowestUpper = lowestUpper;
}

/** Complementary error function (Numerical Recipes erfcc, relative error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

const membership = new Uint8Array(4096);

/** Two-group log-rank p-value (chi-square, 1 df). Row indices must be < 4096. */
export function fastLogRankP(time: ArrayLike<number>, status: ArrayLike<number>, groupA: readonly number[], groupB: readonly number[]): number {
  for (const row of groupA) membership[row] = 1;
  // A row in both groups counts as B in both (as it always did).
  for (const row of groupB) membership[row] = 0;
  // The keys of both groups (no concatenated copy of the rows), sorted.
  const keys = keyBuffer.subarray(0, groupA.length + groupB.length);
  for (let r = 0; r < groupA.length; r++) {
    const row = groupA[r];
    keys[r] = Math.round(time[row]) * 4 + (status[row] === 1 ? 0 : 2) + (membership[row] === 1 ? 0 : 1);
  }
  for (let r = 0; r < groupB.length; r++) {
    const row = groupB[r];
    keys[groupA.length + r] = Math.round(time[row]) * 4 + (status[row] === 1 ? 0 : 2) + 1;
  }
  keys.sort();
  let nA = groupA.length;
  let n = keys.length;
  let oMinusE = 0;
  let variance = 0;
  let i = 0;
  while (i < keys.length) {
    const t = keys[i] >> 2;
    let d = 0;
    let dA = 0;
    let leaveA = 0;
    let leave = 0;
    while (i < keys.length && keys[i] >> 2 === t) {
      const k = keys[i] & 3;
      const isA = (k & 1) === 0;
      if ((k & 2) === 0) {
        d += 1;
        if (isA) dA += 1;
      }
      leave += 1;
      if (isA) leaveA += 1;
      i += 1;
    }
    if (d > 0 && n > 1) {
      const p = nA / n;
      oMinusE += dA - d * p;
      variance += (d * p * (1 - p) * (n - d)) / (n - 1);
    }
    n -= leave;
    nA -= leaveA;
  }
  if (variance <= 0) return 1;
  const chi = (oMinusE * oMinusE) / variance;
  return erfc(Math.sqrt(chi / 2));
}

/**
 * fastLogRankP for two disjoint groups whose keys (fastCurveKey) are already sorted, as a curve walk keeps
 * them (FastCurveWalk.keys): the two runs are merged by day instead of sorted again. The same sums over the
 * same days in the same order as fastLogRankP, so the same P to the last bit.
 */
export function fastLogRankPSorted(keysA: Int32Array, sizeA: number, keysB: Int32Array, sizeB: number): number {
  let nA = sizeA;
  let n = sizeA + sizeB;
  let oMinusE = 0;
  let variance = 0;
  let a = 0;
  let b = 0;
  while (a < sizeA || b < sizeB) {
    const tA = a < sizeA ? keysA[a] >> 2 : 0x7fffffff;
    const tB = b < sizeB ? keysB[b] >> 2 : 0x7fffffff;
    const t = tA < tB ? tA : tB;
    let d = 0;
    let dA = 0;
    let leaveA = 0;
    let leave = 0;
    while (a < sizeA && keysA[a] >> 2 === t) {
      if ((keysA[a] & 2) === 0) {
        d += 1;
        dA += 1;
      }
      leave += 1;
      leaveA += 1;
      a += 1;
    }
    while (b < sizeB && keysB[b] >> 2 === t) {
      if ((keysB[b] & 2) === 0) d += 1;
      leave += 1;
      b += 1;
    }
    if (d > 0 && n > 1) {
      const p = nA / n;
      oMinusE += dA - d * p;
      variance += (d * p * (1 - p) * (n - d)) / (n - 1);
    }
    n -= leave;
    nA -= leaveA;
  }
  if (variance <= 0) return 1;
  const chi = (oMinusE * oMinusE) / variance;
  return erfc(Math.sqrt(chi / 2));
}

/**
 * fastCurveInto for a search that moves a few rows at a time: the walk keeps its sorted keys and, for each
 * step (distinct time) it took, the state before it (at risk, S, Greenwood sum, lowest bands) and S with its
 * band after it. `resumeCurveWalk` starts a new walk from an old one whose keys before day `fromDay` are
 * the same: it copies the steps before that day and walks on from there, doing exactly the arithmetic the
 * whole walk would (the steps before are the same operations on the same numbers), so the result is the same
 * to the last bit.
 */
export interface FastCurveWalk {
  readonly keys: Int32Array;
  size: number;
  /**
   * Per step, WALK_F64 numbers: before it, S, the Greenwood sum, the lowest bands and the number at risk;
   * after it, S and the Greenwood sum (its band when a landmark needs it; one array, so resuming copies a
   * prefix in one loop).
   */
  readonly f64: Float64Array;
  /** Per step, WALK_I32 integers: its day, the index of its first key, 1 when it has an event. */
  readonly i32: Int32Array;
  /** Steps recorded (the last is the one the walk stopped at when `stopped`). */
  steps: number;
  stopped: boolean;
  medianStep: number;
  medianOnHalf: boolean;
  lowerStep: number;
  upperStep: number;
}

const WALK_F64 = 7;
const S_BEFORE = 0;
const GREENWOOD_BEFORE = 1;
const LOWEST_LOWER_BEFORE = 2;
const LOWEST_UPPER_BEFORE = 3;
const AT_RISK_BEFORE = 4;
const S_AFTER = 5;
const GREENWOOD_AFTER = 6;
const WALK_I32 = 3;
const STEP_TIME = 0;
const STEP_INDEX = 1;
const STEP_EVENT = 2;

export function fastCurveWalk(capacity: number): FastCurveWalk {
  const steps = capacity + 1;
  return {
    keys: new Int32Array(capacity),
    size: 0,
    f64: new Float64Array(steps * WALK_F64),
    i32: new Int32Array(steps * WALK_I32),
    steps: 0,
    stopped: false,
    medianStep: -1,
    medianOnHalf: false,
    lowerStep: -1,
    upperStep: -1,
  };
}

/** The sort key of a row (as sortedKeys: time * 4, + 2 when censored), as an Int32Array stores it. */
export function fastCurveKey(time: number, status: number): number {
  return (Math.round(time) * 4 + (status === 1 ? 0 : 2)) | 0;
}

/** A whole walk over `rows` into `walk` (keys sorted afresh), its summary into `out`. */
export function startCurveWalk(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  rows: readonly number[],
  rateDays: Float64Array,
  withLimits: boolean,
  needLowest: boolean,
  walk: FastCurveWalk,
  out: FastCurveScratch,
): void {
  const keys = walk.keys;
  for (let r = 0; r < rows.length; r++) keys[r] = fastCurveKey(time[rows[r]], status[rows[r]]);
  walk.size = rows.length;
  keys.subarray(0, rows.length).sort();
  walkFrom(walk, 0, rateDays, withLimits, needLowest, out);
}

/**
 * `walk` has the keys of `from` with some replaced, every key before day `fromDay` unchanged (the caller
 * updated walk.keys): copies the steps of `from` before that day and walks on.
 */
export function resumeCurveWalk(from: FastCurveWalk, walk: FastCurveWalk, fromDay: number, rateDays: Float64Array, withLimits: boolean, needLowest: boolean, out: FastCurveScratch): void {
  let j = 0;
  const fromI32 = from.i32;
  while (j < from.steps && fromI32[j * WALK_I32 + STEP_TIME] < fromDay) j += 1;
  if (j === from.steps) {
    // Every recorded step is before the day: a walk that stopped stops at its last step again (the same state
    // at the same time); one that ran to the end cannot have had a key on or after the day, so start over.
    if (!from.stopped) j = 0;
    else j = from.steps - 1;
  }
  if (j > 0) {
    // The steps before j, and the state before step j (the same in both walks: the same keys came before it).
    const f64 = walk.f64;
    const fromF64 = from.f64;
    for (let x = 0, end = (j + 1) * WALK_F64; x < end; x++) f64[x] = fromF64[x];
    const i32 = walk.i32;
    for (let x = 0, end = (j + 1) * WALK_I32; x < end; x++) i32[x] = fromI32[x];
  }
  walk.medianStep = from.medianStep < j ? from.medianStep : -1;
  walk.medianOnHalf = from.medianStep < j ? from.medianOnHalf : false;
  walk.lowerStep = from.lowerStep < j ? from.lowerStep : -1;
  walk.upperStep = from.upperStep < j ? from.upperStep : -1;
  walkFrom(walk, j, rateDays, withLimits, needLowest, out);
}

/** The walk from step `j` (whose state-before entries are set when j > 0), as fastCurveInto walks. */
function walkFrom(walk: FastCurveWalk, j0: number, rateDays: Float64Array, withLimits: boolean, needLowest: boolean, out: FastCurveScratch): void {
  const keys = walk.keys;
  const size = walk.size;
  let j = j0;
  let i = 0;
  let atRisk = size;
  let s = 1;
  let greenwood = 0;
  let lowestLower = 1;
  let lowestUpper = 1;
  let median: number | null = null;
  let medianOnHalf = false;
  let lowerLimit: number | null = null;
  let upperLimit: number | null = null;
  const rates = out.rates;
  const rateCount = rateDays.length;
  rates.fill(1);
  if (rateGreenwood.length < rateCount) rateGreenwood = new Float64Array(rateCount);
  rateGreenwood.fill(Number.NaN, 0, rateCount);
  const f64 = walk.f64;
  const i32 = walk.i32;
  if (j > 0) {
    i = i32[j * WALK_I32 + STEP_INDEX];
    atRisk = f64[j * WALK_F64 + AT_RISK_BEFORE];
    s = f64[j * WALK_F64 + S_BEFORE];
    greenwood = f64[j * WALK_F64 + GREENWOOD_BEFORE];
    lowestLower = f64[j * WALK_F64 + LOWEST_LOWER_BEFORE];
    lowestUpper = f64[j * WALK_F64 + LOWEST_UPPER_BEFORE];
    if (walk.medianStep >= 0) {
      median = i32[walk.medianStep * WALK_I32 + STEP_TIME] / DAYS_PER_MONTH;
      medianOnHalf = walk.medianOnHalf;
    }
    if (walk.lowerStep >= 0) lowerLimit = i32[walk.lowerStep * WALK_I32 + STEP_TIME] / DAYS_PER_MONTH;
    if (walk.upperStep >= 0) upperLimit = i32[walk.upperStep * WALK_I32 + STEP_TIME] / DAYS_PER_MONTH;
    // Each landmark holds the last event step on or before it.
    for (let r = 0; r < rateCount; r++) {
      for (let k = j - 1; k >= 0; k--) {
        if (i32[k * WALK_I32 + STEP_EVENT] === 1 && i32[k * WALK_I32 + STEP_TIME] <= rateDays[r]) {
          rates[r] = f64[k * WALK_F64 + S_AFTER];
          rateGreenwood[r] = f64[k * WALK_F64 + GREENWOOD_AFTER];
          break;
        }
      }
    }
  } else {
    walk.medianStep = -1;
    walk.medianOnHalf = false;
    walk.lowerStep = -1;
    walk.upperStep = -1;
  }
  let lastRateDay = 0;
  for (let r = 0; r < rateCount; r++) lastRateDay = Math.max(lastRateDay, rateDays[r]);
  walk.stopped = false;
  while (i < size) {
    const t = keys[i] >> 2;
    const at = j * WALK_F64;
    i32[j * WALK_I32 + STEP_TIME] = t;
    i32[j * WALK_I32 + STEP_INDEX] = i;
    f64[at + AT_RISK_BEFORE] = atRisk;
    f64[at + S_BEFORE] = s;
    f64[at + GREENWOOD_BEFORE] = greenwood;
    f64[at + LOWEST_LOWER_BEFORE] = lowestLower;
    f64[at + LOWEST_UPPER_BEFORE] = lowestUpper;
    // Past the median and the last landmark, the curve is only needed for limits not yet found, or for the
    // lowest bands (without `needLowest`, lowestLower / lowestUpper then cover the curve only up to here).
    if (t > lastRateDay && median !== null && (!withLimits || (!needLowest && lowerLimit !== null && upperLimit !== null))) {
      walk.stopped = true;
      j += 1;
      break;
    }
    let d = 0;
    let c = 0;
    while (i < size && keys[i] >> 2 === t) {
      if ((keys[i] & 2) === 0) d += 1;
      else c += 1;
      i += 1;
    }
    if (d > 0) {
      s *= 1 - d / atRisk;
      if (atRisk > d) greenwood += d / (atRisk * (atRisk - d));
      if (median === null && s <= 0.5 + 1e-12) {
        median = t / DAYS_PER_MONTH;
        medianOnHalf = Math.abs(s - 0.5) < 1e-9;
        walk.medianStep = j;
        walk.medianOnHalf = medianOnHalf;
      }
      // The band only while a limit is still to be found, or for the lowest bands (landmarks: rateBands).
      if (withLimits && s > 0 && s < 1 && (needLowest || lowerLimit === null || upperLimit === null)) {
        // log-log band (src/stats survivalConfidenceLimits); S = 0 has none, as there.
        band(s, greenwood);
        const a = bandLower;
        const b = bandUpper;
        // The median's lower limit is where the lower band reaches 0.5, its upper limit where the upper band does.
        if (a < lowestLower) lowestLower = a;
        if (b < lowestUpper) lowestUpper = b;
        if (lowerLimit === null && a <= 0.5) {
          lowerLimit = t / DAYS_PER_MONTH;
          walk.lowerStep = j;
        }
        if (upperLimit === null && b <= 0.5) {
          upperLimit = t / DAYS_PER_MONTH;
          walk.upperStep = j;
        }
      }
      for (let r = 0; r < rateCount; r++) {
        if (t <= rateDays[r]) {
          rates[r] = s;
          rateGreenwood[r] = greenwood;
        }
      }
    }
    i32[j * WALK_I32 + STEP_EVENT] = d > 0 ? 1 : 0;
    f64[at + S_AFTER] = s;
    f64[at + GREENWOOD_AFTER] = greenwood;
    atRisk -= d + c;
    j += 1;
  }
  walk.steps = j;
  rateBands(rateCount, rates, rateGreenwood, withLimits, out.rateLower, out.rateUpper);
  out.median = median;
  out.medianOnHalf = medianOnHalf;
  out.medianLower = lowerLimit;
  out.medianUpper = upperLimit;
  out.lowestLower = lowestLower;
  out.lowestUpper = lowestUpper;
}
