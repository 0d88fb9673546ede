import type { LabForm, LabResult, ScreeningRecord } from '../../../clinical/index.js';
import { birthDateFor, shiftDate, type SeededRandom } from '../../../demo/index.js';
import type { ScreenFailurePlan } from './cohortPlanTypes.js';
import { renderPriorTherapy } from './renderPriorTherapy.js';

/**
 * SYNTHETIC screening records (the input of the eligibility engine, in the shape the NCT05236621 criteria
 * set declares: labs, measures, facts): one per screened subject. An enrolled subject's record is read off
 * its rendered CRFs (prior lines, screening labs = the cycle 1 day 1 results, baseline disease); a screen
 * failure's record is an eligible-looking patient with exactly the planned failing value put in (parsed
 * from the plan's wording, e.g. 'ANC 0.87 x10^9/L').
 */

/** The screening labs the criteria set declares (eligibility.ts), by key. */
export type ScreeningLabs = {
  -readonly [K in 'anc' | 'platelets' | 'totalBilirubin' | 'alt' | 'ast' | 'creatinine']: LabResult;
};

/** The measures the criteria set declares: the measurable-disease values at screening. */
export type ScreeningMeasures = {
  readonly serumMProteinGPerL: number | null;
  readonly urineMProteinMgPer24h: number | null;
  readonly involvedFlcMgPerL: number | null;
  readonly flcRatio: number | null;
};

export function screeningLabsOf(baseline: Readonly<Record<string, LabForm>>, screeningDate: string): ScreeningLabs {
  const pick = (analyte: string): LabResult => {
    const lab = baseline[analyte];
    return { value: lab.value, unit: lab.unit, ...(lab.uln === undefined ? {} : { upperLimitOfNormal: lab.uln }), date: screeningDate };
  };
  return {
    anc: pick('neutrophils'),
    platelets: pick('platelets'),
    totalBilirubin: pick('bilirubin'),
    alt: pick('alt'),
    ast: pick('ast'),
    creatinine: pick('creatinine'),
  };
}

/** The facts of a patient who meets every criterion: the diagnosis documented, no excluding condition. */
export const ELIGIBLE_FACTS: Readonly<Record<string, boolean | number>> = Object.freeze({
  rrmmDiagnosis: true,
  thalidomideIntolerance: false,
  lenalidomideIntolerance: false,
  pomalidomideIntolerance: false,
  proteasomeInhibitorHypersensitivity: false,
  dexamethasoneHypersensitivity: false,
  otherIngredientHypersensitivity: false,
  peripheralNeuropathyGrade: 0,
  nyhaClass: 1,
  priorMyocardialInfarction: false,
  unstableOrPoorlyControlledAngina: false,
});

function numberAfter(text: string, label: string): number {
  const match = new RegExp(`${label} ([0-9]+(?:\\.[0-9]+)?)`).exec(text);
  if (match === null) throw new Error(`screen-failure value '${text}' has no number after '${label}'`);
  return Number(match[1]);
}

