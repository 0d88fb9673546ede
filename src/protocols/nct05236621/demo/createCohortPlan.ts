import { formatIsoDate, parseIsoDate } from '../../../clinical/index.js';
import { baselineProfiles, MR_URINE_MIN_BASELINE } from './baselineProfiles.js';
import { calibratedSkeleton, sampledSkeleton, type CohortMix, type SkeletonSubject } from './calibratedSkeleton.js';
import type { BestResponse, CohortPlan, EnrolledPatientPlan, PfsCensorReason, ScreenFailurePlan, TreatmentEndReason } from './cohortPlanTypes.js';
import { enrolmentCalendar, type EnrolmentWindow } from '../../../demo/index.js';
import { layoutEventTimes, type SubjectLayout } from './layoutEventTimes.js';
import { safetyPlan, type SafetyInput } from './safetyPlan.js';
import { makeScreenFailure, screenFailureReasons } from './screenFailures.js';
import { SeededRandom } from '../../../demo/index.js';

export const SYNTHETIC_NOTE =
  'SYNTHETIC: invented subjects calibrated to the published results of NCT05236621 (Zhou et al., Ann Hematol 2023). Not real patient data.';

/**
 * The seed of the built-in twin: the best of seeds 1-34 scanned with fixtures/searchSeeds.mjs (output in
 * fixtures/seedScan.jsonl; every seed verifies with zero mismatches and no pile-up of event times): the fewest
 * rows that differ on the whole scoreboard (16), then the most that match (175).
 */
export const DEFAULT_COHORT_SEED = 34;
/** Iterations of the event-time search for the calibrated twin (twice the budget the tie constraints need). */
export const CALIBRATION_ITERATIONS = 36_000;
/**
 * Iterations of the search's second stage (every printed survival row graded as `trialkit reproduce` grades it),
 * in GRADE_CALIBRATION_ROUNDS rounds, each annealing again from the best layout so far.
 */
export const GRADE_CALIBRATION_ITERATIONS = 60_000;
export const GRADE_CALIBRATION_ROUNDS = 4;

/** The published calendar: first and last screening dates and the data cutoff (Zhou et al., Results). */
export const PUBLISHED_WINDOW: EnrolmentWindow = Object.freeze({ firstScreeningDate: '2021-03-29', lastScreeningDate: '2022-11-09', dataCutoffDate: '2022-12-01' });

const PUBLISHED_SCREENED = 109;
/** Enrolled subjects of the published trial, and so of the calibrated twin. */
export const PUBLISHED_ENROLLED = 85;
const SITE_COUNT = 32;

export interface CohortPlanOptions {
  readonly seed?: number;
  /**
   * Enrolled subjects. Omitted (or 85 without `mix`): the calibrated twin of the published trial. Any other
   * size, or a `mix`, gives an uncalibrated trial drawn from the same distributions (no event-time search).
   */
  readonly size?: number;
  readonly mix?: CohortMix;
}

function siteIds(count: number): string[] {
  return Array.from({ length: count }, (_, k) => `C${String(k + 1).padStart(2, '0')}`);
}

/**
 * Enrolled subjects spread over all sites (every site enrols at least one when there are enough
 * subjects), the lead sites more than the others.
 */
function assignSites(random: SeededRandom, enrolled: number, sites: readonly string[]): string[] {
  const weights = sites.map((_, k) => 1 / (1 + k * 0.12));
  const out: string[] = [];
  const firstRound = random.shuffle(sites);
  for (let i = 0; i < enrolled; i++) out.push(i < firstRound.length ? firstRound[i] : sites[random.weighted(weights)]);
  return random.shuffle(out);
}

const isResponse = (bor: BestResponse): boolean => bor === 'sCR' || bor === 'CR' || bor === 'VGPR' || bor === 'PR';

/**
 * Investigator calls: concordant with the IRC except for four subjects (one VGPR read as PR, one PR as
 * VGPR, one MR as SD, one SD as MR), so the investigator's ORR and DCR equal the IRC's, as the paper says.
 */
