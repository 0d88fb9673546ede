import { confirmedNadir } from '../../../clinical/index.js';
import type { DataSource, ResponseCallForm } from '../../../clinical/index.js';
import { MR_URINE_MIN_BASELINE } from './baselineProfiles.js';
import type { BestResponse, EnrolledPatientPlan } from './cohortPlanTypes.js';
import type { BoneMarrowRow, DiseaseAssessmentRow } from './diseaseFormRows.js';
import { drawKinetics, kineticValues, levelBands, type SubjectKinetics } from './responseKinetics.js';
import type { SeededRandom } from '../../../demo/index.js';
import { shiftDate, studyDate } from '../../../demo/index.js';

/**
 * SYNTHETIC disease assessments: the IMWG measurements of every planned assessment, central (read by the
 * IRC) and local (read by the investigator), built so that the IMWG engine (trial rule set) derives the
 * planned per-assessment response, confirmation, best response, first-response and progression dates.
 *
 * Each assessment gets a level (the category it is meant to meet on its own); the subject's values come
 * from its own M-protein kinetics (responseKinetics.ts): a depth drawn inside the level's IMWG band with
 * margins that measurement noise and rounding cannot cross, approached smoothly between assessments:
 * - before the first response a responder is at MR (SD when MR cannot be told apart for the parameter);
 * - from the first response PR, from the best-response assessment the best level (at least two
 *   assessments before progression, so it is confirmed);
 * - progression: the planned progression assessment rises 40-180% above the confirmed nadir of that
 *   source (less above a large nadir, towards 40%), and at least 1.35-2.15 times IMWG's absolute step
 *   (5 g/L, 200 mg/24 h, 100 mg/L dFLC); the confirming one 8-35% higher still;
 * - a planned not-evaluable assessment lacks the qualifying measurement.
 * The local values are the central ones with up to 3.5% measurement noise; for the subjects whose
 * investigator's best response differs (the plan's four discordant calls) the local levels follow the
 * investigator's category instead.
 */

type Level = 'SD' | 'MR' | 'PR' | 'VGPR' | 'CR' | 'sCR' | 'PD' | 'NE';

export interface RenderedDisease {
  readonly assessments: DiseaseAssessmentRow[];
  readonly boneMarrow: BoneMarrowRow[];
  readonly responseCalls: ResponseCallForm[];
  /** Baseline values for the screening record. */
  readonly screening: {
    readonly serumMProteinGPerL: number | null;
    readonly urineMProteinMgPer24h: number | null;
    readonly involvedFlcMgPerL: number;
    readonly flcRatio: number;
  };
}

const RESPONDER: ReadonlySet<BestResponse> = new Set(['sCR', 'CR', 'VGPR', 'PR']);

const round = (x: number, decimals: number): number => {
  const scale = 10 ** decimals;
  return Math.round(x * scale) / scale;
};

/** Whether a minimal response exists for this subject's followed parameter (IMWG: not for FLC-only disease). */
export function minimalResponsePossible(p: EnrolledPatientPlan): boolean {
  if (p.measurableParameter === 'serum-flc') return false;
  return p.measurableParameter !== 'urine-m-protein' || p.baselineMeasurableValue >= MR_URINE_MIN_BASELINE;
}

/** The level of every post-baseline assessment (index 0 = baseline, left null) for one evaluator's best response. */
export function plannedLevels(p: EnrolledPatientPlan, best: BestResponse): (Level | null)[] {
  const days = p.assessmentDays;
  const index = (day: number | null): number | null => {
    if (day === null) return null;
    const k = days.indexOf(day);
    return k < 0 ? null : k;
  };
  const progression = index(p.pfs.progressionDay);
  const firstResponse = index(p.response.firstResponseDay) ?? 1;
  const lastResponding = (progression ?? days.length) - 1;
  const plannedBest = index(p.response.bestResponseDay) ?? firstResponse;
  // The deep level must hold at two assessments before progression to be confirmed.
  const bestStart = Math.max(firstResponse, Math.min(plannedBest, lastResponding - 1));
  const preResponse: Level = minimalResponsePossible(p) ? 'MR' : 'SD';
  const ne = new Set(p.response.notEvaluableDays);
  return days.map((day, k): Level | null => {
    if (k === 0) return null;
    if (ne.has(day)) return 'NE';
    if (progression !== null && k >= progression) return 'PD';
    if (RESPONDER.has(best)) {
      if (k < firstResponse) return preResponse;
      if (k < bestStart) return 'PR';
      return best;
    }
    if (best === 'MR' || best === 'SD') return best;
    return 'SD';
  });
}

/** IMWG's absolute rise for progression (PD rules) and the decimals the parameter is recorded with. */
function progressionStepOf(p: EnrolledPatientPlan): { readonly step: number; readonly decimals: number } {
  if (p.measurableParameter === 'serum-m-protein') return { step: 5, decimals: 1 };
  if (p.measurableParameter === 'urine-m-protein') return { step: 200, decimals: 0 };
  return { step: 100, decimals: 1 };
}

