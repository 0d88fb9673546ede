import { computeRecistResponse, RECIST_1_1 } from '../../../clinical/index.js';
import type { RecistAssessment, RecistBaselineLesion } from '../../../clinical/index.js';
import { dayNumberOf, isoDateOf, type SeededRandom } from '../../../demo/index.js';
import type { LesionPlan, LesionReading, PlannedBestResponse, PlannedReaderOutcome, ReaderRead, ScanPlan, TumourCourse } from './retDemoPlanTypes.js';

/**
 * The SYNTHETIC tumour of one subject: baseline target and non-target lesions (RECIST 1.1 selection: at most
 * 5 targets, 2 per organ, 2 lymph nodes; targets >= 10 mm, nodes >= 15 mm short axis) and, at every scan,
 * each reader's measurements. A course (complete or partial response, stable disease, progression, ...)
 * gives a true relative size of the target sum per scan; each lesion varies around it and each reader
 * measures with its own error (IRC 2.5%, investigator 4%, and a systematic difference where the course says
 * the readers disagree). The RECIST engine then derives each reader's best response from the measurements
 * exactly as the ADaM derivation will; a draw whose derivation is not what the course means is drawn again
 * (a seeded search: deterministic). The time-point responses the engine gives are what the readers record
 * as their calls, so no stored call differs from its derivation.
 */

/** RECIST 1.1 options of RET-CABO-2's response binding (protocol.ts: confirmation 28 days, SD minimum 42 days). */
const CONFIRMATION_DAYS = 28;
const SD_MIN_DAYS = 42;
const MAX_ATTEMPTS = 200;

/** Post-baseline scans a course needs before the cutoff to be what it says (a confirmation, a later call). */
export const SCANS_NEEDED: Readonly<Record<TumourCourse, number>> = Object.freeze({
  'complete-response': 3,
  'partial-response': 2,
  stable: 1,
  'stable-investigator-partial-response': 2,
  'stable-investigator-new-lesion': 2,
  progression: 1,
  'progression-investigator-stable': 2,
  'not-evaluable': 1,
});

export interface TumourPlan {
  readonly lesions: readonly LesionPlan[];
  readonly scans: readonly ScanPlan[];
  readonly irc: PlannedReaderOutcome;
  readonly investigator: PlannedReaderOutcome;
  /** Whether the engine's derivation agrees with the course for both readers (false only if the search failed). */
  readonly derivedAsPlanned: boolean;
}

interface TrueLesion extends LesionPlan {
  readonly sizeMm: number;
}

const TARGET_ORGANS: readonly { organ: string; nodal: boolean; weight: number; min: number; max: number }[] = [
  { organ: 'lung', nodal: false, weight: 4, min: 12, max: 55 },
  { organ: 'lymph node', nodal: true, weight: 3, min: 16, max: 32 },
  { organ: 'liver', nodal: false, weight: 2, min: 13, max: 58 },
  { organ: 'adrenal gland', nodal: false, weight: 1, min: 12, max: 38 },
  { organ: 'pleura', nodal: false, weight: 1, min: 12, max: 32 },
];
const NON_TARGET_ORGANS: readonly { organ: string; nodal: boolean }[] = [
  { organ: 'bone', nodal: false },
  { organ: 'lymph node', nodal: true },
  { organ: 'pleura', nodal: false },
  { organ: 'lung', nodal: false },
];

function drawLesions(random: SeededRandom, brainMetastases: boolean, minimumSumMm: number): TrueLesion[] {
  const targetCount = 1 + random.weighted([1, 3, 3, 2, 1]);
  const perOrgan = new Map<string, number>();
  const lesions: TrueLesion[] = [];
  for (let k = 0; k < targetCount; k++) {
    const open = TARGET_ORGANS.filter((o) => (perOrgan.get(o.organ) ?? 0) < 2);
    const site = k === 0 ? TARGET_ORGANS[0] : open[random.weighted(open.map((o) => o.weight))];
    perOrgan.set(site.organ, (perOrgan.get(site.organ) ?? 0) + 1);
    lesions.push({ id: `T${k + 1}`, kind: 'target', nodal: site.nodal, organ: site.organ, sizeMm: random.int(site.min, site.max) });
  }
  const sum = lesions.reduce((s, l) => s + l.sizeMm, 0);
  if (sum < minimumSumMm) lesions[0] = { ...lesions[0], sizeMm: lesions[0].sizeMm + minimumSumMm - sum };
  const nonTargetCount = random.weighted([2, 3, 3, 1]);
  const organs = random.shuffle(NON_TARGET_ORGANS).slice(0, nonTargetCount);
  if (brainMetastases) organs.push({ organ: 'brain', nodal: false });
  organs.forEach((o, k) => lesions.push({ id: `NT${k + 1}`, kind: 'non-target', nodal: o.nodal, organ: o.organ, sizeMm: 0 }));
  return lesions;
}