/** A screen failure's screening record, failing exactly `failure.failedCriterionId`. */
export function screenFailureRecord(failure: ScreenFailurePlan, subjectId: string, random: SeededRandom): { record: ScreeningRecord; birthDate: string; weightKg: number } {
  const screening = failure.screeningDate;
  const birthDate = birthDateFor(screening, failure.age, random);
  let weightKg = Math.round((failure.sex === 'M' ? 62 + random.float() * 20 : 50 + random.float() * 16) * 10) / 10;
  const value = failure.failingValue;
  const id = failure.failedCriterionId;
  const labs: ScreeningLabs = {
    anc: { value: Math.round((2 + random.float() * 2) * 100) / 100, unit: '10^9/L', date: screening },
    platelets: { value: random.int(130, 280), unit: '10^9/L', date: screening },
    totalBilirubin: { value: Math.round((6 + random.float() * 10) * 10) / 10, unit: 'umol/L', upperLimitOfNormal: 20.5, date: screening },
    alt: { value: random.int(12, 40), unit: 'U/L', upperLimitOfNormal: 40, date: screening },
    ast: { value: random.int(12, 38), unit: 'U/L', upperLimitOfNormal: 40, date: screening },
    creatinine: { value: random.int(60, 100), unit: 'umol/L', date: screening },
  };
  let measures: ScreeningMeasures = { serumMProteinGPerL: Math.round((8 + random.float() * 30) * 10) / 10, urineMProteinMgPer24h: null, involvedFlcMgPerL: null, flcRatio: null };
  let ecog = random.int(0, 2);
  const facts: Record<string, boolean | number> = { ...ELIGIBLE_FACTS };
  const enrolmentPlaceholder = shiftDate(screening, 10);
  const diagnosisDate = shiftDate(enrolmentPlaceholder, -random.int(700, 1800));
  const priorPlan = { lines: 3, agents: ['lenalidomide', 'bortezomib', 'dexamethasone', 'cyclophosphamide'], asct: false, antiCd38: null, progressionDaysAfterLastLine: random.int(-30, 40) };
  let prior = renderPriorTherapy(priorPlan, diagnosisDate, screening, random);
  switch (id) {
    case 'inc-prior-therapy':
      prior = renderPriorTherapy(priorPlan, diagnosisDate, screening, random, numberAfter(value, 'lenalidomide'));
      break;
    case 'inc-progression':
      prior = renderPriorTherapy(priorPlan, diagnosisDate, screening, random, null, numberAfter(value, 'progression'));
      break;
    case 'inc-measurable':
      measures = {
        serumMProteinGPerL: numberAfter(value, 'serum M-protein'),
        urineMProteinMgPer24h: numberAfter(value, 'urine M-protein'),
        involvedFlcMgPerL: numberAfter(value, 'involved FLC'),
        flcRatio: 3.1,
      };
      break;
    case 'inc-anc':
      labs.anc = { value: numberAfter(value, 'ANC'), unit: '10^9/L', date: screening };
      break;
    case 'inc-platelets':
      labs.platelets = { value: numberAfter(value, 'platelets'), unit: '10^9/L', date: screening };
      break;
    case 'inc-renal': {
      const creatinineMgPerDl = numberAfter(value, 'creatinine');
      const clearance = numberAfter(value, 'CrCl');
      // Cockcroft-Gault solved for the weight that gives the planned clearance.
      const sexFactor = failure.sex === 'F' ? 0.85 : 1;
      weightKg = Math.round(((clearance * 72 * creatinineMgPerDl) / ((140 - failure.age) * sexFactor)) * 10) / 10;
      labs.creatinine = { value: creatinineMgPerDl, unit: 'mg/dL', date: screening };
      break;
    }
    case 'inc-bilirubin':
      labs.totalBilirubin = { value: numberAfter(value, 'bilirubin'), unit: 'mg/dL', upperLimitOfNormal: 1.2, date: screening };
      break;
    case 'inc-transaminases':
      labs.alt = { value: Math.round(numberAfter(value, 'ALT') * 40), unit: 'U/L', upperLimitOfNormal: 40, date: screening };
      break;
    case 'inc-ecog':
      ecog = numberAfter(value, 'ECOG');
      break;
    case 'exc-neuropathy':
      facts.peripheralNeuropathyGrade = numberAfter(value, 'grade');
      break;
    case 'exc-nyha':
      facts.nyhaClass = (/class (I+)/.exec(value)?.[1] ?? 'II').length;
      break;
    case 'exc-imid-intolerance':
      facts.lenalidomideIntolerance = true;
      break;
    default:
      throw new Error(`no screen-failure renderer for criterion ${id}`);
  }
  const record: ScreeningRecord = {
    subjectId,
    siteId: failure.siteId,
    screeningDate: screening,
    consentDate: screening,
    birthDate,
    sex: failure.sex === 'M' ? 'male' : 'female',
    weightKg,
    ecog,
    priorTherapyLines: prior.screening,
    labs,
    measures,
    facts,
  };
  return { record, birthDate, weightKg };
}
