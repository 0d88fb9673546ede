import type { LabForm } from '../../../clinical/index.js';
import type { EnrolledPatientPlan } from './cohortPlanTypes.js';
import type { RenderedAdverseEvent } from './renderAdverseEvents.js';
import type { SeededRandom } from '../../../demo/index.js';
import { studyDate } from '../../../demo/index.js';

/**
 * SYNTHETIC laboratory results: haematology and chemistry on day 1 of every cycle (and at every other
 * assessment visit), plus an unscheduled draw on the onset and the recovery day of each laboratory-backed
 * adverse event. Values are normal except where an AE says otherwise: on its onset day the value lies
 * inside the CTCAE v5 band of the AE's grade, while it lasts one grade milder (at least grade 1), so the
 * worst graded laboratory value of each term equals the investigator's AE grade. Sites that report in
 * conventional units (/uL, 10^3/uL, g/dL, mg/dL) do so for every result, so unit conversion is exercised.
 */

/** Analytes the renderer writes and the AE term each one grades (null = chemistry without an AE term here). */
const ANALYTES = ['neutrophils', 'leukocytes', 'platelets', 'lymphocytes', 'hemoglobin', 'bilirubin', 'creatinine', 'alt', 'ast'] as const;
type RenderedAnalyte = (typeof ANALYTES)[number];

export const LAB_BACKED_TERMS: Readonly<Record<string, RenderedAnalyte>> = {
  'neutrophil count decreased': 'neutrophils',
  'white blood cell count decreased': 'leukocytes',
  'platelet count decreased': 'platelets',
  'lymphocyte count decreased': 'lymphocytes',
  anemia: 'hemoglobin',
  'blood bilirubin increased': 'bilirubin',
};

const BANDS: Readonly<Record<Exclude<RenderedAnalyte, 'hemoglobin'>, readonly (readonly [number, number])[]>> = {
  neutrophils: [[2.2, 4.8], [1.55, 1.75], [1.05, 1.45], [0.55, 0.95], [0.1, 0.45]],
  leukocytes: [[4.5, 8.0], [3.05, 3.45], [2.05, 2.95], [1.05, 1.95], [0.4, 0.95]],
  platelets: [[150, 300], [80, 120], [52, 74], [26, 49], [8, 24]],
  lymphocytes: [[1.3, 2.6], [0.82, 1.05], [0.52, 0.78], [0.22, 0.48], [0.05, 0.18]],
  bilirubin: [[6, 18], [22, 29], [33, 60], [65, 190], [220, 300]],
  creatinine: [[60, 100], [60, 100], [60, 100], [60, 100], [60, 100]],
  alt: [[12, 40], [12, 40], [12, 40], [12, 40], [12, 40]],
  ast: [[12, 38], [12, 38], [12, 38], [12, 38], [12, 38]],
};

/** [low, high] of the value in SI units for CTCAE grade 0..4 (grade 0 = within the normal range). */
function band(analyte: RenderedAnalyte, grade: number, sex: 'M' | 'F'): readonly [number, number] {
  if (analyte !== 'hemoglobin') return BANDS[analyte][grade];
  // Anaemia: grade 1 is below the LLN (130 g/L men, 115 women) down to 100; a value alone grades at most 3.
  const lln = sex === 'M' ? 130 : 115;
  const bands: readonly (readonly [number, number])[] = [[lln + 4, lln + 25], [102, lln - 3], [82, 98], [62, 78], [62, 78]];
  return bands[grade];
}

function ranges(analyte: RenderedAnalyte, sex: 'M' | 'F'): { lln?: number; uln?: number } {
  switch (analyte) {
    case 'neutrophils':
      return { lln: 1.8, uln: 6.3 };
    case 'leukocytes':
      return { lln: 3.5, uln: 9.5 };
    case 'platelets':
      return { lln: 125, uln: 350 };
    case 'lymphocytes':
      return { lln: 1.1, uln: 3.2 };
    case 'hemoglobin':
      return sex === 'M' ? { lln: 130, uln: 175 } : { lln: 115, uln: 155 };
    case 'bilirubin':
      return { uln: 20.5 };
    case 'creatinine':
      return sex === 'M' ? { lln: 57, uln: 111 } : { lln: 41, uln: 81 };
    case 'alt':
      return { uln: 50 };
    default:
      return { uln: 40 };
  }
}