/** What the course means at each post-baseline scan: the true relative target sum and the events. */
interface CourseStep {
  /** True target sum relative to baseline (per lesion it varies around this). */
  readonly relative: number;
  /** Every target gone (non-nodal 0 mm, nodes < 10 mm) and non-targets absent. */
  readonly complete: boolean;
  readonly newLesionIrc: 'no' | 'yes';
  readonly newLesionInvestigator: 'no' | 'yes';
  readonly nonTargetProgression: boolean;
  /** The investigator's systematic factor on the measurements at this scan. */
  readonly investigatorFactor: number;
  /** A target lesion not imaged at this scan (both readers). */
  readonly targetMissing: boolean;
}

interface CourseDraw {
  readonly steps: CourseStep[];
  readonly irc: PlannedReaderOutcome;
  readonly investigator: PlannedReaderOutcome;
}

const step = (relative: number, extra: Partial<CourseStep> = {}): CourseStep => ({
  relative,
  complete: false,
  newLesionIrc: 'no',
  newLesionInvestigator: 'no',
  nonTargetProgression: false,
  investigatorFactor: 1,
  targetMissing: false,
  ...extra,
});

/** A progression step at a nadir: growth of >= 30% and >= 9 mm, a new lesion, or a non-target's unequivocal progression. */
function progressionStep(random: SeededRandom, nadir: number, baselineSumMm: number, hasNonTargets: boolean): CourseStep {
  const mode = random.weighted([6, 3, hasNonTargets ? 1 : 0]);
  if (mode === 0) return step(Math.max(nadir * (1.32 + random.float() * 0.25), nadir + 9 / baselineSumMm));
  if (mode === 1) return step(nadir * (0.97 + random.float() * 0.1), { newLesionIrc: 'yes', newLesionInvestigator: 'yes' });
  return step(nadir * (0.98 + random.float() * 0.08), { nonTargetProgression: true });
}

/**
 * The steps of a course over the scans available before the cutoff (`available`), and what each reader's
 * derivation should give. Scans stop at the investigator's progression (treatment ends; the IRC reads the
 * same images, so it sees no later scan) or, for a not-evaluable course, after the first scan.
 */
