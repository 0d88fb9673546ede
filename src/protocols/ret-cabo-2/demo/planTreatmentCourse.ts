import type { SeededRandom } from '../../../demo/index.js';
import { RET_CABO_2_REGIMEN } from '../regimen.js';
import type { AdverseEventPlan, CyclePlan } from './retDemoPlanTypes.js';

/**
 * The SYNTHETIC treatment of one subject: cabozantinib cycle by cycle (28 days, daily dosing) with the
 * adverse events of each cycle, and the dose-modification ladder of the regimen applied to them (regimen.ts,
 * the CABOMETYX label): a related grade 3-4 event interrupts the drug from its onset; the next cycle starts
 * once it has resolved (delayed if that is after day 28) one level lower, 60 -> 40 -> 20 mg; such an event
 * at 20 mg discontinues cabozantinib. Nothing else changes the dose, so the dosing log replays through
 * checkDosingLog without a deviation. The event profile is cabozantinib's (diarrhoea, palmar-plantar
 * erythrodysaesthesia, hypertension, fatigue, transaminase increases, ...) with rates invented to give a
 * realistic share of reductions; lower doses bring fewer events.
 */

interface AdverseEventKind {
  readonly term: string;
  readonly systemOrganClass: string;
  /** Chance of a new episode per 28-day cycle at the starting dose. */
  readonly perCycle: number;
  /** Weights of grades 1, 2, 3, 4. */
  readonly grades: readonly [number, number, number, number];
  /** Chance the investigator judges it related to cabozantinib. */
  readonly related: number;
  readonly labAnalyte: AdverseEventPlan['labAnalyte'];
  /** Chance a grade 3-4 episode is serious (leads to hospitalisation): high for infections and emboli, some for diarrhoea (dehydration), none for laboratory findings. */
  readonly seriousAtGrade3: number;
}

const GI = 'Gastrointestinal disorders';
const INV = 'Investigations';
const KINDS: readonly AdverseEventKind[] = [
  { term: 'Diarrhoea', systemOrganClass: GI, perCycle: 0.16, grades: [50, 34, 16, 0], related: 0.95, labAnalyte: null, seriousAtGrade3: 0.3 },
  { term: 'Palmar-plantar erythrodysaesthesia syndrome', systemOrganClass: 'Skin and subcutaneous tissue disorders', perCycle: 0.11, grades: [42, 38, 20, 0], related: 1, labAnalyte: null, seriousAtGrade3: 0 },
  { term: 'Hypertension', systemOrganClass: 'Vascular disorders', perCycle: 0.09, grades: [25, 50, 25, 0], related: 0.9, labAnalyte: null, seriousAtGrade3: 0.1 },
  { term: 'Fatigue', systemOrganClass: 'General disorders and administration site conditions', perCycle: 0.14, grades: [55, 38, 7, 0], related: 0.8, labAnalyte: null, seriousAtGrade3: 0.1 },
  { term: 'Alanine aminotransferase increased', systemOrganClass: INV, perCycle: 0.11, grades: [70, 17, 12, 1], related: 0.95, labAnalyte: 'alt', seriousAtGrade3: 0 },
  { term: 'Aspartate aminotransferase increased', systemOrganClass: INV, perCycle: 0.1, grades: [75, 17, 8, 0], related: 0.95, labAnalyte: 'ast', seriousAtGrade3: 0 },
  { term: 'Decreased appetite', systemOrganClass: 'Metabolism and nutrition disorders', perCycle: 0.08, grades: [60, 35, 5, 0], related: 0.85, labAnalyte: null, seriousAtGrade3: 0 },
  { term: 'Stomatitis', systemOrganClass: GI, perCycle: 0.07, grades: [55, 35, 10, 0], related: 1, labAnalyte: null, seriousAtGrade3: 0 },
  { term: 'Nausea', systemOrganClass: GI, perCycle: 0.07, grades: [70, 28, 2, 0], related: 0.8, labAnalyte: null, seriousAtGrade3: 0 },
  { term: 'Hypothyroidism', systemOrganClass: 'Endocrine disorders', perCycle: 0.04, grades: [50, 50, 0, 0], related: 1, labAnalyte: null, seriousAtGrade3: 0 },
  { term: 'Platelet count decreased', systemOrganClass: INV, perCycle: 0.025, grades: [70, 20, 10, 0], related: 0.95, labAnalyte: 'platelets', seriousAtGrade3: 0 },
  { term: 'Dysgeusia', systemOrganClass: 'Nervous system disorders', perCycle: 0.05, grades: [80, 20, 0, 0], related: 1, labAnalyte: null, seriousAtGrade3: 0 },
  { term: 'Weight decreased', systemOrganClass: INV, perCycle: 0.04, grades: [60, 40, 0, 0], related: 0.8, labAnalyte: null, seriousAtGrade3: 0 },
  { term: 'Haemoptysis', systemOrganClass: 'Respiratory, thoracic and mediastinal disorders', perCycle: 0.015, grades: [80, 20, 0, 0], related: 0.6, labAnalyte: null, seriousAtGrade3: 0 },
  { term: 'Cough', systemOrganClass: 'Respiratory, thoracic and mediastinal disorders', perCycle: 0.04, grades: [70, 30, 0, 0], related: 0, labAnalyte: null, seriousAtGrade3: 0 },
  { term: 'Back pain', systemOrganClass: 'Musculoskeletal and connective tissue disorders', perCycle: 0.03, grades: [60, 35, 5, 0], related: 0, labAnalyte: null, seriousAtGrade3: 0 },
  { term: 'Pneumonia', systemOrganClass: 'Infections and infestations', perCycle: 0.012, grades: [0, 40, 60, 0], related: 0, labAnalyte: null, seriousAtGrade3: 1 },
  { term: 'Pulmonary embolism', systemOrganClass: 'Respiratory, thoracic and mediastinal disorders', perCycle: 0.006, grades: [0, 50, 50, 0], related: 0.7, labAnalyte: null, seriousAtGrade3: 1 },
];