/** How a site writes a value given in SI: the unit, the factor (SI / factor) and the decimals kept. */
function reporting(analyte: RenderedAnalyte, conventional: boolean): { unit: string; divisor: number; decimals: number } {
  if (!conventional) {
    switch (analyte) {
      case 'neutrophils':
      case 'leukocytes':
      case 'lymphocytes':
        return { unit: '10^9/L', divisor: 1, decimals: 2 };
      case 'platelets':
      case 'hemoglobin':
      case 'creatinine':
      case 'alt':
      case 'ast':
        return { unit: analyte === 'platelets' ? '10^9/L' : analyte === 'hemoglobin' ? 'g/L' : analyte === 'creatinine' ? 'umol/L' : 'U/L', divisor: 1, decimals: 0 };
      default:
        return { unit: 'umol/L', divisor: 1, decimals: 1 };
    }
  }
  switch (analyte) {
    case 'neutrophils':
    case 'lymphocytes':
      return { unit: '/uL', divisor: 0.001, decimals: 0 };
    case 'leukocytes':
      return { unit: '10^3/uL', divisor: 1, decimals: 2 };
    case 'platelets':
      return { unit: '10^3/uL', divisor: 1, decimals: 0 };
    case 'hemoglobin':
      return { unit: 'g/dL', divisor: 10, decimals: 1 };
    case 'bilirubin':
      return { unit: 'mg/dL', divisor: 17.1, decimals: 2 };
    case 'creatinine':
      return { unit: 'mg/dL', divisor: 88.4, decimals: 2 };
    default:
      return { unit: 'U/L', divisor: 1, decimals: 0 };
  }
}

const roundTo = (x: number, decimals: number): number => {
  const scale = 10 ** decimals;
  return Math.round(x * scale) / scale;
};

export interface RenderedLabs {
  readonly labs: LabForm[];
  /** The cycle 1 day 1 results (also the screening values), by analyte, as reported. */
  readonly baseline: Readonly<Record<RenderedAnalyte, LabForm>>;
}

/**
 * The study day whose draw shows an AE: its onset, except that a day-1 draw is the pre-dose baseline, so
 * an AE starting on the first dose day shows on day 2.
 */
function labOnsetDay(ae: RenderedAdverseEvent): number {
  return Math.max(2, ae.onsetDay);
}

/** Grade the AEs of one analyte impose on a study day (0 when none is active). */
function requiredGrade(events: readonly RenderedAdverseEvent[], day: number): number {
  let grade = 0;
  for (const ae of events) {
    const onset = labOnsetDay(ae);
    if (day === onset) grade = Math.max(grade, ae.form.grade);
    else if (day > onset && (ae.endDay === null || day < ae.endDay)) grade = Math.max(grade, Math.max(1, ae.form.grade - 1));
  }
  return Math.min(grade, 4);
}

export function renderLabs(
  p: EnrolledPatientPlan,
  adverseEvents: readonly RenderedAdverseEvent[],
  conventionalUnits: boolean,
  cutoffDay: number,
  random: SeededRandom,
): RenderedLabs {
  const byAnalyte = new Map<RenderedAnalyte, RenderedAdverseEvent[]>();
  for (const ae of adverseEvents) {
    const analyte = LAB_BACKED_TERMS[ae.term];
    if (analyte === undefined || ae.form.grade > 4) continue;
    byAnalyte.set(analyte, [...(byAnalyte.get(analyte) ?? []), ae]);
  }
  const scheduled = p.assessmentDays.map((day, k) => ({ day, visit: k === 0 ? 'C1D1' : `C${k + 1}D1` }));
  const labs: LabForm[] = [];
  const baseline: Partial<Record<RenderedAnalyte, LabForm>> = {};
  const write = (analyte: RenderedAnalyte, day: number, visit: string): LabForm => {
    const [low, high] = band(analyte, requiredGrade(byAnalyte.get(analyte) ?? [], day), p.sex);
    const how = reporting(analyte, conventionalUnits);
    const si = low + (high - low) * random.float();
    const range = ranges(analyte, p.sex);
    const form: LabForm = {
      date: studyDate(p.enrolmentDate, day),
      visit,
      analyte,
      value: roundTo(si / how.divisor, how.decimals),
      unit: how.unit,
      ...(range.lln === undefined ? {} : { lln: roundTo(range.lln / how.divisor, how.decimals) }),
      ...(range.uln === undefined ? {} : { uln: roundTo(range.uln / how.divisor, how.decimals) }),
      source: 'local',
    };
    labs.push(form);
    return form;
  };
  for (const { day, visit } of scheduled) {
    if (day > cutoffDay) continue;
    for (const analyte of ANALYTES) {
      const form = write(analyte, day, visit);
      if (day === 1) baseline[analyte] = form;
    }
  }
  // Unscheduled draws on each lab-backed AE's onset and recovery day.
  for (const [analyte, events] of byAnalyte) {
    const days = new Set<number>();
    for (const ae of events) {
      days.add(labOnsetDay(ae));
      if (ae.endDay !== null && ae.endDay > labOnsetDay(ae)) days.add(ae.endDay);
    }
    for (const day of [...days].sort((a, b) => a - b)) {
      if (day <= 1 || day > cutoffDay || scheduled.some((visit) => visit.day === day)) continue;
      write(analyte, day, 'UNSCHEDULED');
    }
  }
  labs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { labs, baseline: baseline as Record<RenderedAnalyte, LabForm> };
}