function drawCourse(random: SeededRandom, course: TumourCourse, scanDays: readonly number[], baselineSumMm: number, hasNonTargets: boolean): CourseDraw {
  const available = scanDays.length;
  const steps: CourseStep[] = [];
  const outcome = (bestResponse: PlannedBestResponse, progressionIndex: number | null, responseIndex: number | null): PlannedReaderOutcome => ({
    bestResponse,
    progressionDay: progressionIndex === null ? null : scanDays[progressionIndex],
    firstResponseDay: responseIndex === null ? null : scanDays[responseIndex],
  });
  const run = (from: number, level: () => number, pdChance: number, firstPdIndex: number): number | null => {
    // Scans from `from` until progression (chance per scan from firstPdIndex on) or the last scan available.
    for (let k = from; k < available; k++) {
      if (k >= firstPdIndex && random.chance(pdChance)) {
        const nadir = Math.min(1, ...steps.map((s) => s.relative));
        steps.push(progressionStep(random, nadir, baselineSumMm, hasNonTargets));
        return k;
      }
      steps.push(step(level()));
    }
    return null;
  };
  switch (course) {
    case 'complete-response': {
      const cr = available >= 3 ? 1 : 0;
      if (cr === 1) steps.push(step(0.4 + random.float() * 0.15));
      steps.push(step(0, { complete: true }), step(0, { complete: true }));
      let pd: number | null = null;
      for (let k = cr + 2; k < available; k++) {
        if (random.chance(0.08)) {
          steps.push(step(0, { complete: true, newLesionIrc: 'yes', newLesionInvestigator: 'yes' }));
          pd = k;
          break;
        }
        steps.push(step(0, { complete: true }));
      }
      return { steps, irc: outcome('CR', pd, 0), investigator: outcome('CR', pd, 0) };
    }
    case 'partial-response': {
      const first = 0.5 + random.float() * 0.12;
      steps.push(step(first), step(first * (0.82 + random.float() * 0.18)));
      const pd = run(2, () => Math.min(...steps.map((s) => s.relative)) * (0.95 + random.float() * 0.12), 0.2, 2);
      return { steps, irc: outcome('PR', pd, 0), investigator: outcome('PR', pd, 0) };
    }
    case 'stable': {
      const level = 0.82 + random.float() * 0.16;
      const pd = run(0, () => level * (0.97 + random.float() * 0.08), 0.25, 1);
      return { steps, irc: outcome('SD', pd, null), investigator: outcome('SD', pd, null) };
    }
    case 'stable-investigator-partial-response': {
      const level = 0.74 + random.float() * 0.03;
      const pd = run(0, () => level * (0.98 + random.float() * 0.04), 0.15, 2);
      for (let k = 0; k < steps.length; k++) if (pd === null || k < pd) steps[k] = { ...steps[k], investigatorFactor: 0.87 };
      return { steps, irc: outcome('SD', pd, null), investigator: outcome('PR', pd, 0) };
    }
    case 'stable-investigator-new-lesion': {
      const level = 0.85 + random.float() * 0.13;
      const at = 1 + random.int(0, Math.min(2, available - 2));
      for (let k = 0; k < at; k++) steps.push(step(level * (0.97 + random.float() * 0.06)));
      steps.push(step(level * (0.99 + random.float() * 0.06), { newLesionInvestigator: 'yes' }));
      return { steps, irc: outcome('SD', null, null), investigator: outcome('SD', at, null) };
    }
    case 'progression':
      steps.push(progressionStep(random, 1, baselineSumMm, hasNonTargets));
      return { steps, irc: outcome('PD', 0, null), investigator: outcome('PD', 0, null) };
    case 'progression-investigator-stable':
      steps.push(step(1.26 + random.float() * 0.03, { investigatorFactor: 0.91 }), step(1.5 + random.float() * 0.15));
      return { steps, irc: outcome('PD', 0, null), investigator: outcome('SD', 1, null) };
    case 'not-evaluable':
      steps.push(step(0.92 + random.float() * 0.12, { targetMissing: true }));
      return { steps, irc: outcome('NE', null, null), investigator: outcome('NE', null, null) };
  }
}

function measure(random: SeededRandom, sizeMm: number, sdFraction: number, factor: number): number {
  return Math.max(0, Math.round(sizeMm * factor * (1 + random.normal(0, sdFraction))));
}

function baselineRead(random: SeededRandom, lesions: readonly TrueLesion[], sd: number): { read: ReaderRead; sizes: Map<string, number> } {
  const sizes = new Map<string, number>();
  const readings: LesionReading[] = lesions.map((l) => {
    if (l.kind === 'non-target') return { id: l.id, status: 'present' };
    const value = Math.max(l.nodal ? 15 : 10, measure(random, l.sizeMm, sd, 1));
    sizes.set(l.id, value);
    return { id: l.id, diameterMm: value };
  });
  return { read: { lesions: readings, newLesion: 'no', call: null }, sizes };
}

function followUpRead(random: SeededRandom, lesions: readonly TrueLesion[], s: CourseStep, heterogeneity: readonly number[], sd: number, factor: number, newLesion: 'no' | 'yes'): Omit<ReaderRead, 'call'> {
  const readings: LesionReading[] = lesions.map((l, i) => {
    if (l.kind === 'non-target') return { id: l.id, status: s.nonTargetProgression && i === lesions.findIndex((x) => x.kind === 'non-target') ? 'unequivocal-progression' : s.complete ? 'absent' : 'present' };
    if (s.targetMissing && l.id === 'T1') return { id: l.id, diameterMm: null };
    if (s.complete) return { id: l.id, diameterMm: l.nodal ? random.int(5, 9) : 0 };
    return { id: l.id, diameterMm: measure(random, l.sizeMm * s.relative * heterogeneity[i], sd, factor) };
  });
  return { lesions: readings, newLesion };
}

interface Derived {
  readonly outcome: PlannedReaderOutcome;
  readonly calls: readonly string[];
}