function investigatorCalls(random: SeededRandom, irc: readonly BestResponse[], canBeMr: (i: number) => boolean): BestResponse[] {
  const out = irc.slice();
  const swaps: [BestResponse, BestResponse][] = [
    ['VGPR', 'PR'],
    ['PR', 'VGPR'],
    ['MR', 'SD'],
    ['SD', 'MR'],
  ];
  const used = new Set<number>();
  for (const [from, to] of swaps) {
    // IMWG has no MR for FLC-only disease (nor a urine MR below ~500 mg/24 h): such subjects cannot be read as MR.
    const pool = random.shuffle(irc.flatMap((b, i) => (b === from && !used.has(i) && (to !== 'MR' || canBeMr(i)) ? [i] : [])));
    if (pool.length === 0) continue;
    used.add(pool[0]);
    out[pool[0]] = to;
  }
  return out;
}

export function createCohortPlan(options: CohortPlanOptions = {}): CohortPlan {
  const seed = options.seed ?? DEFAULT_COHORT_SEED;
  const size = options.size ?? PUBLISHED_ENROLLED;
  const calibrated = size === PUBLISHED_ENROLLED && options.mix === undefined;
  const scale = size / PUBLISHED_ENROLLED;
  const random = new SeededRandom(seed);
  const sites = siteIds(SITE_COUNT);

  const skeleton: SkeletonSubject[] = calibrated ? calibratedSkeleton(random.fork()) : sampledSkeleton(random.fork(), size, options.mix);
  const noPostBaseline = skeleton.filter((s) => s.fate === 'no-post-baseline').length;
  const failures = calibrated ? PUBLISHED_SCREENED - PUBLISHED_ENROLLED : Math.round(((PUBLISHED_SCREENED - PUBLISHED_ENROLLED) * size) / PUBLISHED_ENROLLED);
  const calendar = enrolmentCalendar(random.fork(), PUBLISHED_WINDOW, size + failures, failures, noPostBaseline);
  const layout = layoutEventTimes(skeleton, calendar.enrolledCutoffDays, random.fork(), calibrated ? CALIBRATION_ITERATIONS : 0, scale, calibrated ? GRADE_CALIBRATION_ITERATIONS : 0, GRADE_CALIBRATION_ROUNDS);
  const subjects = layout.subjects;

  // Roles the counts of the paper fix: why early stoppers stopped, who died within the TEAE window.
  const roleRandom = random.fork();
  const early = roleRandom.shuffle(subjects.flatMap((s, i) => (s.stoppedEarly ? [i] : [])));
  const earlyReason = new Map<number, TreatmentEndReason>();
  early.forEach((i, k) => {
    const share = k / Math.max(1, early.length);
    earlyReason.set(i, k === early.length - 1 ? 'protocol-violation' : share < 6 / 12 ? 'adverse-event' : 'investigator-decision');
  });
  const protocolViolator = early.length > 0 ? early[early.length - 1] : -1;
  const neDeaths = roleRandom.shuffle(subjects.flatMap((s, i) => (s.fate === 'ne-death' ? [i] : [])));
  const cardiacDeath = neDeaths.length > 0 ? neDeaths[0] : -1;
  const teDeath = (s: SubjectLayout, i: number): SafetyInput['treatmentEmergentDeath'] => {
    if (s.deathDay === null || s.deathDay > s.lastDoseDay + 28) return null;
    if (i === cardiacDeath) return 'cardiac';
    return s.fate === 'ne-death' ? 'progression' : 'organ-failure';
  };

  const profiles = baselineProfiles(random.fork(), skeleton, protocolViolator);
  // Uncalibrated trials: a subject whose response or progression could not be confirmed before the
  // cutoff (fate 'dc-ongoing') has stable disease when two assessments were done, else not evaluable.
  const bestResponse = subjects.map((s, i): BestResponse => {
    const planned = skeleton[i].bor;
    // The event-time search swaps fates among the 'fail' class (PD and NE alike), so within that class the
    // best response follows the fate: a confirmed early progression is PD, an early death or withdrawal NE.
    // Every count is kept (the swaps permute fates) and subgroup ORR/DCR do not tell PD from NE.
    if (planned === 'PD' || planned === 'NE') {
      if (s.fate === 'pd-progression') return 'PD';
      if (s.fate === 'ne-death' || s.fate === 'ne-consent') return 'NE';
    }
    if (s.fate !== 'dc-ongoing') return planned;
    const cut = calendar.enrolledCutoffDays[s.slot];
    const done = s.assessmentDays.filter((day) => day <= cut).length - 1;
    if (done < 2) return 'NE';
    return planned === 'MR' || planned === 'SD' ? planned : 'SD';
  });
  const investigator = investigatorCalls(random.fork(), bestResponse, (i) => {
    const profile = profiles[i];
    if (profile.measurableParameter === 'serum-flc') return false;
    return profile.measurableParameter !== 'urine-m-protein' || profile.baselineMeasurableValue >= MR_URINE_MIN_BASELINE;
  });
  const safetyInputs = subjects.map((s, i): SafetyInput => {
    const reason = endReasonOf(s, i);
    return {
      cycleStartDays: s.assessmentDays,
      lastDoseDay: s.lastDoseDay,
      // A delay only counts when that cycle was given (always so in the calibrated twin).
      delayedCycle: s.delayCycle > 0 && s.assessmentDays[s.delayCycle] <= s.lastDoseDay ? s.delayCycle + 1 : 0,
      discontinued: !s.treatmentOngoing,
      discontinuedForAdverseEvent: reason === 'adverse-event',
      treatmentEmergentDeath: teDeath(s, i),
      deathDay: s.deathDay,
      age: profiles[i].age,
      noPostBaseline: s.fate === 'no-post-baseline',
    };
  });
  function endReasonOf(s: SubjectLayout, i: number): TreatmentEndReason | null {
    if (s.treatmentOngoing) return null;
    if (s.stoppedEarly) return earlyReason.get(i) ?? 'investigator-decision';
    switch (s.fate) {
      case 'resp-new-therapy':
        return 'investigator-decision';
      case 'ne-consent':
        return 'consent-withdrawn';
      case 'ne-death':
        return i === cardiacDeath ? 'death' : 'progressive-disease';
      default:
        return 'progressive-disease';
    }
  }
  const safety = safetyPlan(random.fork(), safetyInputs, scale);

  // Subsequent therapies (Results): anti-CD38 24, selinexor 3, CAR-T 4, talquetamab 2 (scaled).
  const therapyRandom = random.fork();
  const therapies = new Map<number, { agent: string; startDay: number }[]>();
  const after = (i: number): number | null => {
    const s = subjects[i];
    if (s.fate === 'resp-new-therapy') return s.assessmentDays[s.newTherapyVisit] + therapyRandom.int(22, 27);
    if (s.pfsEvent !== 1 || s.deathDay !== null && s.fate === 'ne-death') return null;
    const confirm = s.assessmentDays[s.progressionVisit + 1];
    const limit = Math.min(s.osDay, s.deathDay ?? s.osDay) - 3;
    if (limit - confirm < 10) return null;
    return confirm + therapyRandom.int(7, Math.min(30, limit - confirm));
  };
  const candidates = therapyRandom.shuffle(subjects.flatMap((s, i) => (after(i) !== null ? [i] : [])));
  const newTherapyFirst = candidates.filter((i) => subjects[i].fate === 'resp-new-therapy');
  const ordered = [...newTherapyFirst, ...candidates.filter((i) => subjects[i].fate !== 'resp-new-therapy')];
  const plan: [string, number][] = [
    ['CAR-T (anti-BCMA)', 4],
    ['talquetamab', 2],
    ['selinexor', 3],
    ['daratumumab', 24],
  ];
  let cursor = 0;
  for (const [agent, count] of plan) {
    for (let k = 0; k < Math.round(count * scale) && cursor < ordered.length; k++) {
      const i = ordered[cursor++];
      const start = after(i);
      if (start !== null) therapies.set(i, [{ agent, startDay: start }]);
    }
  }

  const cutoffDay = parseIsoDate(PUBLISHED_WINDOW.dataCutoffDate) as number;
  const siteOf = assignSites(random.fork(), size, sites);
  const bySlot = subjects.map((s, i) => [s.slot, i] as const).sort((a, b) => a[0] - b[0]);
  const screeningIdOf = new Map<number, string>();
  calendar.screenings.forEach((_, j) => screeningIdOf.set(j, `S${String(j + 1).padStart(Math.max(3, String(calendar.screenings.length).length), '0')}`));

  const patients = bySlot.map(([slot, i]): EnrolledPatientPlan => {
    const s = subjects[i];
    const sk = skeleton[i];
    const profile = profiles[i];
    const screening = calendar.screenings[calendar.enrolledScreeningIndex[slot]];
    const enrolDay = screening.enrolmentDay as number;
    const cut = cutoffDay - enrolDay + 1;
    const days = s.assessmentDays;
    const lastVisit = (() => {
      let k = 0;
      while (k + 1 < days.length && days[k + 1] <= cut) k += 1;
      return k;
    })();
    const bor = bestResponse[i];
    const responder = isResponse(bor);
    const progressing = s.fate === 'resp-progression' || s.fate === 'dc-progression' || s.fate === 'pd-progression';
    let lastAssessment = lastVisit;
    if (progressing) lastAssessment = s.progressionVisit + 1;
    else if (s.fate === 'resp-new-therapy') lastAssessment = s.newTherapyVisit;
    else if (s.fate === 'ne-consent') lastAssessment = s.lastAdequateVisit;
    else if (s.fate === 'ne-death') lastAssessment = days[1] < (s.deathDay ?? 0) ? 1 : 0;
    else if (s.fate === 'no-post-baseline') lastAssessment = 0;
    const assessmentDays = days.slice(0, lastAssessment + 1);
    const notEvaluableDays: number[] = [];
    if (s.fate === 'ne-death' && lastAssessment === 1) notEvaluableDays.push(days[1]);
    if (s.fate === 'ne-consent' && s.lastAdequateVisit === 0) {
      // Withdrawal visit: an end-of-treatment assessment without the qualifying measurement.
      const withdrawal = s.lastDoseDay + 5;
      assessmentDays.push(withdrawal);
      notEvaluableDays.push(withdrawal);
    }
    const firstResponseVisit = responder ? s.firstResponseVisit : bor === 'MR' || bor === 'SD' ? 1 : null;
    const bestLimit = progressing ? s.progressionVisit - 1 : lastAssessment - 1;
    const bestVisit =
      firstResponseVisit === null ? null : bor === 'CR' || bor === 'VGPR' ? Math.max(firstResponseVisit, Math.min(bestLimit, firstResponseVisit + 2)) : firstResponseVisit;
    let lastAdequate: number | null = null;
    if (progressing) lastAdequate = days[s.progressionVisit + 1];
    else if (s.fate === 'ne-consent') lastAdequate = s.lastAdequateVisit === 1 ? days[1] : null;
    else if (s.fate === 'ne-death' || s.fate === 'no-post-baseline') lastAdequate = null;
    else lastAdequate = s.pfsDay;
    let pfsCensor: PfsCensorReason | null = null;
    if (s.pfsEvent === 0) {
      pfsCensor =
        s.fate === 'resp-new-therapy' ? 'new-therapy' : s.fate === 'ne-consent' ? 'consent-withdrawn' : s.fate === 'no-post-baseline' ? 'no-post-baseline-assessment' : 'ongoing';
    }
    const deathCause = s.deathDay === null ? null : i === cardiacDeath ? 'adverse-event' : teDeath(s, i) === 'organ-failure' ? 'adverse-event' : 'progressive-disease';
    const subsequent = therapies.get(i) ?? [];
    return Object.freeze({
      synthetic: true,
      subjectId: screeningIdOf.get(calendar.enrolledScreeningIndex[slot]) as string,
      siteId: siteOf[slot],
      screeningDate: screening.screeningDate,
      enrolmentDate: formatIsoDate(enrolDay),
      cutoffDay: cut,
      age: profile.age,
      sex: profile.sex,
      ecog: profile.ecog,
      weightKg: profile.weightKg,
      subtype: profile.subtype,
      lightChain: profile.lightChain,
      measurableParameter: profile.measurableParameter,
      baselineMeasurableValue: profile.baselineMeasurableValue,
      beta2MicroglobulinMgPerL: profile.beta2MicroglobulinMgPerL,
      albuminGPerL: profile.albuminGPerL,
      ldhUPerL: profile.ldhUPerL,
      ldhUpperLimitUPerL: profile.ldhUpperLimitUPerL,
      fish: Object.freeze(profile.fish),
      intended: Object.freeze({ iss: sk.iss, riss: sk.riss, cytogeneticRisk: sk.cytogeneticRisk }),
      monthsSinceDiagnosis: profile.monthsSinceDiagnosis,
      prior: Object.freeze({ ...profile.prior, agents: Object.freeze(profile.prior.agents) }),
      assessmentDays: Object.freeze(assessmentDays),
      response: Object.freeze({
        irc: bor,
        investigator: investigator[i],
        firstResponseDay: firstResponseVisit === null ? null : days[firstResponseVisit],
        bestResponseDay: bestVisit === null ? null : days[bestVisit],
        lastAdequateAssessmentDay: lastAdequate,
        notEvaluableDays: Object.freeze(notEvaluableDays),
      }),
      pfs: Object.freeze({
        day: s.pfsDay,
        event: s.pfsEvent === 1 ? (s.fate === 'ne-death' ? 'death' : 'progression') : null,
        censorReason: pfsCensor,
        progressionDay: progressing ? days[s.progressionVisit] : null,
      }),
      os: Object.freeze({
        day: s.osDay,
        dead: s.deathDay !== null,
        deathCause,
        censorReason: s.deathDay !== null ? null : s.osState === 'withdrawn' ? 'consent-withdrawn' : s.osState === 'lost' ? 'lost-to-follow-up' : 'alive-at-cutoff',
      }),
      treatment: Object.freeze({ lastDoseDay: s.lastDoseDay, ongoing: s.treatmentOngoing, endReason: endReasonOf(s, i) }),
      dosing: safety[i].dosing,
      adverseEvents: Object.freeze(safety[i].adverseEvents.map((e) => Object.freeze({ ...e }))),
      subsequentTherapies: Object.freeze(subsequent.map((t) => Object.freeze(t))),
      newTherapyDay: subsequent.length > 0 ? subsequent[0].startDay : null,
    });
  });

  // Screen failures: the non-enrolled screenings, each failing one criterion.
  const failureRandom = random.fork();
  const failed = calendar.screenings.flatMap((sc, j) => (sc.enrolmentDay === null ? [j] : []));
  const reasons = screenFailureReasons(failureRandom, failed.length);
  const screenFailures: ScreenFailurePlan[] = failed.map((j, k) =>
    makeScreenFailure(
      screeningIdOf.get(j) as string,
      failureRandom.pick(sites),
      calendar.screenings[j].screeningDate,
      failureRandom.int(42, 78),
      failureRandom.chance(0.58) ? 'M' : 'F',
      reasons[k],
    ),
  );

  return Object.freeze({
    synthetic: true,
    note: SYNTHETIC_NOTE,
    seed,
    calibrated,
    dataCutoffDate: PUBLISHED_WINDOW.dataCutoffDate,
    firstScreeningDate: PUBLISHED_WINDOW.firstScreeningDate,
    lastScreeningDate: PUBLISHED_WINDOW.lastScreeningDate,
    sites: Object.freeze(sites),
    screenFailures: Object.freeze(screenFailures),
    patients: Object.freeze(patients),
  });
}
