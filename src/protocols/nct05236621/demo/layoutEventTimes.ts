import type { Fate, SkeletonSubject } from './calibratedSkeleton.js';
import { CURVE_TARGETS, LOGRANK_TARGETS, type CurveTarget } from './calibrationTargets.js';
import {
  DAYS_PER_MONTH,
  fastCurveKey,
  fastCurveScratch,
  fastCurveWalk,
  fastLogRankP,
  fastLogRankPSorted,
  fastRateDays,
  resumeCurveWalk,
  startCurveWalk,
  type FastCurveScratch,
  type FastCurveWalk,
} from '../../../demo/index.js';
import type { SeededRandom } from '../../../demo/index.js';
import { gradeSurvivalRow, publishedSurvivalRow } from './gradeSurvivalRow.js';
import type { PublishedResult } from '../../../reproduce/index.js';

/**
 * The event-time search: a deterministic simulated annealing over the seeded draws that places each
 * subject's enrolment slot, visit schedule, response, progression, death and end of treatment so that the
 * Kaplan-Meier medians, landmark rates and log-rank P values of the paper come back (stage 1), then, from
 * the best stage-1 layout, every printed survival row graded as `trialkit reproduce` grades it (stage 2,
 * `gradeIterations` in `gradeRounds` rounds; see LossMode).
 *
 * Everything is on the visit grid: assessment k (k = 0 is baseline, C1D1 = day 1) falls on the start day of
 * cycle k + 1, 28 days after the previous one give or take a small jitter, plus one 7- or 14-day delay in the
 * subjects whose pomalidomide was delayed. Progression is dated at the first PD assessment and confirmed
 * at the next one, which must fall on or before the cutoff; deaths may fall on any day.
 */

export const CYCLE_DAYS = 28;
const MAX_VISITS = 26;
export const DELAYED_SUBJECTS = 18;
export const DELAY_DAYS = 7;
const EARLY_STOPPERS = 12;
const OS_LOST = 2;
const OS_DEAD_AFTER_PROGRESSION = 31;
const CONSENT_OS_WITHDRAWN = 6;

export interface SubjectLayout {
  readonly slot: number;
  readonly fate: Fate;
  readonly assessmentDays: readonly number[];
  readonly delayCycle: number;
  readonly delayDays: number;
  readonly firstResponseVisit: number;
  readonly progressionVisit: number;
  readonly newTherapyVisit: number;
  readonly lastAdequateVisit: number;
  readonly deathDay: number | null;
  readonly osDay: number;
  readonly osState: 'dead' | 'alive' | 'lost' | 'withdrawn';
  readonly lastDoseDay: number;
  readonly treatmentOngoing: boolean;
  readonly stoppedEarly: boolean;
  readonly pfsDay: number;
  readonly pfsEvent: 0 | 1;
  readonly dorDay: number | null;
}