function derive(lesions: readonly TrueLesion[], reads: readonly Omit<ReaderRead, 'call'>[], days: readonly number[], dayOfDate: (date: string) => number): Derived | null {
  const baseline: RecistBaselineLesion[] = lesions.map((l, i) => {
    const reading = reads[0].lesions[i];
    return { id: l.id, kind: l.kind, nodal: l.nodal, organ: l.organ, ...('diameterMm' in reading && reading.diameterMm !== null ? { diameterMm: reading.diameterMm } : {}) };
  });
  const assessments: RecistAssessment[] = reads.slice(1).map((read, k) => ({ date: isoDateOf(days[k + 1]), lesions: read.lesions, newLesion: read.newLesion }));
  const outcome = computeRecistResponse({ baseline: { date: isoDateOf(days[0]), lesions: baseline }, assessments }, { ruleSet: RECIST_1_1, confirmationDays: CONFIRMATION_DAYS, sdMinDays: SD_MIN_DAYS });
  if (!outcome.ok) return null;
  const result = outcome.value;
  const best = result.bestOverallResponse;
  return {
    outcome: {
      bestResponse: best === 'CR' || best === 'PR' || best === 'SD' || best === 'PD' ? best : 'NE',
      progressionDay: result.progressionDate === null ? null : dayOfDate(result.progressionDate),
      firstResponseDay: result.firstResponseDate === null ? null : dayOfDate(result.firstResponseDate),
    },
    calls: result.assessments.map((a) => a.overall),
  };
}

const sameOutcome = (a: PlannedReaderOutcome, b: PlannedReaderOutcome): boolean => a.bestResponse === b.bestResponse && a.progressionDay === b.progressionDay && a.firstResponseDay === b.firstResponseDay;

/**
 * The lesions and scans of one subject. `baselineDay` is the study day of the baseline scan (<= 0),
 * `scanDays` the study days of the scans that can be done before the cutoff (every 8 weeks, within the
 * window); the course decides how many are done.
 */
export function planTumourCourse(random: SeededRandom, course: TumourCourse, baselineDay: number, scanDays: readonly number[], brainMetastases: boolean): TumourPlan {
  // Study days are written as day numbers from an arbitrary origin for the engine: only differences matter.
  const origin = 20_000;
  const dayOfDate = (date: string): number => dayNumberOf(date) - origin;
  const toDayNumber = (studyDay: number): number => studyDay + origin;
  let last: TumourPlan | null = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const lesions = drawLesions(random, brainMetastases, course === 'progression-investigator-stable' ? 36 : 0);
    const targets = lesions.filter((l) => l.kind === 'target');
    const baselineSum = targets.reduce((s, l) => s + l.sizeMm, 0);
    const draw = drawCourse(random, course, scanDays, baselineSum, lesions.length > targets.length);
    const days = [baselineDay, ...scanDays.slice(0, draw.steps.length)];
    const ircBase = baselineRead(random, lesions, 0.02);
    const invBase = baselineRead(random, lesions, 0.03);
    const ircReads: Omit<ReaderRead, 'call'>[] = [ircBase.read];
    const invReads: Omit<ReaderRead, 'call'>[] = [invBase.read];
    for (const s of draw.steps) {
      const heterogeneity = lesions.map(() => 1 + random.normal(0, 0.04));
      ircReads.push(followUpRead(random, lesions, s, heterogeneity, 0.025, 1, s.newLesionIrc));
      invReads.push(followUpRead(random, lesions, s, heterogeneity, 0.04, s.investigatorFactor, s.newLesionInvestigator));
    }
    const engineDays = days.map(toDayNumber);
    const irc = derive(lesions, ircReads, engineDays, dayOfDate);
    const investigator = derive(lesions, invReads, engineDays, dayOfDate);
    const ok = irc !== null && investigator !== null && sameOutcome(irc.outcome, draw.irc) && sameOutcome(investigator.outcome, draw.investigator);
    const withCalls = (reads: readonly Omit<ReaderRead, 'call'>[], derived: Derived | null): ReaderRead[] =>
      reads.map((read, k) => ({ ...read, call: k === 0 ? null : (derived?.calls[k - 1] ?? null) }));
    const ircRead = withCalls(ircReads, irc);
    const invRead = withCalls(invReads, investigator);
    last = {
      lesions: lesions.map(({ id, kind, nodal, organ }) => ({ id, kind, nodal, organ })),
      scans: days.map((day, k) => ({ day, visit: k === 0 ? 'SCREENING' : `TA${k}`, irc: ircRead[k], investigator: invRead[k] })),
      irc: draw.irc,
      investigator: draw.investigator,
      derivedAsPlanned: ok,
    };
    if (ok) return last;
  }
  return last as TumourPlan;
}