/** How this subject progresses: relative rise above the nadir, multiple of the absolute step, confirming rise. */
interface ProgressionDraw {
  readonly relative: number;
  readonly steps: number;
  readonly confirming: number;
}

/** One source's measurements for every assessment, from its levels and per-visit noise factors. */
function sourceForms(
  p: EnrolledPatientPlan,
  levels: readonly (Level | null)[],
  kinetics: SubjectKinetics,
  progressionDraw: ProgressionDraw,
  noise: readonly number[],
  source: DataSource,
  secondary: { readonly uninvolvedFlc: number; readonly serumSmallGPerL: number; readonly secondaryFlcDflc: number },
  marrowVisit: number | null,
): DiseaseAssessmentRow[] {
  const { step, decimals } = progressionStepOf(p);
  const planned = kineticValues(levels, kinetics);
  const followed: number[] = [];
  const involved = p.lightChain;
  const forms: DiseaseAssessmentRow[] = [];
  let previousProgressionValue: number | null = null;
  levels.forEach((level, k) => {
    const date = studyDate(p.enrolmentDate, p.assessmentDays[k]);
    const visit = k === 0 ? 'C1D1' : `C${k + 1}D1`;
    const complete = level === 'CR' || level === 'sCR';
    let value: number;
    if (level === null) value = p.measurableParameter === 'serum-flc' ? p.baselineMeasurableValue - secondary.uninvolvedFlc : p.baselineMeasurableValue;
    else if (level === 'NE') value = NaN;
    else if (level === 'PD') {
      // First progression: far above the nadir IMWG reads from this source; the confirming one higher still.
      const nadir = lowestConfirmed(firstValue(p, secondary.uninvolvedFlc), followed);
      // 40-180% above a small nadir; above a large one (more than 4 absolute steps) the relative rise shrinks
      // towards 40%, so that a relapse from 70 g/L does not reach the 200 g/L no myeloma has shown.
      const relative = 0.4 + (progressionDraw.relative - 0.4) * Math.min(1, (4 * step) / Math.max(nadir, 1e-9));
      const rise = Math.max(relative * nadir, progressionDraw.steps * step);
      value = previousProgressionValue === null ? (nadir + rise) * noise[k] : previousProgressionValue * progressionDraw.confirming * noise[k];
      previousProgressionValue = value;
    } else if (level === 'CR' || level === 'sCR') {
      // Complete response: electrophoresis-negative M-protein; for FLC disease a small dFLC with a normal ratio.
      value = p.measurableParameter === 'serum-flc' ? secondary.uninvolvedFlc * 0.2 : 0;
    } else value = (planned[k] ?? NaN) * noise[k];
    if (!Number.isNaN(value)) {
      value = round(value, decimals);
      if (k > 0) followed.push(value);
    }
    // Fraction of baseline disease left, for the secondary measurements.
    const baseValue = firstValue(p, secondary.uninvolvedFlc);
    const fraction = Number.isNaN(value) ? 1 : complete ? 0 : Math.max(0, value / baseValue);
    const form: { -readonly [K in keyof DiseaseAssessmentRow]: DiseaseAssessmentRow[K] } = { date, visit, source };
    const measured = level !== 'NE';
    switch (p.measurableParameter) {
      case 'serum-m-protein': {
        if (measured) form.serumMProteinGPerL = value;
        const flcInvolved = complete ? secondary.uninvolvedFlc * 1.1 : secondary.uninvolvedFlc + secondary.secondaryFlcDflc * Math.min(fraction, 1.5);
        setFlc(form, involved, round(flcInvolved, 1), secondary.uninvolvedFlc);
        form.serumImmunofixation = complete ? 'negative' : 'positive';
        form.urineImmunofixation = 'negative';
        break;
      }
      case 'urine-m-protein': {
        if (measured) form.urineMProteinMgPer24h = value;
        form.serumMProteinGPerL = 0;
        const flcInvolved = complete ? secondary.uninvolvedFlc * 1.1 : secondary.uninvolvedFlc + secondary.secondaryFlcDflc * Math.min(fraction, 1.5);
        setFlc(form, involved, round(flcInvolved, 1), secondary.uninvolvedFlc);
        form.serumImmunofixation = complete ? 'negative' : 'positive';
        form.urineImmunofixation = complete ? 'negative' : 'positive';
        break;
      }
      default: {
        if (measured) setFlc(form, involved, round(secondary.uninvolvedFlc + value, 1), secondary.uninvolvedFlc);
        // IgD: a small serum spike that is not measurable (< 5 g/L) and never rises.
        if (p.subtype !== 'light-chain') form.serumMProteinGPerL = round(secondary.serumSmallGPerL * Math.min(fraction, 1), 1);
        else form.serumMProteinGPerL = 0;
        form.serumImmunofixation = complete ? 'negative' : 'positive';
        form.urineImmunofixation = complete ? 'negative' : 'positive';
      }
    }
    if (k === marrowVisit) form.boneMarrowPlasmaCellsPct = 2;
    forms.push(Object.freeze(form));
  });
  return forms;
}