/** Jitter of a cycle start (days), a pure function of (seed, visit) so re-drawing a seed is cheap. */
function jitter(seed: number, visit: number): number {
  let h = Math.imul(seed ^ Math.imul(visit + 1, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // The visit window, +/-3 days, nearly flat (a visit on the planned day somewhat more often).
  const r = (h >>> 0) % 100;
  if (r < 20) return 0;
  if (r < 33) return 1;
  if (r < 46) return -1;
  if (r < 60) return 2;
  if (r < 73) return -2;
  if (r < 87) return 3;
  return -3;
}

/**
 * Cycle start days for a subject: `delayCycle` > 0 delays that cycle's start (a pomalidomide delay) by
 * `delayDays`; every later cycle follows from it.
 */
export function visitSchedule(seed: number, delayCycle: number, delayDays = DELAY_DAYS): number[] {
  const days = [1];
  for (let k = 1; k < MAX_VISITS; k++) {
    days.push(days[k - 1] + CYCLE_DAYS + jitter(seed, k) + (k === delayCycle ? delayDays : 0));
  }
  return days;
}

interface State {
  slot: Int32Array;
  seed: Int32Array;
  delayCycle: Int32Array;
  delayDays: Int32Array;
  fate: Fate[];
  kResp: Int32Array;
  kPd: Int32Array;
  kNt: Int32Array;
  kLast: Int32Array;
  deathDay: Int32Array;
  /** For progressing subjects: 0 alive, 1 dead, 2 lost; for consent withdrawals: 3 withdrawn from follow-up, 0 followed. */
  osState: Int32Array;
  gap: Int32Array;
  early: Uint8Array;
  kEnd: Int32Array;
  endOffset: Int32Array;
}

/**
 * The survival times and constraint breaches of a layout. Every per-row value is a pure function of that
 * row's state, schedule and slot cutoff (the `base*`, `bits` and `cand*` rows); what depends on other rows
 * (the two progressing subjects still on treatment, the treatment-emergent deaths, the ties) is derived from
 * those afterwards. A move changes one or two subjects, so a candidate layout is the current one's rows
 * with only the moved ones derived again (deriveMoved); the rest is equal by construction, and a test
 * (layoutEventTimes.test.ts) checks the result against a whole derivation bit for bit.
 */
interface Derived {
  pfsTime: Float64Array;
  pfsStatus: Uint8Array;
  osTime: Float64Array;
  osStatus: Uint8Array;
  fuStatus: Uint8Array;
  dorTime: Float64Array;
  dorStatus: Uint8Array;
  trtTime: Float64Array;
  trtStatus: Uint8Array;
  lastDose: Float64Array;
  ongoing: Uint8Array;
  /** The last dose and on-treatment flag before the on-treatment selection marks two progressing subjects. */
  baseLastDose: Float64Array;
  baseOngoing: Uint8Array;
  /** Each row's breaches as bits of SUBJECT_TAGS (the on-treatment one excepted: `markedBad`). */
  bits: Int32Array;
  /** 1 for a progressing subject alive, followed and not stopped early (an on-treatment candidate), with its gap to the cutoff. */
  candFlag: Uint8Array;
  candGap: Float64Array;
  /** The day of a responder's first response (respFlag 1), 0 for the others. */
  respDay: Float64Array;
  respFlag: Uint8Array;
  /** The rows the on-treatment selection marked, in the order chosen, and 1 where such a mark is a breach. */
  marked: Int32Array;
  markedBad: Uint8Array;
  markedCount: number;
  /** Set bits over `bits`. */
  bitTotal: number;
  /** Deaths in the treatment-emergent window, and the tie breaches by TIE_TAGS (both counted when scale is 1). */
  teDeaths: number;
  readonly ties: Int32Array;
  violations: number;
  /** Rows whose values may differ from those of the layout this one was derived from (deriveMoved). */
  changed: Int32Array;
  changedCount: number;
}

// Fates are compared by reference in the hot loop (every Fate is one of these literals), not with startsWith.
const isProgressing = (fate: Fate): boolean => fate === 'resp-progression' || fate === 'dc-progression' || fate === 'pd-progression';
const isResponder = (fate: Fate): boolean => fate === 'resp-progression' || fate === 'resp-new-therapy' || fate === 'resp-ongoing';

function lastVisitOnOrBefore(days: readonly number[], day: number): number {
  let k = 0;
  while (k + 1 < days.length && days[k + 1] <= day) k += 1;
  return k;
}

/** A subject's breaches, one bit each, in the order derive checks them (the order of violationTags). */
const SUBJECT_TAGS = [
  'progression-confirmed-after-cutoff',
  'progression-before-confirmed-response',
  'best-response-pd-too-late',
  'stable-disease-unconfirmed',
  'death-after-cutoff',
  'early-stop-after-progression',
  'new-therapy-infeasible',
  'response-unconfirmed-at-cutoff',
  'early-death-after-cutoff',
  'withdrawal-after-cutoff',
  'no-post-baseline-slot-too-early',
  'delay-after-last-dose',
  'on-treatment-progression-too-early',
  'death-before-progression',
] as const;
const ON_TREATMENT_TOO_EARLY_BIT = 12;
const DEATH_BEFORE_PROGRESSION = 1 << 13;
/** The bits the per-row pass records in its own loop (the death-before-progression bit comes in a later one). */
const FIRST_PASS_BITS = (1 << ON_TREATMENT_TOO_EARLY_BIT) - 1;

function bitCount(bits: number): number {
  let v = bits - ((bits >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) | 0;
}

function emptyDerived(n: number): Derived {
  return {
    pfsTime: new Float64Array(n),
    pfsStatus: new Uint8Array(n),
    osTime: new Float64Array(n),
    osStatus: new Uint8Array(n),
    fuStatus: new Uint8Array(n),
    dorTime: new Float64Array(n),
    dorStatus: new Uint8Array(n),
    trtTime: new Float64Array(n),
    trtStatus: new Uint8Array(n),
    lastDose: new Float64Array(n),
    ongoing: new Uint8Array(n),
    baseLastDose: new Float64Array(n),
    baseOngoing: new Uint8Array(n),
    bits: new Int32Array(n),
    candFlag: new Uint8Array(n),
    candGap: new Float64Array(n),
    respDay: new Float64Array(n),
    respFlag: new Uint8Array(n),
    marked: new Int32Array(n),
    markedBad: new Uint8Array(n),
    markedCount: 0,
    bitTotal: 0,
    teDeaths: 0,
    ties: new Int32Array(TIE_TAGS.length),
    violations: 0,
    changed: new Int32Array(n),
    changedCount: 0,
  };
}

/** `into` becomes a copy of `from` (every row and count). */
function copyDerived(from: Derived, into: Derived): void {
  into.pfsTime.set(from.pfsTime);
  into.pfsStatus.set(from.pfsStatus);
  into.osTime.set(from.osTime);
  into.osStatus.set(from.osStatus);
  into.fuStatus.set(from.fuStatus);
  into.dorTime.set(from.dorTime);
  into.dorStatus.set(from.dorStatus);
  into.trtTime.set(from.trtTime);
  into.trtStatus.set(from.trtStatus);
  into.lastDose.set(from.lastDose);
  into.ongoing.set(from.ongoing);
  into.baseLastDose.set(from.baseLastDose);
  into.baseOngoing.set(from.baseOngoing);
  into.bits.set(from.bits);
  into.candFlag.set(from.candFlag);
  into.candGap.set(from.candGap);
  into.respDay.set(from.respDay);
  into.respFlag.set(from.respFlag);
  into.marked.set(from.marked);
  into.markedBad.set(from.markedBad);
  into.markedCount = from.markedCount;
  into.bitTotal = from.bitTotal;
  into.teDeaths = from.teDeaths;
  into.ties.set(from.ties);
  into.violations = from.violations;
}

/** Row i's own values (everything but the on-treatment marks and what follows from them). */
function deriveRow(state: State, slotsCutoffDay: readonly number[], schedules: number[][], d: Derived, i: number): void {
  const cut = slotsCutoffDay[state.slot[i]];
  const cs = schedules[i];
  const fate = state.fate[i];
  const kNow = lastVisitOnOrBefore(cs, cut);
  // This subject's breaches as bits of SUBJECT_TAGS.
  let bad = 0;
  const ongoingDose = Math.min(cut, cs[kNow] + 20);
  let pfs = 1;
  let pfsEvent: 0 | 1 = 0;
  let os = cut;
  let dead = 0;
  let lastDose = ongoingDose;
  let ongoing = 0;
  let candidate = 0;
  let candidateGap = 0;
  if (isProgressing(fate)) {
    const k = state.kPd[i];
    if (k < 1 || k + 1 >= MAX_VISITS || cs[k + 1] > cut) bad |= 1;
    if (isResponder(fate) && k < state.kResp[i] + 2) bad |= 2;
    // Best response PD: progression at the first or second assessment, before stable disease is confirmed.
    if (fate === 'pd-progression' && k > 2) bad |= 4;
    // MR/SD confirmed at assessments 1 and 2, so progression from assessment 3 on.
    if (fate === 'dc-progression' && k < 3) bad |= 8;
    pfs = cs[k];
    pfsEvent = 1;
    const confirm = cs[Math.min(k + 1, MAX_VISITS - 1)];
    const st = state.osState[i];
    if (st === 1 || st === 2) {
      os = confirm + state.gap[i];
      if (os > cut) bad |= 16;
      dead = st === 1 ? 1 : 0;
    }
    if (state.early[i] === 1) {
      const kEnd = state.kEnd[i];
      if (kEnd >= k) bad |= 32;
      lastDose = cs[Math.min(kEnd, k)] + state.endOffset[i];
    } else {
      lastDose = cs[k] + 20;
      // Only a subject alive and followed at the cutoff can still be on treatment then.
      if (st === 0) {
        candidate = 1;
        // The gap from the confirmation to the cutoff (NaN when k + 1 is past the schedule).
        candidateGap = cut - cs[k + 1];
      }
    }
  } else if (fate === 'resp-new-therapy') {
    const k = state.kNt[i];
    if (k < state.kResp[i] + 1 || k + 1 >= MAX_VISITS || cs[k] + 27 > cut) bad |= 64;
    pfs = cs[k];
    lastDose = cs[k] + 20;
  } else if (fate === 'resp-ongoing' || fate === 'dc-ongoing') {
    if (fate === 'resp-ongoing' && kNow < state.kResp[i] + 1) bad |= 128;
    pfs = cs[kNow];
    ongoing = 1;
  } else if (fate === 'ne-death') {
    const day = state.deathDay[i];
    if (day > cut) bad |= 256;
    pfs = day;
    pfsEvent = 1;
    os = day;
    dead = 1;
    lastDose = Math.min(day - 2, day > cs[1] ? cs[1] + 20 : 21);
  } else if (fate === 'ne-consent') {
    const k = state.kLast[i];
    if (cs[k] + state.endOffset[i] + 7 > cut) bad |= 512;
    pfs = k === 0 ? 1 : cs[k];
    lastDose = cs[k] + state.endOffset[i];
    if (state.osState[i] === 3) os = lastDose + 7;
  } else {
    // no post-baseline assessment: enrolled within 4 weeks of the cutoff, on treatment.
    if (cut >= cs[1]) bad |= 1024;
    pfs = 1;
    ongoing = 1;
  }
  // A delayed cycle must be one that was started on treatment.
  if (state.delayCycle[i] > 0 && cs[state.delayCycle[i]] > lastDose) bad |= 2048;
  if (dead === 1 && os < pfs) bad |= DEATH_BEFORE_PROGRESSION;
  d.bitTotal += bitCount(bad) - bitCount(d.bits[i]);
  d.bits[i] = bad;
  d.pfsTime[i] = pfs;
  d.pfsStatus[i] = pfsEvent;
  d.osTime[i] = os;
  d.osStatus[i] = dead;
  d.fuStatus[i] = dead === 1 ? 0 : 1;
  d.baseLastDose[i] = lastDose;
  d.baseOngoing[i] = ongoing;
  d.lastDose[i] = lastDose;
  d.ongoing[i] = ongoing;
  d.candFlag[i] = candidate;
  d.candGap[i] = candidateGap;
  if (isResponder(fate)) {
    const start = cs[state.kResp[i]];
    d.dorTime[i] = pfs - start + 1;
    d.dorStatus[i] = pfsEvent;
    d.respDay[i] = start;
    d.respFlag[i] = 1;
  } else {
    d.dorTime[i] = 0;
    d.dorStatus[i] = 0;
    d.respDay[i] = 0;
    d.respFlag[i] = 0;
  }
}

/** Scratch of the on-treatment selection (grown on demand, never shrunk): the candidates' rows and which are taken. */
let candidateRows = new Int32Array(128);
let candidateTaken = new Uint8Array(128);
/** Scratch of deriveMoved: 1 for a row already in `changed`. */
let changedFlag = new Uint8Array(128);

/** A whole derivation of the layout into `d`. */
function derive(state: State, skeleton: readonly SkeletonSubject[], slotsCutoffDay: readonly number[], schedules: number[][], d: Derived, scale = 1): Derived {
  const n = skeleton.length;
  if (tieOwner === d) tieOwner = null;
  d.bits.fill(0);
  d.bitTotal = 0;
  d.markedCount = 0;
  for (let i = 0; i < n; i++) {
    deriveRow(state, slotsCutoffDay, schedules, d, i);
    d.changed[i] = i;
  }
  d.changedCount = n;
  finishDerive(state, slotsCutoffDay, schedules, d, n, scale);
  return d;
}

/**
 * `into` = the derivation of the layout whose rows differ from those `from` derived only in `rows[0, count)`
 * (their state, schedule or slot): `from`'s rows with those derived again. `into.changed` lists, ascending,
 * the rows whose values may differ from `from`'s.
 */
function deriveMoved(
  state: State,
  slotsCutoffDay: readonly number[],
  schedules: number[][],
  from: Derived,
  into: Derived,
  rows: readonly number[],
  count: number,
  n: number,
  scale: number,
): Derived {
  if (tieOwner === into) tieOwner = null;
  copyDerived(from, into);
  if (changedFlag.length < n) changedFlag = new Uint8Array(n);
  let changed = 0;
  const add = (row: number): void => {
    if (changedFlag[row] === 1) return;
    changedFlag[row] = 1;
    into.changed[changed++] = row;
  };
  for (let r = 0; r < count; r++) {
    const row = rows[r];
    if (changedFlag[row] === 1) continue;
    deriveRow(state, slotsCutoffDay, schedules, into, row);
    add(row);
  }
  // The rows the old selection marked get back their own last dose (the new selection marks again below).
  for (let m = 0; m < from.markedCount; m++) {
    const row = from.marked[m];
    into.lastDose[row] = into.baseLastDose[row];
    into.ongoing[row] = into.baseOngoing[row];
    add(row);
  }
  into.markedCount = 0;
  selectOnTreatment(state, slotsCutoffDay, schedules, into, n, scale);
  for (let m = 0; m < into.markedCount; m++) add(into.marked[m]);
  const list = into.changed;
  // Ascending (a handful of rows: insertion sort).
  for (let a = 1; a < changed; a++) {
    const v = list[a];
    let b = a - 1;
    while (b >= 0 && list[b] > v) {
      list[b + 1] = list[b];
      b -= 1;
    }
    list[b + 1] = v;
  }
  for (let c = 0; c < changed; c++) {
    const row = list[c];
    changedFlag[row] = 0;
    into.trtTime[row] = treatmentEnd(into, row, schedules[row], slotsCutoffDay[state.slot[row]]);
    into.trtStatus[row] = into.ongoing[row] === 1 ? 0 : 1;
  }
  into.changedCount = changed;
  if (scale === 1) {
    let teDeaths = from.teDeaths;
    for (let c = 0; c < changed; c++) teDeaths += treatmentEmergentDeath(into, list[c]) - treatmentEmergentDeath(from, list[c]);
    into.teDeaths = teDeaths;
    movedTies(from, into, n);
  }
  into.violations = layoutViolations(into, scale);
  return into;
}

/** The on-treatment selection and, for every row, the treatment end; then the breaches. */
function finishDerive(state: State, slotsCutoffDay: readonly number[], schedules: number[][], d: Derived, n: number, scale: number): void {
  selectOnTreatment(state, slotsCutoffDay, schedules, d, n, scale);
  for (let i = 0; i < n; i++) {
    d.trtTime[i] = treatmentEnd(d, i, schedules[i], slotsCutoffDay[state.slot[i]]);
    d.trtStatus[i] = d.ongoing[i] === 1 ? 0 : 1;
  }
  if (scale === 1) {
    d.teDeaths = 0;
    for (let i = 0; i < n; i++) d.teDeaths += treatmentEmergentDeath(d, i);
    violateTies(d, n, d.ties);
  }
  d.violations = layoutViolations(d, scale);
}

/**
 * Two progressing subjects whose confirmation came last before the cutoff are still on treatment (marked on
 * `d`, whose rows carry their own last dose).
 */
function selectOnTreatment(state: State, slotsCutoffDay: readonly number[], schedules: number[][], d: Derived, n: number, scale: number): void {
  d.markedCount = 0;
  const onTreatmentCount = Math.round(2 * scale);
  if (onTreatmentCount <= 0) return;
  if (candidateRows.length < n) {
    candidateRows = new Int32Array(n);
    candidateTaken = new Uint8Array(n);
  }
  let candidates = 0;
  for (let i = 0; i < n; i++) if (d.candFlag[i] === 1) candidateRows[candidates++] = i;
  if (onTreatmentCount <= 4) {
    // Small k: selection by repeated minimum (ties to the lower row: candidates come in row order), no sort
    // in the hot loop. A gap past the schedule is NaN, as the first untaken candidate it is chosen (as it was).
    candidateTaken.fill(0, 0, candidates);
    for (let c = 0; c < onTreatmentCount; c++) {
      let best = -1;
      for (let r = 0; r < candidates; r++) {
        if (candidateTaken[r] === 1) continue;
        if (best < 0 || d.candGap[candidateRows[r]] < d.candGap[candidateRows[best]]) best = r;
      }
      if (best < 0) break;
      candidateTaken[best] = 1;
      const row = candidateRows[best];
      markOnTreatment(d, row, schedules[row], slotsCutoffDay[state.slot[row]], state.kPd[row]);
    }
  } else {
    const gapOf = (row: number): number => slotsCutoffDay[state.slot[row]] - schedules[row][state.kPd[row] + 1];
    const rows = Array.from(candidateRows.subarray(0, candidates));
    for (const row of rows.sort((a, b) => gapOf(a) - gapOf(b) || a - b).slice(0, onTreatmentCount)) {
      markOnTreatment(d, row, schedules[row], slotsCutoffDay[state.slot[row]], state.kPd[row]);
    }
  }
}

/** A progressing subject still on treatment at the cutoff (its confirmation came last before it). */
function markOnTreatment(d: Derived, i: number, cs: readonly number[], cut: number, kPd: number): void {
  d.marked[d.markedCount] = i;
  d.markedBad[d.markedCount] = cut - cs[kPd + 1] > 14 ? 1 : 0;
  d.markedCount += 1;
  d.ongoing[i] = 1;
  d.lastDose[i] = Math.min(cut, cs[kPd + 1] + 20);
}

/** 1 when row i dies in the treatment-emergent window (Table 2: 4 such deaths, three early NE deaths and one after progression). */
function treatmentEmergentDeath(d: Derived, i: number): number {
  return d.osStatus[i] === 1 && d.osTime[i] <= d.lastDose[i] + 28 ? 1 : 0;
}

/** The number of breaches of the layout `d` derives: the rows', the on-treatment marks', the deaths' and the ties'. */
function layoutViolations(d: Derived, scale: number): number {
  let total = d.bitTotal;
  for (let m = 0; m < d.markedCount; m++) total += d.markedBad[m];
  if (scale === 1) {
    total += Math.abs(d.teDeaths - 4);
    for (let t = 0; t < TIE_TAGS.length; t++) total += d.ties[t];
  }
  return total;
}

/**
 * The rows that break a constraint, once per breach, in the order the breaches are listed (violationTags):
 * by row the first-pass breaches, then the on-treatment marks in the order chosen, then by row the deaths
 * before progression. Built only when a move repairs one (move 14).
 */
function badSubjectsOf(d: Derived, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const bits = d.bits[i] & FIRST_PASS_BITS;
    if (bits === 0) continue;
    for (let b = 0; b < ON_TREATMENT_TOO_EARLY_BIT; b++) if ((bits & (1 << b)) !== 0) out.push(i);
  }
  for (let m = 0; m < d.markedCount; m++) if (d.markedBad[m] === 1) out.push(d.marked[m]);
  for (let i = 0; i < n; i++) if ((d.bits[i] & DEATH_BEFORE_PROGRESSION) !== 0) out.push(i);
  return out;
}

/** Whether any row breaks a constraint (badSubjectsOf is not empty). */
function hasBadSubjects(d: Derived): boolean {
  if (d.bitTotal > 0) return true;
  for (let m = 0; m < d.markedCount; m++) if (d.markedBad[m] === 1) return true;
  return false;
}

/** The line-tagged breaches of the layout `d` derives, in the order they are checked (diagnostics: LayoutResult.violationTags). */
function violationTagsOf(d: Derived, n: number, scale: number): string[] {
  const tags: string[] = [];
  for (let i = 0; i < n; i++) {
    const bits = d.bits[i] & FIRST_PASS_BITS;
    for (let b = 0; b < ON_TREATMENT_TOO_EARLY_BIT; b++) if ((bits & (1 << b)) !== 0) tags.push(SUBJECT_TAGS[b]);
  }
  for (let m = 0; m < d.markedCount; m++) if (d.markedBad[m] === 1) tags.push(SUBJECT_TAGS[ON_TREATMENT_TOO_EARLY_BIT]);
  for (let i = 0; i < n; i++) if ((d.bits[i] & DEATH_BEFORE_PROGRESSION) !== 0) tags.push(SUBJECT_TAGS[13]);
  if (scale === 1) {
    if (d.teDeaths !== 4) tags.push('treatment-emergent-deaths-not-4');
    for (let t = 0; t < TIE_TAGS.length; t++) if (d.ties[t] > 0) tags.push(TIE_TAGS[t]);
  }
  return tags;
}

/**
 * The end of treatment as ADSL derives it (plannedLastDoseDay), the time of the treatment-duration curve: a
 * completed cycle's day-21 pomalidomide is followed by the day-22 dexamethasone dose, never after the cutoff
 * or the last contact.
 */
function treatmentEnd(d: Derived, i: number, cs: readonly number[], cut: number): number {
  const last = d.lastDose[i];
  let start = 1;
  // Cycle starts increase (28 days +/- 3, plus delays), so the last one on or before `last` ends the scan.
  for (let k = 0; k < cs.length && cs[k] <= last; k++) start = cs[k];
  return Math.min(last === start + 20 ? last + 1 : last, cut, d.osTime[i]);
}

/** Most events of one endpoint on one study day, and most deaths within DEATH_WINDOW_DAYS days. */
export const MAX_EVENTS_PER_DAY = 2;
export const DEATH_WINDOW_DAYS = 3;
const MAX_DEATHS_IN_WINDOW = 2;
export const MAX_DEATHS_PER_DAY = 1;
/** Scratch counts by study day (reset after each use), and the days touched. */
const dayCounts = new Int32Array(4096);
let touchedDays = new Int32Array(4096 * DEATH_WINDOW_DAYS);

/**
 * Events beyond `most` on one day (or in one `window`-day window), over the rows whose `take` flag is 1, with
 * their times: the sum over windows of the count beyond `most`. One monomorphic loop over typed arrays.
 */
function excessTies(n: number, time: Float64Array, take: Uint8Array, window: number, most: number): number {
  let excess = 0;
  let touchedCount = 0;
  if (touchedDays.length < n * window) touchedDays = new Int32Array(n * window);
  const lastStart = dayCounts.length - window;
  for (let i = 0; i < n; i++) {
    if (take[i] !== 1) continue;
    const rounded = Math.round(time[i]);
    // A NaN time (a layout the constraints reject) counts on no day; keeping it out of the index keeps the
    // day an integer (a NaN index would make every access below a generic one).
    if (rounded !== rounded) continue;
    const day = (rounded < 0 ? 0 : rounded > lastStart ? lastStart : rounded) | 0;
    for (let w = 0; w < window; w++) {
      // Each window [day - w, day - w + window - 1] that holds this event.
      const start = day - w;
      if (start < 0) continue;
      const count = dayCounts[start] + 1;
      dayCounts[start] = count;
      touchedDays[touchedCount++] = start;
      if (count > most) excess += 1;
    }
  }
  for (let k = 0; k < touchedCount; k++) dayCounts[touchedDays[k]] = 0;
  return excess;
}

/**
 * Real event times do not pile up: no more than two events of one endpoint (progression or death, end of
 * response, start of response, end of treatment, end of follow-up) on one study day, no more than one death
 * a day and no more than two deaths within three days. A pile-up reads as a cliff on the curve.
 */
const TIE_TAGS = [
  'pfs-events-same-day',
  'deaths-same-day',
  'deaths-within-3-days',
  'dor-events-same-day',
  'responses-same-day',
  'treatment-ends-same-day',
  'follow-up-ends-same-day',
] as const;
/** Each tie check's window (days) and most events in it, in the order of TIE_TAGS. */
const TIE_WINDOW = [1, 1, DEATH_WINDOW_DAYS, 1, 1, 1, 1];
const TIE_MOST = [MAX_EVENTS_PER_DAY, MAX_DEATHS_PER_DAY, MAX_DEATHS_IN_WINDOW, MAX_EVENTS_PER_DAY, MAX_EVENTS_PER_DAY, MAX_EVENTS_PER_DAY, MAX_EVENTS_PER_DAY];

/** The times of tie check c (TIE_TAGS order). */
function tieTime(d: Derived, c: number): Float64Array {
  switch (c) {
    case 0:
      return d.pfsTime;
    case 3:
      return d.dorTime;
    case 4:
      return d.respDay;
    case 5:
      return d.trtTime;
    default:
      return d.osTime;
  }
}

/** The flags of tie check c: which rows' times are events. */
function tieTake(d: Derived, c: number): Uint8Array {
  switch (c) {
    case 0:
      return d.pfsStatus;
    case 1:
    case 2:
      return d.osStatus;
    case 3:
      return d.dorStatus;
    case 4:
      return d.respFlag;
    case 5:
      return d.trtStatus;
    default:
      return d.fuStatus;
  }
}

/** Every tie check of `d` into `counts` (TIE_TAGS order); dorStatus and respFlag are 1 only for responders. */
function violateTies(d: Derived, n: number, counts: Int32Array): void {
  for (let c = 0; c < TIE_TAGS.length; c++) counts[c] = excessTies(n, tieTime(d, c), tieTake(d, c), TIE_WINDOW[c], TIE_MOST[c]);
}

/**
 * The search's tie counts: by check, the events in each window of the layout `tieOwner` (the current one), so
 * a move's ties are those counts with its changed rows moved (movedTies), not a count of every row again. The
 * excess of a check is the sum over windows of the count beyond its most, whatever the order rows are added.
 */
const tieCounts = TIE_TAGS.map(() => new Int32Array(4096));
let tieOwner: Derived | null = null;

/** Adds (sign 1) or removes (-1) row i's event of check c in `counts`; the change of the check's excess. */
function moveTie(counts: Int32Array, time: Float64Array, take: Uint8Array, i: number, window: number, most: number, sign: number): number {
  if (take[i] !== 1) return 0;
  const rounded = Math.round(time[i]);
  if (rounded !== rounded) return 0;
  const lastStart = counts.length - window;
  const day = (rounded < 0 ? 0 : rounded > lastStart ? lastStart : rounded) | 0;
  let delta = 0;
  for (let w = 0; w < window; w++) {
    const start = day - w;
    if (start < 0) continue;
    if (sign > 0) {
      const count = counts[start] + 1;
      counts[start] = count;
      if (count > most) delta += 1;
    } else {
      const count = counts[start];
      if (count > most) delta -= 1;
      counts[start] = count - 1;
    }
  }
  return delta;
}

/** The tie counts become those of `d` (every row added afresh). */
function countTies(d: Derived, n: number): void {
  for (let c = 0; c < TIE_TAGS.length; c++) {
    const counts = tieCounts[c];
    counts.fill(0);
    const time = tieTime(d, c);
    const take = tieTake(d, c);
    for (let i = 0; i < n; i++) moveTie(counts, time, take, i, TIE_WINDOW[c], TIE_MOST[c], 1);
  }
  tieOwner = d;
}

/** Moves the changed rows of `into` (deriveMoved) from their values in `from` to theirs in `into`, in every check's counts; the change of each excess into `delta`. */
function shiftTies(from: Derived, into: Derived, delta: Int32Array, undo: boolean): void {
  const rows = into.changed;
  const count = into.changedCount;
  const [out, back] = undo ? [into, from] : [from, into];
  for (let c = 0; c < TIE_TAGS.length; c++) {
    const counts = tieCounts[c];
    const window = TIE_WINDOW[c];
    const most = TIE_MOST[c];
    const outTime = tieTime(out, c);
    const outTake = tieTake(out, c);
    const backTime = tieTime(back, c);
    const backTake = tieTake(back, c);
    let change = 0;
    for (let r = 0; r < count; r++) {
      const row = rows[r];
      change += moveTie(counts, outTime, outTake, row, window, most, -1);
      change += moveTie(counts, backTime, backTake, row, window, most, 1);
    }
    delta[c] = change;
  }
}
const tieDelta = new Int32Array(TIE_TAGS.length);

/** `into.ties` from `from.ties` and the changed rows (the counts are left as `from`'s). */
function movedTies(from: Derived, into: Derived, n: number): void {
  if (tieOwner !== from) countTies(from, n);
  shiftTies(from, into, tieDelta, false);
  for (let c = 0; c < TIE_TAGS.length; c++) into.ties[c] = from.ties[c] + tieDelta[c];
  shiftTies(from, into, tieDelta, true);
}

/** The search accepted `into` (deriveMoved from `from`): the tie counts become its. */
function commitTies(from: Derived, into: Derived, n: number): void {
  if (tieOwner !== from) {
    countTies(into, n);
    return;
  }
  shiftTies(from, into, tieDelta, false);
  tieOwner = into;
}

interface Groups {
  all: number[];
  issI: number[];
  issII: number[];
  issIII: number[];
  rissI: number[];
  rissII: number[];
  rissIII: number[];
  responders: number[];
}

const MEDIAN_TOLERANCE_MONTHS = 0.1;

/**
 * The search runs in two stages with two losses. `medians` (stage 1) aims at the medians, landmark rates
 * and log-rank P values, with the overall curves' median CIs at a low weight. `grades` (stage 2) starts
 * from the best stage-1 layout and grades every printed survival row (each median with its limits, each
 * landmark rate with its limits, each log-rank P, the median follow-up and the treatment duration) with the
 * scoreboard's own rules (gradeSurvivalRow -> publishedStatus, the status of compareToPublished): its objective is the number of rows that
 * differ, then of rows that are only close, then the distance of all of them from the print.
 */
type LossMode = 'medians' | 'grades';

/** Stage 2's annealing energy: a differing row, a close row, and the distance (the best layout is kept by the strict order, improvesOnBest). */
const DIFFERS_WEIGHT = 40;
const CLOSE_WEIGHT = 8;
/** Stage 2's distance weight (distance in tolerances, gradeSurvivalRow). */
const DISTANCE_WEIGHT = 0.5;
/** Stage 2's temperatures in each round (the loss is in the units of the weights above). */
const GRADE_START_TEMPERATURE = 8;
const GRADE_END_TEMPERATURE = 0.01;
/** Share of stage-2 iterations that try one of its own moves, and those moves (see the search loop). */
const STAGE2_DIRECTED_SHARE = 0.3;
const STAGE2_MOVES = [15, 15, 16, 17, 17, 18, 18];
/** Rows the last curveLoss / pLoss call graded differs and close in stage 2 (scratch, read right after the call). */
let differsScratch = 0;
let closeScratch = 0;

/** Stage 1: the low-weight pull of a median CI limit towards the printed one (2 when NR for a number, 1 the other way). */
function stage1LimitLoss(got: number | null, want: number | null): number {
  if (want === null) return got === null ? 0 : 1;
  if (got === null) return 2;
  const diff = Math.max(0, Math.abs(got - want) - 0.15);
  return diff * diff;
}

/** Curve k's loss from its summary, which targetLosses has just computed into the scratch of the mode. */
function curveLoss(k: number, mode: LossMode): number {
  return mode === 'grades' ? curveGrades(k) : curveLossMedians(k);
}

/** Stage 1: a curve's median within the search's window, its landmark rates, its median CI at weightCi. */
function curveLossMedians(k: number): number {
  const spec = CURVES[k];
  const prepared = PREPARED_CURVES[k];
  const target = spec.target;
  const weightCi = spec.weightCi;
  const rates = target.rates ?? [];
  const c = prepared.medians;
  let loss = 0;
  if (target.median === null) {
    // Not reached: the curve must stay above one half.
    if (c.median !== null) loss += 4 + 400 * 0.02 ** 2;
  } else {
    // S just before the window must be above 1/2 and just after it at or below 1/2.
    const before = c.rates[rates.length];
    const after = c.rates[rates.length + 1];
    loss += 400 * Math.max(0, 0.5 - before + 1e-9) ** 2 + 400 * Math.max(0, after - 0.5) ** 2;
    if (c.median === null || Math.abs(c.median - target.median) > MEDIAN_TOLERANCE_MONTHS * 0.6) loss += 6;
  }
  loss += weightCi * (stage1LimitLoss(c.medianLower, target.lower) + stage1LimitLoss(c.medianUpper, target.upper));
  for (let r = 0; r < rates.length; r++) {
    const diff = Math.max(0, Math.abs(c.rates[r] * 100 - rates[r][1]) - 0.4);
    loss += diff * diff;
  }
  differsScratch = 0;
  closeScratch = 0;
  return loss;
}

/** A band or rate in percent for grading; NaN (no band) is null. */
const pct = (v: number): number | null => (Number.isNaN(v) ? null : 100 * v);

/** Stage 2: the curve's printed rows graded as the scoreboard grades them. */
function curveGrades(k: number): number {
  const prepared = PREPARED_CURVES[k];
  const c = prepared.grades;
  let differs = 0;
  let close = 0;
  let distance = 0;
  const medianRow = prepared.medianRow;
  if (medianRow !== undefined) {
    // A step to exactly 1/2 makes src/stats take the middle of the flat stretch, which fastCurve does not: such a median counts as differing.
    const grade = gradeSurvivalRow(medianRow, { value: c.medianOnHalf ? Number.NaN : c.median, ciLower: c.medianLower, ciUpper: c.medianUpper, lowestLower: c.lowestLower, lowestUpper: c.lowestUpper });
    if (grade.status === 'differs') differs += 1;
    else if (grade.status === 'close') close += 1;
    distance += grade.distance;
  }
  const rateRows = prepared.rateRows;
  for (let r = 0; r < rateRows.length; r++) {
    const pub = rateRows[r];
    if (pub === undefined) continue;
    const grade = gradeSurvivalRow(pub, { value: pct(c.rates[r]), ciLower: pct(c.rateLower[r]), ciUpper: pct(c.rateUpper[r]) });
    if (grade.status === 'differs') differs += 1;
    else if (grade.status === 'close') close += 1;
    distance += grade.distance;
  }
  differsScratch = differs;
  closeScratch = close;
  return DIFFERS_WEIGHT * differs + CLOSE_WEIGHT * close + DISTANCE_WEIGHT * distance;
}

function pLoss(p: number, spec: LogRankSpec, mode: LossMode): number {
  differsScratch = 0;
  closeScratch = 0;
  if (mode === 'medians') return pLossUnit(p, spec.target);
  const pub = publishedSurvivalRow(spec.id);
  if (pub === undefined) return 0;
  const grade = gradeSurvivalRow(pub, { value: p });
  differsScratch = grade.status === 'differs' ? 1 : 0;
  closeScratch = grade.status === 'close' ? 1 : 0;
  return DIFFERS_WEIGHT * differsScratch + CLOSE_WEIGHT * closeScratch + DISTANCE_WEIGHT * grade.distance;
}

function pLossUnit(p: number, target: { p: number; below: boolean }): number {
  if (target.below) {
    // "< 0.0001": aim between a quarter and the bound.
    if (p > target.p) return Math.log(p / target.p) ** 2 * 4 + 0.5;
    return p < target.p / 8 ? Math.log(target.p / 8 / p) ** 2 : 0;
  }
  const diff = Math.max(0, Math.abs(Math.log(p / target.p)) - 0.35);
  return 2 * diff * diff;
}

type Endpoint = 'pfs' | 'os' | 'dor' | 'followUp' | 'treatment';

interface CurveSpec {
  readonly endpoint: Endpoint;
  readonly group: keyof Groups;
  readonly target: CurveTarget;
  readonly weightCi: number;
  /** The printed rows of the curve (publication/published-results.json): its median, and its landmark rates in the order of target.rates. */
  readonly medianId: string;
  readonly rateIds?: readonly string[];
}

interface LogRankSpec {
  readonly endpoint: 'pfs' | 'os';
  readonly a: keyof Groups;
  readonly b: keyof Groups;
  readonly target: { p: number; below: boolean };
  readonly id: string;
}

const T = CURVE_TARGETS;
const L = LOGRANK_TARGETS;
const CURVES: readonly CurveSpec[] = [
  { endpoint: 'pfs', group: 'all', target: T.pfs, weightCi: 0.15, medianId: 'km.pfs.overall.median', rateIds: ['km.pfs.overall.rate6', 'km.pfs.overall.rate12'] },
  { endpoint: 'pfs', group: 'issI', target: T.pfsIssI, weightCi: 0, medianId: 'km.pfs.iss.I.median' },
  { endpoint: 'pfs', group: 'issII', target: T.pfsIssII, weightCi: 0, medianId: 'km.pfs.iss.II.median' },
  { endpoint: 'pfs', group: 'issIII', target: T.pfsIssIII, weightCi: 0, medianId: 'km.pfs.iss.III.median' },
  { endpoint: 'pfs', group: 'rissI', target: T.pfsRissI, weightCi: 0, medianId: 'km.pfs.riss.I.median' },
  { endpoint: 'pfs', group: 'rissII', target: T.pfsRissII, weightCi: 0, medianId: 'km.pfs.riss.II.median' },
  { endpoint: 'pfs', group: 'rissIII', target: T.pfsRissIII, weightCi: 0, medianId: 'km.pfs.riss.III.median' },
  { endpoint: 'os', group: 'all', target: T.os, weightCi: 0.15, medianId: 'km.os.overall.median', rateIds: ['km.os.overall.rate6', 'km.os.overall.rate12'] },
  { endpoint: 'os', group: 'issI', target: T.osIssI, weightCi: 0, medianId: 'km.os.iss.I.median' },
  { endpoint: 'os', group: 'issII', target: T.osIssII, weightCi: 0, medianId: 'km.os.iss.II.median' },
  { endpoint: 'os', group: 'issIII', target: T.osIssIII, weightCi: 0, medianId: 'km.os.iss.III.median' },
  { endpoint: 'os', group: 'rissI', target: T.osRissI, weightCi: 0, medianId: 'km.os.riss.I.median' },
  { endpoint: 'os', group: 'rissII', target: T.osRissII, weightCi: 0, medianId: 'km.os.riss.II.median' },
  { endpoint: 'os', group: 'rissIII', target: T.osRissIII, weightCi: 0, medianId: 'km.os.riss.III.median' },
  { endpoint: 'dor', group: 'responders', target: T.dor, weightCi: 0.15, medianId: 'km.dor.overall.median', rateIds: ['km.dor.overall.rate3', 'km.dor.overall.rate6'] },
  { endpoint: 'followUp', group: 'all', target: T.followUp, weightCi: 0.15, medianId: 'km.followup.median' },
  { endpoint: 'treatment', group: 'all', target: T.treatment, weightCi: 0.15, medianId: 'disposition.treatment_duration.median' },
];
const LOGRANKS: readonly LogRankSpec[] = [
  { endpoint: 'pfs', a: 'issI', b: 'issIII', target: L.pfsIssIvsIII, id: 'logrank.pfs.iss_I_vs_III' },
  { endpoint: 'pfs', a: 'issII', b: 'issIII', target: L.pfsIssIIvsIII, id: 'logrank.pfs.iss_II_vs_III' },
  { endpoint: 'pfs', a: 'rissI', b: 'rissIII', target: L.pfsRissIvsIII, id: 'logrank.pfs.riss_I_vs_III' },
  { endpoint: 'os', a: 'issI', b: 'issIII', target: L.osIssIvsIII, id: 'logrank.os.iss_I_vs_III' },
  { endpoint: 'os', a: 'rissI', b: 'rissIII', target: L.osRissIvsIII, id: 'logrank.os.riss_I_vs_III' },
  { endpoint: 'os', a: 'rissII', b: 'rissIII', target: L.osRissIIvsIII, id: 'logrank.os.riss_II_vs_III' },
];
/**
 * What each curve's loss needs that does not change during the search: its landmarks in days (stage 1 adds
 * the two probes around the median's window), its printed rows, and a result scratch per stage.
 */
interface PreparedCurve {
  readonly mediansRateDays: Float64Array;
  readonly gradesRateDays: Float64Array;
  readonly medians: FastCurveScratch;
  readonly grades: FastCurveScratch;
  readonly medianRow: PublishedResult | undefined;
  /** The printed row of each landmark rate, in the order of target.rates (undefined when not printed). */
  readonly rateRows: readonly (PublishedResult | undefined)[];
}
const PREPARED_CURVES: readonly PreparedCurve[] = CURVES.map((spec): PreparedCurve => {
  const target = spec.target;
  const rates = target.rates ?? [];
  const probes = target.median === null ? [] : [target.median - MEDIAN_TOLERANCE_MONTHS * 0.6, target.median + MEDIAN_TOLERANCE_MONTHS * 0.6];
  const mediansMonths = [...rates.map(([m]) => m), ...probes];
  const gradesMonths = rates.map(([m]) => m);
  return {
    mediansRateDays: fastRateDays(mediansMonths),
    gradesRateDays: fastRateDays(gradesMonths),
    medians: fastCurveScratch(mediansMonths.length),
    grades: fastCurveScratch(gradesMonths.length),
    medianRow: publishedSurvivalRow(spec.medianId),
    rateRows: rates.map((_, r) => {
      const id = spec.rateIds?.[r];
      return id === undefined ? undefined : publishedSurvivalRow(id);
    }),
  };
});
/** Every printed row the second stage grades (a test checks each is a published id). */
export const GRADED_SURVIVAL_IDS: readonly string[] = Object.freeze([...CURVES.flatMap((c) => [c.medianId, ...(c.rateIds ?? [])]), ...LOGRANKS.map((l) => l.id)]);
/** Curve and log-rank targets: each has a loss slot, and in stage 2 two slots counting its rows that differ and that are close. */
const TARGET_COUNT = CURVES.length + LOGRANKS.length;

function endpointArrays(d: Derived, endpoint: Endpoint): [Float64Array, Uint8Array] {
  return [endpointTime(d, endpoint), endpointStatus(d, endpoint)];
}

/** An endpoint's times and statuses (no tuple: the search reads them for every curve it grades). */
function endpointTime(d: Derived, endpoint: Endpoint): Float64Array {
  switch (endpoint) {
    case 'pfs':
      return d.pfsTime;
    case 'os':
    case 'followUp':
      return d.osTime;
    case 'dor':
      return d.dorTime;
    default:
      return d.trtTime;
  }
}

function endpointStatus(d: Derived, endpoint: Endpoint): Uint8Array {
  switch (endpoint) {
    case 'pfs':
      return d.pfsStatus;
    case 'os':
      return d.osStatus;
    case 'dor':
      return d.dorStatus;
    case 'followUp':
      return d.fuStatus;
    default:
      return d.trtStatus;
  }
}

const OS_MEDIAN_SPECS = CURVES.filter((c) => c.endpoint === 'os' && c.target.median !== null);
const PFS_MEDIAN_SPECS = CURVES.filter((c) => c.endpoint === 'pfs' && c.target.median !== null);

/** Stage 2's directed moves: every printed median and median CI limit of PFS, OS and DoR, as a time to put an event at. */
const EVENT_TIME_TARGETS = CURVES.filter((c) => c.endpoint === 'pfs' || c.endpoint === 'os' || c.endpoint === 'dor').flatMap((c) =>
  [c.target.median, c.target.lower, c.target.upper].flatMap((months) => (months === null ? [] : [{ endpoint: c.endpoint, group: c.group, months }])),
);
/**
 * The study day a printed month value stands for: months are days / (365.25 / 12) printed to 2 decimals, and
 * 0.01 month is less than a day, so each printed value is one day (the nearest, or the one next to it that
 * prints as it when rounding the product lands on a neighbour).
 */
export function printedMonthDay(months: number): number {
  const day = Math.round(months * DAYS_PER_MONTH);
  const prints = (d: number): boolean => Math.round((d / DAYS_PER_MONTH) * 100) === Math.round(months * 100);
  if (prints(day)) return day;
  return prints(day + 1) ? day + 1 : prints(day - 1) ? day - 1 : day;
}
/** ... and every curve with a printed NR limit (a late event may have to go). */
const NR_LIMIT_SPECS = CURVES.filter((c) => (c.endpoint === 'pfs' || c.endpoint === 'os' || c.endpoint === 'dor') && (c.target.lower === null || c.target.upper === null));

const ENDPOINTS: readonly Endpoint[] = ['pfs', 'os', 'dor', 'followUp', 'treatment'];

interface GroupMembership {
  readonly of: Readonly<Record<keyof Groups, Uint8Array>>;
  /** 1 for a log-rank target whose two groups share no subject (its P can merge the groups' sorted keys). */
  readonly logRankDisjoint: Uint8Array;
}

function membershipOf(g: Groups, n: number): GroupMembership {
  const of = {} as Record<keyof Groups, Uint8Array>;
  for (const key of Object.keys(g) as (keyof Groups)[]) {
    const flags = new Uint8Array(n);
    for (const row of g[key]) flags[row] = 1;
    of[key] = flags;
  }
  const logRankDisjoint = Uint8Array.from(LOGRANKS, (spec) => (g[spec.a].some((row) => of[spec.b][row] === 1) ? 0 : 1));
  return { of, logRankDisjoint };
}

/** Rows whose time or status changed since the previous layout, per endpoint (scratch of targetLosses). */
const changedRows: Int32Array[] = ENDPOINTS.map(() => new Int32Array(0));
const changedCount = new Int32Array(ENDPOINTS.length);
const CURVE_ENDPOINT = CURVES.map((spec) => ENDPOINTS.indexOf(spec.endpoint));
const LOGRANK_ENDPOINT = LOGRANKS.map((spec) => ENDPOINTS.indexOf(spec.endpoint));
/**
 * For each log-rank target, the curves of its two groups on its endpoint (-1 when there is none). Merging
 * their keys needs groups without a common subject (fastLogRankP counts such a row in group B only):
 * GroupMembership.logRankDisjoint.
 */
const LOGRANK_CURVES = LOGRANKS.map((spec): readonly [number, number] => {
  const a = CURVES.findIndex((c) => c.endpoint === spec.endpoint && c.group === spec.a);
  const b = CURVES.findIndex((c) => c.endpoint === spec.endpoint && c.group === spec.b);
  return [a, b];
});

function changedRowsTouch(endpoint: number, flags: Uint8Array): boolean {
  const rows = changedRows[endpoint];
  const count = changedCount[endpoint];
  for (let r = 0; r < count; r++) if (flags[rows[r]] === 1) return true;
  return false;
}

/**
 * Each curve's Kaplan-Meier walk, two per curve: the current layout's and a candidate's (fastCurveWalk). A
 * candidate walk resumes from the current one at the first day a moved subject changed; an accepted layout
 * makes its candidate walks current (commitWalks).
 */
interface CurveWalks {
  readonly pairs: readonly (readonly [FastCurveWalk, FastCurveWalk])[];
  /** Which of each pair is the current layout's. */
  readonly current: Uint8Array;
  /** Curves the last targetLosses walked (their candidate walk is the new layout's). */
  readonly pending: Uint8Array;
}

function curveWalks(g: Groups): CurveWalks {
  return {
    pairs: CURVES.map((spec) => [fastCurveWalk(g[spec.group].length), fastCurveWalk(g[spec.group].length)] as const),
    current: new Uint8Array(CURVES.length),
    pending: new Uint8Array(CURVES.length),
  };
}

/** The walk of curve k with the keys of the layout targetLosses is evaluating (its candidate walk when it walked it). */
function latestWalk(walks: CurveWalks, k: number): FastCurveWalk {
  return walks.pairs[k][walks.pending[k] === 1 ? walks.current[k] ^ 1 : walks.current[k]];
}

/** The layout targetLosses last evaluated is now the current one. */
function commitWalks(walks: CurveWalks): void {
  for (let k = 0; k < CURVES.length; k++) {
    if (walks.pending[k] === 1) walks.current[k] ^= 1;
    walks.pending[k] = 0;
  }
}

/** Replaces one `oldKey` by `newKey` in the sorted keys[0, size), keeping them sorted (the keys are a multiset). */
function replaceSortedKey(keys: Int32Array, size: number, oldKey: number, newKey: number): void {
  let at = 0;
  while (at < size && keys[at] !== oldKey) at += 1;
  if (at === size) throw new Error('replaceSortedKey: the old key is not among the keys');
  if (newKey > oldKey) {
    while (at + 1 < size && keys[at + 1] < newKey) {
      keys[at] = keys[at + 1];
      at += 1;
    }
  } else {
    while (at > 0 && keys[at - 1] > newKey) {
      keys[at] = keys[at - 1];
      at -= 1;
    }
  }
  keys[at] = newKey;
}

/**
 * Loss of each curve and log-rank target. With `previous` (the layout `d` was derived from by deriveMoved), a
 * target none of whose subjects' times or statuses changed keeps its previous loss (the search moves one or
 * two subjects at a time).
 */
function targetLosses(
  d: Derived,
  g: Groups,
  m: GroupMembership,
  walks: CurveWalks,
  mode: LossMode,
  previous?: Derived,
  previousLosses?: Float64Array,
  out: Float64Array = new Float64Array(3 * TARGET_COUNT),
): Float64Array {
  const n = d.pfsTime.length;
  walks.pending.fill(0);
  if (previous !== undefined) {
    // Only the rows deriveMoved derived again can differ from the previous layout's.
    const candidates = d.changed;
    const candidateCount = d.changedCount;
    for (let e = 0; e < ENDPOINTS.length; e++) {
      const t = endpointTime(d, ENDPOINTS[e]);
      const st = endpointStatus(d, ENDPOINTS[e]);
      const pt = endpointTime(previous, ENDPOINTS[e]);
      const pst = endpointStatus(previous, ENDPOINTS[e]);
      if (changedRows[e].length < n) changedRows[e] = new Int32Array(n);
      const rows = changedRows[e];
      let count = 0;
      for (let c = 0; c < candidateCount; c++) {
        const i = candidates[c];
        if (t[i] !== pt[i] || st[i] !== pst[i]) rows[count++] = i;
      }
      changedCount[e] = count;
    }
  }
  for (let k = 0; k < CURVES.length; k++) {
    const spec = CURVES[k];
    if (previous !== undefined && previousLosses !== undefined && !changedRowsTouch(CURVE_ENDPOINT[k], m.of[spec.group])) {
      out[k] = previousLosses[k];
      out[TARGET_COUNT + k] = previousLosses[TARGET_COUNT + k];
      out[2 * TARGET_COUNT + k] = previousLosses[2 * TARGET_COUNT + k];
    } else {
      const time = endpointTime(d, spec.endpoint);
      const status = endpointStatus(d, spec.endpoint);
      const prepared = PREPARED_CURVES[k];
      const medians = mode === 'medians';
      const rateDays = medians ? prepared.mediansRateDays : prepared.gradesRateDays;
      const withLimits = medians ? spec.weightCi > 0 : true;
      const needLowest = medians ? false : spec.target.lower === null || spec.target.upper === null;
      const scratch = medians ? prepared.medians : prepared.grades;
      const pair = walks.pairs[k];
      const from = pair[walks.current[k]];
      const walk = pair[walks.current[k] ^ 1];
      walks.pending[k] = 1;
      if (previous === undefined) startCurveWalk(time, status, g[spec.group], rateDays, withLimits, needLowest, walk, scratch);
      else {
        // The old walk's keys with the changed rows' keys replaced; the walk resumes at the earliest day either held.
        const keys = walk.keys;
        const size = from.size;
        // A loop, not keys.set(subarray): no view object per curve and move.
        const fromKeys = from.keys;
        for (let x = 0; x < size; x++) keys[x] = fromKeys[x];
        walk.size = size;
        const flags = m.of[spec.group];
        const rows = changedRows[CURVE_ENDPOINT[k]];
        const count = changedCount[CURVE_ENDPOINT[k]];
        const oldTime = endpointTime(previous, spec.endpoint);
        const oldStatus = endpointStatus(previous, spec.endpoint);
        let fromDay = Number.POSITIVE_INFINITY;
        for (let r = 0; r < count; r++) {
          const row = rows[r];
          if (flags[row] !== 1) continue;
          const oldKey = fastCurveKey(oldTime[row], oldStatus[row]);
          const newKey = fastCurveKey(time[row], status[row]);
          fromDay = Math.min(fromDay, oldKey >> 2, newKey >> 2);
          replaceSortedKey(keys, size, oldKey, newKey);
        }
        resumeCurveWalk(from, walk, fromDay, rateDays, withLimits, needLowest, scratch);
      }
      out[k] = curveLoss(k, mode);
      out[TARGET_COUNT + k] = differsScratch;
      out[2 * TARGET_COUNT + k] = closeScratch;
    }
  }
  for (let k = 0; k < LOGRANKS.length; k++) {
    const spec = LOGRANKS[k];
    const slot = CURVES.length + k;
    if (previous !== undefined && previousLosses !== undefined && !changedRowsTouch(LOGRANK_ENDPOINT[k], m.of[spec.a]) && !changedRowsTouch(LOGRANK_ENDPOINT[k], m.of[spec.b])) {
      out[slot] = previousLosses[slot];
      out[TARGET_COUNT + slot] = previousLosses[TARGET_COUNT + slot];
      out[2 * TARGET_COUNT + slot] = previousLosses[2 * TARGET_COUNT + slot];
    } else {
      // The two groups' curves of this endpoint have just been brought up to this layout (they come first),
      // and their walks hold the groups' sorted keys: merged, they need no sort.
      const walkA = LOGRANK_CURVES[k][0];
      const walkB = LOGRANK_CURVES[k][1];
      const p =
        walkA < 0 || walkB < 0 || m.logRankDisjoint[k] !== 1
          ? fastLogRankP(endpointTime(d, spec.endpoint), endpointStatus(d, spec.endpoint), g[spec.a], g[spec.b])
          : fastLogRankPSorted(latestWalk(walks, walkA).keys, g[spec.a].length, latestWalk(walks, walkB).keys, g[spec.b].length);
      out[slot] = pLoss(p, spec, mode);
      out[TARGET_COUNT + slot] = differsScratch;
      out[2 * TARGET_COUNT + slot] = closeScratch;
    }
  }
  // A whole evaluation is of the layout the caller makes current.
  if (previous === undefined) commitWalks(walks);
  return out;
}

const VIOLATION_WEIGHT = 50;
/** The search's fixed choices (drawn with pick, which reads only their length and one entry). */
const VISIT_STEPS: readonly number[] = [-1, 1, -2, 2];
const UNIT_STEPS: readonly number[] = [-1, 1];
const DELAY_CHOICES: readonly number[] = [7, 14];

/** The loss of a layout: its constraint breaches and the first TARGET_COUNT entries of `losses` (the rest count stage-2 grades). */
function lossOf(d: Derived, losses: Float64Array): number {
  let total = d.violations * VIOLATION_WEIGHT;
  for (let k = 0; k < TARGET_COUNT; k++) total += losses[k];
  return total;
}

/** Stage 2's graded rows that differ and that are only close (the slots after the first TARGET_COUNT). */
function gradedCounts(losses: Float64Array): { differs: number; close: number } {
  let differs = 0;
  let close = 0;
  for (let k = 0; k < TARGET_COUNT; k++) {
    differs += losses[TARGET_COUNT + k];
    close += losses[2 * TARGET_COUNT + k];
  }
  return { differs, close };
}

export interface LayoutResult {
  readonly subjects: readonly SubjectLayout[];
  readonly loss: number;
  readonly violations: number;
  readonly violationTags: readonly string[];
  readonly iterations: number;
}

const DERIVED_ROWS = ['pfsTime', 'pfsStatus', 'osTime', 'osStatus', 'fuStatus', 'dorTime', 'dorStatus', 'trtTime', 'trtStatus', 'lastDose', 'ongoing', 'baseLastDose', 'baseOngoing', 'bits', 'candFlag', 'candGap', 'respDay', 'respFlag'] as const;

/** Throws unless `moved` (deriveMoved) and `whole` (derive) are the same derivation, to the bit (checkDerivations). */
function checkDerivation(moved: Derived, whole: Derived, n: number): void {
  const differ = (what: string, a: unknown, b: unknown): never => {
    throw new Error(`deriveMoved differs from derive in ${what}: ${String(a)} vs ${String(b)}`);
  };
  for (const key of DERIVED_ROWS) {
    const a = moved[key];
    const b = whole[key];
    for (let i = 0; i < n; i++) if (!Object.is(a[i], b[i])) differ(`${key}[${i}]`, a[i], b[i]);
  }
  if (moved.markedCount !== whole.markedCount) differ('markedCount', moved.markedCount, whole.markedCount);
  for (let m = 0; m < whole.markedCount; m++) {
    if (moved.marked[m] !== whole.marked[m]) differ(`marked[${m}]`, moved.marked[m], whole.marked[m]);
    if (moved.markedBad[m] !== whole.markedBad[m]) differ(`markedBad[${m}]`, moved.markedBad[m], whole.markedBad[m]);
  }
  if (moved.bitTotal !== whole.bitTotal) differ('bitTotal', moved.bitTotal, whole.bitTotal);
  if (moved.teDeaths !== whole.teDeaths) differ('teDeaths', moved.teDeaths, whole.teDeaths);
  for (let t = 0; t < TIE_TAGS.length; t++) if (moved.ties[t] !== whole.ties[t]) differ(`ties[${TIE_TAGS[t]}]`, moved.ties[t], whole.ties[t]);
  if (moved.violations !== whole.violations) differ('violations', moved.violations, whole.violations);
  const badMoved = badSubjectsOf(moved, n).join();
  const badWhole = badSubjectsOf(whole, n).join();
  if (badMoved !== badWhole) differ('badSubjects', badMoved, badWhole);
  if (hasBadSubjects(moved) !== badWhole.length > 0) differ('hasBadSubjects', hasBadSubjects(moved), badWhole.length > 0);
}

/**
 * Searches the layout. `slotsCutoffDay[s]` is the study day of the cutoff for enrolment slot s (slots in
 * enrolment order, the last two reserved for the subjects without a post-baseline assessment). Stage 2 runs
 * `gradeIterations` iterations split into `gradeRounds` annealing rounds, each from the best layout so far.
 * `checkDerivations` (tests) derives every candidate layout whole as well and throws where deriveMoved differs.
 */
export function layoutEventTimes(
  skeleton: readonly SkeletonSubject[],
  slotsCutoffDay: readonly number[],
  random: SeededRandom,
  iterations: number,
  scale = 1,
  gradeIterations = 0,
  gradeRounds = 1,
  checkDerivations = false,
): LayoutResult {
  const n = skeleton.length;
  const fate = skeleton.map((s) => s.fate);
  const scaled = (count: number): number => Math.round(count * scale);
  const state: State = {
    slot: new Int32Array(n),
    seed: new Int32Array(n),
    delayCycle: new Int32Array(n),
    delayDays: new Int32Array(n),
    fate,
    kResp: new Int32Array(n),
    kPd: new Int32Array(n),
    kNt: new Int32Array(n),
    kLast: new Int32Array(n),
    deathDay: new Int32Array(n),
    osState: new Int32Array(n),
    gap: new Int32Array(n),
    early: new Uint8Array(n),
    kEnd: new Int32Array(n),
    endOffset: new Int32Array(n),
  };

  // Initial slots: the subjects who need the least follow-up get the latest slots.
  const need = (f: Fate): number =>
    f === 'no-post-baseline' ? 0 : f === 'ne-consent' ? 1 : f === 'resp-ongoing' ? 2 : f === 'ne-death' ? 3 : 4 + random.float();
  const bySlotNeed = Array.from({ length: n }, (_, i) => i).sort((a, b) => need(fate[b]) - need(fate[a]) || a - b);
  const noPb = bySlotNeed.filter((i) => fate[i] === 'no-post-baseline');
  const rest = bySlotNeed.filter((i) => fate[i] !== 'no-post-baseline');
  // Shuffle the long-follow-up part so slot order is not tied to skeleton order.
  const longNeed = random.shuffle(rest.filter((i) => need(fate[i]) >= 4));
  const shortNeed = rest.filter((i) => need(fate[i]) < 4);
  const half = Math.floor(longNeed.length / 2);
  const mix = [...longNeed.slice(0, half), ...random.shuffle([...longNeed.slice(half), ...shortNeed])];
  [...mix, ...noPb].forEach((row, s) => (state.slot[row] = s));

  const progressing = Array.from({ length: n }, (_, i) => i).filter((i) => isProgressing(fate[i]));
  const deadSet = new Set(random.shuffle(progressing).slice(0, scaled(OS_DEAD_AFTER_PROGRESSION + OS_LOST)));
  let lostLeft = scaled(OS_LOST);
  const earlySet = new Set(random.shuffle(progressing).slice(0, scaled(EARLY_STOPPERS)));
  const delayCandidates = random.shuffle(Array.from({ length: n }, (_, i) => i).filter((i) => fate[i] !== 'no-post-baseline' && fate[i] !== 'ne-death' && fate[i] !== 'ne-consent'));
  const delaySet = new Set(delayCandidates.slice(0, scaled(DELAYED_SUBJECTS)));
  let consentWithdrawn = 0;
  for (let i = 0; i < n; i++) {
    const cut = slotsCutoffDay[state.slot[i]];
    state.seed[i] = random.int(0, 0x7fffffff);
    state.delayCycle[i] = delaySet.has(i) ? random.int(2, 5) : 0;
    state.delayDays[i] = random.pick([7, 7, 14]);
    state.kResp[i] = random.weighted([0, 5, 3, 1]);
    const cs = visitSchedule(state.seed[i], state.delayCycle[i], state.delayDays[i]);
    const maxK = Math.max(1, lastVisitOnOrBefore(cs, cut) - 1);
    const want = fate[i] === 'pd-progression' ? random.int(1, 2) : random.int(3, 14);
    state.kPd[i] = fate[i] === 'pd-progression' ? Math.min(want, maxK) : Math.min(Math.max(want, isResponder(fate[i]) ? state.kResp[i] + 2 : 3), maxK);
    state.kNt[i] = Math.min(state.kResp[i] + 1 + random.int(0, 4), Math.max(1, maxK));
    state.kLast[i] = random.int(0, 1);
    state.deathDay[i] = random.int(35, 62);
    state.gap[i] = random.int(20, 200);
    if (deadSet.has(i)) {
      state.osState[i] = lostLeft > 0 ? 2 : 1;
      if (lostLeft > 0) lostLeft -= 1;
    }
    if (fate[i] === 'ne-consent') {
      state.osState[i] = consentWithdrawn < scaled(CONSENT_OS_WITHDRAWN) ? 3 : 0;
      consentWithdrawn += 1;
    }
    state.early[i] = earlySet.has(i) ? 1 : 0;
    state.kEnd[i] = Math.max(0, state.kPd[i] - random.int(1, 3));
    state.endOffset[i] = random.int(3, 20);
  }

  const groups: Groups = {
    all: Array.from({ length: n }, (_, i) => i),
    issI: [],
    issII: [],
    issIII: [],
    rissI: [],
    rissII: [],
    rissIII: [],
    responders: [],
  };
  skeleton.forEach((s, i) => {
    groups[`iss${s.iss}`].push(i);
    if (s.riss !== null) groups[`riss${s.riss}`].push(i);
    if (isResponder(s.fate)) groups.responders.push(i);
  });

  if (scale !== 1) {
    // Uncalibrated trials: a progression that could not be confirmed before the cutoff becomes ongoing.
    for (let i = 0; i < n; i++) {
      const cs = visitSchedule(state.seed[i], state.delayCycle[i], state.delayDays[i]);
      const cut = slotsCutoffDay[state.slot[i]];
      const lastVisit = lastVisitOnOrBefore(cs, cut);
      if (isProgressing(fate[i]) && cs[state.kPd[i] + 1] > cut) fate[i] = isResponder(fate[i]) && lastVisit >= state.kResp[i] + 1 ? 'resp-ongoing' : 'dc-ongoing';
      if (fate[i] === 'resp-progression' && state.kPd[i] < state.kResp[i] + 2) {
        if (state.kPd[i] >= 3) state.kResp[i] = state.kPd[i] - 2;
        else fate[i] = 'dc-ongoing';
      }
      if (fate[i] === 'dc-progression' && state.kPd[i] < 3) fate[i] = 'dc-ongoing';
      if (fate[i] === 'resp-ongoing' && lastVisit < state.kResp[i] + 1) fate[i] = 'dc-ongoing';
      if (fate[i] === 'resp-new-therapy' && (state.kNt[i] < state.kResp[i] + 1 || cs[state.kNt[i]] + 27 > cut)) fate[i] = lastVisit >= state.kResp[i] + 1 ? 'resp-ongoing' : 'dc-ongoing';
      if (fate[i] === 'ne-death' && state.deathDay[i] > cut) fate[i] = 'ne-consent';
      if (fate[i] === 'ne-consent' && cs[state.kLast[i]] + state.endOffset[i] + 7 > cut) {
        state.kLast[i] = 0;
        state.endOffset[i] = Math.max(1, Math.min(state.endOffset[i], cut - 8));
        if (cut < 10) fate[i] = 'no-post-baseline';
      }
      // Deaths and losses to follow-up planned after the cutoff are not observed: alive at the cutoff.
      if (isProgressing(fate[i]) && (state.osState[i] === 1 || state.osState[i] === 2) && cs[state.kPd[i] + 1] + state.gap[i] > cut) state.osState[i] = 0;
    }
  }
  const schedules = Array.from({ length: n }, (_, i) => visitSchedule(state.seed[i], state.delayCycle[i], state.delayDays[i]));
  let currentDerived = derive(state, skeleton, slotsCutoffDay, schedules, emptyDerived(n), scale);
  let spare = emptyDerived(n);
  const membership = membershipOf(groups, n);
  let mode: LossMode = 'medians';
  const walks = curveWalks(groups);
  let currentLosses: Float64Array = targetLosses(currentDerived, groups, membership, walks, mode);
  let spareLosses: Float64Array = new Float64Array(currentLosses.length);
  let current = lossOf(currentDerived, currentLosses);
  const fails = groups.all.filter((i) => fate[i] === 'pd-progression' || fate[i] === 'ne-death' || fate[i] === 'ne-consent');
  const responders = groups.responders;
  const movable = groups.all.filter((i) => fate[i] !== 'no-post-baseline');
  /** The progressing subjects, kept until a fate changes (a swap, its undo, a restored layout); callers never alter it. */
  let progressingCache: number[] | null = null;
  const progressingNow = (): number[] => (progressingCache ??= groups.all.filter((i) => isProgressing(state.fate[i])));

  const snapshot = (): { state: State; schedules: number[][] } => ({
    state: {
      slot: state.slot.slice(),
      seed: state.seed.slice(),
      delayCycle: state.delayCycle.slice(),
      delayDays: state.delayDays.slice(),
      fate: state.fate.slice(),
      kResp: state.kResp.slice(),
      kPd: state.kPd.slice(),
      kNt: state.kNt.slice(),
      kLast: state.kLast.slice(),
      deathDay: state.deathDay.slice(),
      osState: state.osState.slice(),
      gap: state.gap.slice(),
      early: state.early.slice(),
      kEnd: state.kEnd.slice(),
      endOffset: state.endOffset.slice(),
    },
    schedules: schedules.slice(),
  });
  let best = snapshot();
  let bestLoss = current;
  let bestViolations = currentDerived.violations;
  let bestGrades = { differs: 0, close: 0 };
  const improvesOnBest = (): boolean => {
    const v = currentDerived.violations;
    if (v !== bestViolations) return v < bestViolations;
    const g = gradedCounts(currentLosses);
    if (g.differs !== bestGrades.differs) return g.differs < bestGrades.differs;
    if (g.close !== bestGrades.close) return g.close < bestGrades.close;
    return current < bestLoss - 1e-12;
  };
  let done = 0;
  // The move's undo log (no closure per change): each integer set with its old value, and each fate swap;
  // a rejected move is undone in reverse order.
  const undoArrays: (Int32Array | Uint8Array)[] = [];
  const undoIndex: number[] = [];
  const undoValue: number[] = [];
  const fateSwaps: number[] = [];
  /** The rows a move changed (deriveMoved's input, rebuilt each move). */
  const moved: number[] = [];
  const setInt = (arr: Int32Array | Uint8Array, i: number, v: number): void => {
    undoArrays.push(arr);
    undoIndex.push(i);
    undoValue.push(arr[i]);
    arr[i] = v;
  };
  const swapInts = (arr: Int32Array | Uint8Array, j: number, k: number): void => {
    const vj = arr[j];
    setInt(arr, j, arr[k]);
    setInt(arr, k, vj);
  };
  /** Swaps what happens to two subjects (fate, survival state, early stop), keeping every count. */
  const swapBundle = (j: number, k: number): void => {
    const fj = state.fate[j];
    state.fate[j] = state.fate[k];
    state.fate[k] = fj;
    fateSwaps.push(j, k);
    progressingCache = null;
    swapInts(state.osState, j, k);
    swapInts(state.gap, j, k);
    swapInts(state.early, j, k);
    swapInts(state.kEnd, j, k);
    swapInts(state.endOffset, j, k);
  };
  const undoMove = (): void => {
    for (let u = undoArrays.length - 1; u >= 0; u--) undoArrays[u][undoIndex[u]] = undoValue[u];
    if (fateSwaps.length > 0) progressingCache = null;
    for (let u = fateSwaps.length - 2; u >= 0; u -= 2) {
      const j = fateSwaps[u];
      const k = fateSwaps[u + 1];
      const fj = state.fate[j];
      state.fate[j] = state.fate[k];
      state.fate[k] = fj;
    }
  };
  /** Rows whose visit schedule the move re-draws (reset each move). */
  const touched: number[] = [];
  const phase = (phaseIterations: number, t0: number, t1: number): void => {
    for (let it = 0; it < phaseIterations; it++) {
      done += 1;
      const temperature = t0 * Math.pow(t1 / t0, it / phaseIterations);
      undoArrays.length = 0;
      undoIndex.length = 0;
      undoValue.length = 0;
      fateSwaps.length = 0;
      const move =
        mode === 'grades' && random.chance(STAGE2_DIRECTED_SHARE)
          ? random.pick(STAGE2_MOVES)
          : hasBadSubjects(currentDerived) && random.chance(0.3)
            ? 14
            : random.int(0, 13);
      const i = random.pick(movable);
      touched.length = 0;
      switch (move) {
        case 0:
        case 1:
          setInt(state.kPd, i, Math.max(1, state.kPd[i] + random.pick(VISIT_STEPS)));
          break;
        case 2: {
          setInt(state.seed, i, random.int(0, 0x7fffffff));
          touched.push(i);
          break;
        }
        case 3: {
          const j = random.pick(movable);
          const si = state.slot[i];
          setInt(state.slot, i, state.slot[j]);
          setInt(state.slot, j, si);
          break;
        }
        case 4: {
          const j = random.pick(progressingNow());
          const room = slotsCutoffDay[state.slot[j]] - schedules[j][Math.min(state.kPd[j] + 1, MAX_VISITS - 1)];
          setInt(state.gap, j, random.chance(0.5) ? Math.max(1, state.gap[j] + random.int(-30, 30)) : random.int(1, Math.max(1, room)));
          break;
        }
        case 5: {
          const pool = progressingNow();
          const j = random.pick(pool);
          const k = random.pick(pool);
          const sj = state.osState[j];
          setInt(state.osState, j, state.osState[k]);
          setInt(state.osState, k, sj);
          break;
        }
        case 6:
          setInt(state.kResp, i, Math.min(4, Math.max(1, state.kResp[i] + random.pick(UNIT_STEPS))));
          break;
        case 7: {
          const j = random.pick(responders);
          const k = random.pick(responders);
          swapBundle(j, k);
          break;
        }
        case 8: {
          swapBundle(random.pick(fails), random.pick(fails));
          break;
        }
        case 9: {
          setInt(state.kNt, i, Math.max(1, state.kNt[i] + random.pick(UNIT_STEPS)));
          setInt(state.kLast, i, random.int(0, 1));
          setInt(state.deathDay, i, random.int(35, 62));
          break;
        }
        case 10: {
          const pool = progressingNow();
          const j = random.pick(pool);
          const k = random.pick(pool);
          const ej = state.early[j];
          setInt(state.early, j, state.early[k]);
          setInt(state.early, k, ej);
          setInt(state.kEnd, j, Math.max(0, state.kPd[j] - random.int(1, 4)));
          setInt(state.endOffset, i, random.int(3, 20));
          break;
        }
        case 12: {
          // Directed: put a death of a subgroup on its published OS median.
          const spec = random.pick(OS_MEDIAN_SPECS);
          const target = Math.round((spec.target.median as number) * DAYS_PER_MONTH) + random.int(-1, 1);
          const j = random.pick(groups[spec.group].filter((row) => isProgressing(state.fate[row])));
          const confirm = schedules[j][Math.min(state.kPd[j] + 1, MAX_VISITS - 1)];
          if (state.osState[j] !== 1) {
            const others = progressingNow().filter((row) => state.osState[row] === 1);
            const k = random.pick(others);
            setInt(state.osState, k, state.osState[j]);
            setInt(state.osState, j, 1);
          }
          setInt(state.gap, j, Math.max(1, target - confirm));
          break;
        }
        case 14: {
          // Repair a subject that breaks a constraint: feasible visits for its fate, or, when its slot is
          // too late for the assessments its fate needs, trade slots with an early consent withdrawal.
          const j = random.pick(badSubjectsOf(currentDerived, n));
          const cs = schedules[j];
          const lastVisit = lastVisitOnOrBefore(cs, slotsCutoffDay[state.slot[j]]);
          const f = state.fate[j];
          const minVisits = isProgressing(f) ? (isResponder(f) || f === 'dc-progression' ? 4 : 2) : isResponder(f) ? 2 : 0;
          if (lastVisit < minVisits && f !== 'ne-consent' && f !== 'no-post-baseline') {
            const k = random.pick(movable.filter((row) => state.fate[row] === 'ne-consent'));
            const sj = state.slot[j];
            setInt(state.slot, j, state.slot[k]);
            setInt(state.slot, k, sj);
            break;
          }
          if (isResponder(f)) setInt(state.kResp, j, Math.min(state.kResp[j], Math.max(1, lastVisit - (f === 'resp-ongoing' ? 1 : 3))));
          if (isProgressing(f)) {
            const low = isResponder(f) ? state.kResp[j] + 2 : f === 'dc-progression' ? 3 : 1;
            const high = f === 'pd-progression' ? Math.min(2, lastVisit - 1) : lastVisit - 1;
            setInt(state.kPd, j, random.int(Math.min(low, high), Math.max(low, high)));
          }
          if (f === 'resp-new-therapy') setInt(state.kNt, j, Math.max(state.kResp[j] + 1, Math.min(state.kNt[j], lastVisit - 1)));
          if (f === 'ne-consent') {
            setInt(state.kLast, j, 0);
            setInt(state.endOffset, j, random.int(3, 10));
          }
          if (state.delayCycle[j] > 0) setInt(state.delayCycle, j, 2);
          touched.push(j);
          break;
        }
        case 13: {
          // Directed: put a progression of a subgroup on the visit nearest its published PFS median, or a
          // responder's progression at the published median duration of response.
          const pick = random.int(0, PFS_MEDIAN_SPECS.length);
          const dorMove = pick === PFS_MEDIAN_SPECS.length;
          const pool = dorMove
            ? responders.filter((row) => state.fate[row] === 'resp-progression')
            : groups[PFS_MEDIAN_SPECS[pick].group].filter((row) => isProgressing(state.fate[row]) && state.fate[row] !== 'pd-progression');
          if (pool.length === 0) break;
          const j = random.pick(pool);
          const origin = dorMove ? schedules[j][state.kResp[j]] - 1 : 0;
          const median = dorMove ? (CURVE_TARGETS.dor.median as number) : (PFS_MEDIAN_SPECS[pick].target.median as number);
          const target = origin + median * DAYS_PER_MONTH;
          let best = 1;
          for (let k = 1; k < MAX_VISITS - 1; k++) if (Math.abs(schedules[j][k] - target) < Math.abs(schedules[j][best] - target)) best = k;
          setInt(state.kPd, j, best);
          break;
        }
        case 15: {
          // Stage 2, directed: put an event of a group on the study day a printed median or median CI limit
          // stands for (printedMonthDay): a death on that day, or a progression (a responder's, for DoR) at a
          // visit on that day; when no subject of the group has a visit there, at the nearest visit.
          const spec = random.pick(EVENT_TIME_TARGETS);
          const day = printedMonthDay(spec.months);
          if (spec.endpoint === 'os') {
            const confirmOf = (row: number): number => schedules[row][Math.min(state.kPd[row] + 1, MAX_VISITS - 1)];
            const pool = groups[spec.group].filter((row) => isProgressing(state.fate[row]) && confirmOf(row) < day);
            if (pool.length === 0) break;
            const j = random.pick(pool);
            if (state.osState[j] !== 1) {
              const k = random.pick(progressingNow().filter((row) => state.osState[row] === 1));
              setInt(state.osState, k, state.osState[j]);
              setInt(state.osState, j, 1);
            }
            setInt(state.gap, j, day - confirmOf(j));
            break;
          }
          const dor = spec.endpoint === 'dor';
          const pool = groups[spec.group].filter((row) => (dor ? state.fate[row] === 'resp-progression' : isProgressing(state.fate[row])));
          if (pool.length === 0) break;
          const visitOn = (row: number): number => {
            const target = (dor ? schedules[row][state.kResp[row]] - 1 : 0) + day;
            return schedules[row].indexOf(target);
          };
          const exact = pool.filter((row) => visitOn(row) >= 1 && visitOn(row) < MAX_VISITS - 1);
          if (exact.length > 0) {
            const j = random.pick(exact);
            setInt(state.kPd, j, visitOn(j));
            break;
          }
          const j = random.pick(pool);
          const target = (dor ? schedules[j][state.kResp[j]] - 1 : 0) + day;
          let nearest = 1;
          for (let k = 1; k < MAX_VISITS - 1; k++) if (Math.abs(schedules[j][k] - target) < Math.abs(schedules[j][nearest] - target)) nearest = k;
          setInt(state.kPd, j, nearest);
          break;
        }
        case 16: {
          // Stage 2, directed: a curve whose printed limit is NR loses one of its late events (after the
          // printed median, or after the middle of the follow-up when the median is not reached) to a
          // subject of the same class, who may be in another group.
          const spec = random.pick(NR_LIMIT_SPECS);
          const [t, st] = endpointArrays(currentDerived, spec.endpoint);
          const after = (spec.target.median ?? 9) * DAYS_PER_MONTH * 0.9;
          const late = groups[spec.group].filter((row) => st[row] === 1 && t[row] >= after);
          if (late.length === 0) break;
          const j = random.pick(late);
          if (spec.endpoint === 'os') {
            const alive = progressingNow().filter((row) => state.osState[row] === 0);
            if (alive.length === 0 || !isProgressing(state.fate[j])) break;
            const k = random.pick(alive);
            setInt(state.osState, k, state.osState[j]);
            setInt(state.osState, j, 0);
          } else if (isResponder(state.fate[j])) {
            swapBundle(j, random.pick(responders));
          } else if (fails.includes(j)) {
            swapBundle(j, random.pick(fails));
          }
          break;
        }
        case 17: {
          // Stage 2: two progressing subjects of the same kind trade progression visits, so an event moves
          // between groups while the overall curve keeps (nearly) its shape.
          const pool = progressingNow();
          const j = random.pick(pool);
          const same = pool.filter((row) => row !== j && (state.fate[row] === 'pd-progression') === (state.fate[j] === 'pd-progression'));
          if (same.length === 0) break;
          const k = random.pick(same);
          const pj = state.kPd[j];
          setInt(state.kPd, j, state.kPd[k]);
          setInt(state.kPd, k, pj);
          break;
        }
        case 18: {
          // Stage 2: two subjects who die after progression trade death days (each keeps at least a day after
          // its confirmation), so a death moves between groups at the same time.
          const dead = progressingNow().filter((row) => state.osState[row] === 1);
          if (dead.length < 2) break;
          const j = random.pick(dead);
          const k = random.pick(dead);
          const confirmOf = (row: number): number => schedules[row][Math.min(state.kPd[row] + 1, MAX_VISITS - 1)];
          const dayJ = confirmOf(j) + state.gap[j];
          const dayK = confirmOf(k) + state.gap[k];
          setInt(state.gap, j, Math.max(1, dayK - confirmOf(j)));
          setInt(state.gap, k, Math.max(1, dayJ - confirmOf(k)));
          break;
        }
        default: {
          const j = random.pick(movable);
          const dj = state.delayCycle[j];
          setInt(state.delayCycle, j, state.delayCycle[i]);
          setInt(state.delayCycle, i, dj === 0 ? 0 : random.int(2, 6));
          setInt(state.delayDays, i, random.pick(DELAY_CHOICES));
          touched.push(i, j);
          break;
        }
      }
      for (const row of touched) schedules[row] = visitSchedule(state.seed[row], state.delayCycle[row], state.delayDays[row]);
      // The moved subjects: every row whose state the move set, swapped a fate of or re-drew the visits of.
      moved.length = 0;
      for (let u = 0; u < undoIndex.length; u++) moved.push(undoIndex[u]);
      for (let u = 0; u < fateSwaps.length; u++) moved.push(fateSwaps[u]);
      for (const row of touched) moved.push(row);
      const nextDerived = deriveMoved(state, slotsCutoffDay, schedules, currentDerived, spare, moved, moved.length, n, scale);
      if (checkDerivations) checkDerivation(nextDerived, derive(state, skeleton, slotsCutoffDay, schedules, emptyDerived(n), scale), n);
      const nextLosses = targetLosses(nextDerived, groups, membership, walks, mode, currentDerived, currentLosses, spareLosses);
      const next = lossOf(nextDerived, nextLosses);
      const accept = next <= current || random.float() < Math.exp((current - next) / temperature);
      if (accept) {
        commitWalks(walks);
        if (scale === 1) commitTies(currentDerived, nextDerived, n);
        current = next;
        spare = currentDerived;
        currentDerived = nextDerived;
        spareLosses = currentLosses;
        currentLosses = nextLosses;
        // Stage 2 keeps the best by its objective as a strict order: constraint breaches, rows that differ, rows only close, then the loss.
        if (mode === 'medians' ? current < bestLoss - 1e-12 : improvesOnBest()) {
          bestLoss = current;
          bestViolations = currentDerived.violations;
          bestGrades = gradedCounts(currentLosses);
          best = snapshot();
        }
      } else {
        undoMove();
        for (const row of touched) schedules[row] = visitSchedule(state.seed[row], state.delayCycle[row], state.delayDays[row]);
      }
    }
  };
  const restoreBest = (): void => {
    Object.assign(state, best.state);
    progressingCache = null;
    schedules.splice(0, schedules.length, ...best.schedules);
    // Keep a private copy as the best, so the search cannot alter it through the restored arrays.
    best = snapshot();
    currentDerived = derive(state, skeleton, slotsCutoffDay, schedules, emptyDerived(n), scale);
    currentLosses = targetLosses(currentDerived, groups, membership, walks, mode);
    current = lossOf(currentDerived, currentLosses);
    bestLoss = current;
    bestViolations = currentDerived.violations;
    bestGrades = gradedCounts(currentLosses);
  };
  phase(iterations, 3, 0.002);
  restoreBest();
  if (gradeIterations > 0) {
    // Stage 2 from the best stage-1 layout, graded as the scoreboard grades; each round anneals again from the best so far.
    mode = 'grades';
    restoreBest();
    const rounds = Math.max(1, gradeRounds);
    for (let round = 0; round < rounds; round++) {
      phase(Math.round(gradeIterations / rounds), GRADE_START_TEMPERATURE, GRADE_END_TEMPERATURE);
      restoreBest();
    }
  }
  const d = derive(state, skeleton, slotsCutoffDay, schedules, emptyDerived(n), scale);
  const subjects = skeleton.map((_, i): SubjectLayout => {
    const f = state.fate[i];
    const osState = isProgressing(f)
      ? (['alive', 'dead', 'lost'] as const)[state.osState[i]]
      : f === 'ne-death'
        ? 'dead'
        : f === 'ne-consent' && state.osState[i] === 3
          ? 'withdrawn'
          : 'alive';
    return {
      slot: state.slot[i],
      fate: f,
      assessmentDays: schedules[i],
      delayCycle: state.delayCycle[i],
      delayDays: state.delayDays[i],
      firstResponseVisit: state.kResp[i],
      progressionVisit: state.kPd[i],
      newTherapyVisit: state.kNt[i],
      lastAdequateVisit: state.kLast[i],
      deathDay: d.osStatus[i] === 1 ? d.osTime[i] : null,
      osDay: d.osTime[i],
      osState,
      lastDoseDay: d.lastDose[i],
      treatmentOngoing: d.ongoing[i] === 1,
      stoppedEarly: isProgressing(f) && state.early[i] === 1,
      pfsDay: d.pfsTime[i],
      pfsEvent: d.pfsStatus[i] === 1 ? 1 : 0,
      dorDay: isResponder(f) ? d.dorTime[i] : null,
    };
  });
  return {
    subjects,
    loss: lossOf(d, targetLosses(d, groups, membershipOf(groups, n), curveWalks(groups), mode)),
    violations: d.violations,
    violationTags: violationTagsOf(d, n, scale),
    iterations: done,
  };
}