/** Event rates at 60, 40 and 20 mg relative to the starting dose. */
const LEVEL_FACTOR = [1, 0.55, 0.35];
const CYCLE_DAYS = RET_CABO_2_REGIMEN.cycleLengthDays;
const LADDER_MG: readonly number[] = RET_CABO_2_REGIMEN.drugs[0].laddersMg[0];

/** Days an episode lasts, by grade (a grade 3-4 event is treated and resolves within weeks). */
function durationDays(random: SeededRandom, grade: number): number {
  return grade >= 3 ? random.int(7, 21) : grade === 2 ? random.int(10, 45) : random.int(14, 75);
}

export interface TreatmentPlan {
  readonly cycles: readonly CyclePlan[];
  readonly adverseEvents: readonly AdverseEventPlan[];
  readonly lastDoseDay: number;
  /** Study day cabozantinib was stopped for an event at the lowest level; null otherwise. */
  readonly discontinuedForEventDay: number | null;
}

interface Episode {
  kind: AdverseEventKind;
  onsetDay: number;
  endDay: number;
  grade: number;
  related: boolean;
  serious: boolean;
  action: AdverseEventPlan['action'];
}

/**
 * Cycles from day 1 while doses may be given: up to `stopDay` (the investigator's progression scan or a
 * withdrawal; null: none) and the cutoff. `lastContactDay` (the cutoff or death): an episode that has not
 * resolved by then is ongoing.
 */
export function planTreatmentCourse(random: SeededRandom, cutoffDay: number, stopDay: number | null, lastContactDay: number): TreatmentPlan {
  const limit = Math.min(stopDay ?? cutoffDay, cutoffDay);
  const cycles: CyclePlan[] = [];
  const episodes: Episode[] = [];
  let start = 1;
  let level = 0;
  let previousStart: number | null = null;
  let previousLevel = 0;
  let lastDoseDay = 1;
  let discontinuedForEventDay: number | null = null;
  for (let cycle = 1; start <= limit && cycle <= RET_CABO_2_REGIMEN.maxCycles; cycle++) {
    const windowEnd = Math.min(start + CYCLE_DAYS - 1, limit);
    let hold: Episode | null = null;
    const drawn: Episode[] = [];
    if (start + 1 <= windowEnd) {
      for (const kind of KINDS) {
        const chance = kind.perCycle * LEVEL_FACTOR[level] * (cycle <= 2 ? 1.3 : 1);
        if (!random.chance(chance)) continue;
        const onsetDay = random.int(start + 1, windowEnd);
        // One episode of a term at a time.
        if (episodes.some((e) => e.kind === kind && e.endDay >= onsetDay - 7) || drawn.some((e) => e.kind === kind)) continue;
        let grade = 1 + random.weighted(kind.grades);
        const related = random.chance(kind.related);
        const holding = (episode: { grade: number; related: boolean }): boolean => episode.related && episode.grade >= 3;
        // At most one interrupting event per cycle (the drug is already held for the rest of it).
        if (holding({ grade, related }) && drawn.some(holding)) grade = 2;
        const episode: Episode = { kind, onsetDay, endDay: onsetDay + durationDays(random, grade), grade, related, serious: grade >= 3 && random.chance(kind.seriousAtGrade3), action: 'none' };
        drawn.push(episode);
        if (holding(episode)) hold = episode;
      }
    }
    // Nothing begins while the drug is held for the rest of the cycle but that one episode.
    const holdOnset = hold?.onsetDay ?? Infinity;
    const kept = drawn.filter((e) => e === hold || e.onsetDay < holdOnset);
    episodes.push(...kept);
    const lastDose = hold === null ? windowEnd : hold.onsetDay - 1;
    cycles.push({
      cycle,
      startDay: start,
      lastDoseDay: lastDose,
      doseMg: LADDER_MG[level],
      daysGiven: lastDose - start + 1,
      delayed: previousStart !== null && start > previousStart + CYCLE_DAYS,
      interrupted: hold !== null,
      reduced: level > previousLevel,
    });
    lastDoseDay = lastDose;
    previousStart = start;
    previousLevel = level;
    if (hold === null) {
      start += CYCLE_DAYS;
      continue;
    }
    if (level === LADDER_MG.length - 1) {
      hold.action = 'withdrawn';
      discontinuedForEventDay = hold.onsetDay;
      break;
    }
    const next = Math.max(start + CYCLE_DAYS, hold.endDay + random.int(1, 3));
    if (next > limit || hold.endDay > lastContactDay) {
      // Not resumed before the cutoff or the end of treatment.
      hold.action = 'interrupted';
      break;
    }
    hold.action = 'dose-reduced';
    level += 1;
    start = next;
  }
  const adverseEvents: AdverseEventPlan[] = episodes
    .sort((a, b) => a.onsetDay - b.onsetDay)
    .map((e) => ({
      term: e.kind.term,
      systemOrganClass: e.kind.systemOrganClass,
      onsetDay: e.onsetDay,
      endDay: e.endDay > lastContactDay ? null : e.endDay,
      grade: e.grade,
      serious: e.serious,
      relationship: e.related ? (['possible', 'probable', 'definite'] as const)[random.weighted([4, 4, 1])] : random.chance(0.6) ? 'not-related' : 'unlikely',
      action: e.action,
      labAnalyte: e.kind.labAnalyte,
    }));
  return { cycles, adverseEvents, lastDoseDay, discontinuedForEventDay };
}