function setFlc(
  form: { kappaFlcMgPerL?: number; lambdaFlcMgPerL?: number },
  involved: 'kappa' | 'lambda',
  involvedMgPerL: number,
  uninvolvedMgPerL: number,
): void {
  form.kappaFlcMgPerL = involved === 'kappa' ? involvedMgPerL : uninvolvedMgPerL;
  form.lambdaFlcMgPerL = involved === 'kappa' ? uninvolvedMgPerL : involvedMgPerL;
}

/** The baseline value of the followed parameter (dFLC for FLC disease). */
function firstValue(p: EnrolledPatientPlan, uninvolvedFlc: number): number {
  return p.measurableParameter === 'serum-flc' ? p.baselineMeasurableValue - uninvolvedFlc : p.baselineMeasurableValue;
}

/** IMWG's nadir: the lowest of the baseline and the values confirmed by the next measurement. */
function lowestConfirmed(baseline: number, onStudy: readonly number[]): number {
  return confirmedNadir(baseline, onStudy, true) ?? baseline;
}

export function renderDiseaseAssessments(p: EnrolledPatientPlan, random: SeededRandom): RenderedDisease {
  const uninvolvedFlc = round(8 + random.float() * 8, 1);
  const serumSmallGPerL = round(1.5 + random.float() * 2.5, 1);
  // Serum-M and urine disease: involved FLC above normal with an abnormal ratio (not followed).
  const secondaryFlcDflc = round(p.measurableParameter === 'urine-m-protein' ? 150 + random.float() * 300 : 25 + random.float() * 60, 1);
  const count = p.assessmentDays.length;
  const bands = levelBands(p.measurableParameter, firstValue(p, uninvolvedFlc));
  const kinetics = drawKinetics(bands, random);
  const progressionDraw: ProgressionDraw = { relative: 0.4 + random.float() * 1.4, steps: 1.35 + random.float() * 0.8, confirming: 1.08 + random.float() * 0.27 };
  const centralNoise = Array.from({ length: count }, () => 0.985 + random.float() * 0.03);
  const localNoise = centralNoise.map((n) => n * (0.965 + random.float() * 0.07));
  const ircLevels = plannedLevels(p, p.response.irc);
  const investigatorLevels = plannedLevels(p, p.response.investigator);
  const firstComplete = ircLevels.findIndex((level) => level === 'CR' || level === 'sCR');
  const marrowVisit = firstComplete < 0 ? null : firstComplete;
  const secondary = { uninvolvedFlc, serumSmallGPerL, secondaryFlcDflc };
  const central = sourceForms(p, ircLevels, kinetics, progressionDraw, centralNoise.map((n, k) => (k === 0 ? 1 : n)), 'central', secondary, marrowVisit);
  const local = sourceForms(p, investigatorLevels, kinetics, progressionDraw, localNoise.map((n, k) => (k === 0 ? 1 : n)), 'local', secondary, marrowVisit);

  const boneMarrow: BoneMarrowRow[] = [
    { date: shiftDate(p.enrolmentDate, -3), plasmaCellsPct: round(25 + random.float() * 40, 0), clonalPlasmaCells: 'present', method: 'both' },
  ];
  if (marrowVisit !== null) {
    boneMarrow.push({
      date: studyDate(p.enrolmentDate, p.assessmentDays[marrowVisit]),
      plasmaCellsPct: 2,
      clonalPlasmaCells: p.response.irc === 'sCR' ? 'absent' : 'present',
      method: 'both',
    });
  }

  const responseCalls: ResponseCallForm[] = [];
  for (let k = 1; k < count; k++) {
    const date = studyDate(p.enrolmentDate, p.assessmentDays[k]);
    const irc = ircLevels[k];
    const investigator = investigatorLevels[k];
    if (irc !== null) responseCalls.push({ date, evaluator: 'irc', response: irc });
    if (investigator !== null) responseCalls.push({ date, evaluator: 'investigator', response: investigator });
  }

  const baseline = central[0];
  const involvedFlc = p.lightChain === 'kappa' ? (baseline.kappaFlcMgPerL ?? 0) : (baseline.lambdaFlcMgPerL ?? 0);
  const ratio = (baseline.kappaFlcMgPerL ?? 1) / (baseline.lambdaFlcMgPerL ?? 1);
  return {
    assessments: [...central, ...local],
    boneMarrow,
    responseCalls,
    screening: {
      serumMProteinGPerL: baseline.serumMProteinGPerL ?? null,
      urineMProteinMgPer24h: baseline.urineMProteinMgPer24h ?? null,
      involvedFlcMgPerL: involvedFlc,
      flcRatio: round(ratio, 3),
    },
  };
}

