import { ageInYears, checkDosingLog, createDoseHistory, parseIsoDate } from '../clinical/index.js';
import type { FormRow, ProtocolDefinition, SubjectRecord, VisitDefinition } from '../clinical/index.js';
import { isoDateOf } from './studyDate.js';

/** The protocol's deviation category code (its DVCAT code list) for each kind of deviation the rules find. */
export interface DeviationCategoryCodes {
  /** A treatment visit (cycle day 1) outside its window without a recorded toxicity delay. */
  readonly treatmentVisit: string;
  /** A response assessment outside its window, or a scheduled one not done. */
  readonly responseAssessment: string;
  /** A dose the regimen's ladder did not allow (checkDosingLog). */
  readonly studyTreatment: string;
}

const visitLabel = (visit: VisitDefinition | undefined, n: number, fallback: string): string => (visit === undefined ? fallback : visit.id.replace('{n}', String(n)));

/**
 * The protocol deviations a generated subject's records show, found by the protocol's own rules and never
 * drawn at random: the generator decides nothing here, it is only checked. A demo trial therefore has the
 * deviations its generator's dates and doses imply, and none when they follow the protocol.
 *
 * - Treatment visits: cycle n+1 day 1 more than the visit's window from cycle n day 1 + the cycle length,
 *   unless the cycle is recorded as delayed for an adverse event (a delay the dose rules allow). Minor.
 * - Response assessments: on a schedule of their own (a 'response-assessment' visit with `everyDays`), each
 *   one is due on a calendar from cycle 1 day 1, within the visit's window; one due but skipped (the next was
 *   two or more intervals on) is major, as it can move a progression date. Assessed at the treatment visits
 *   instead, each is due `responseAssessmentEveryDays` +/- the window after the previous one, whatever the
 *   dosing did (the protocol's assessment interval is not the cycle's). Minor.
 * - Doses: every deviation of `checkDosingLog` (a dose above the level, during a hold, off the ladder...). Major.
 */
export function deriveProtocolDeviations(record: SubjectRecord, protocol: ProtocolDefinition, codes: DeviationCategoryCodes): FormRow[] {
  const out: (FormRow & { readonly date: string })[] = [];
  const add = (date: string, visit: string | null, category: string, severity: 'major' | 'minor', description: string): void => {
    out.push({ date, ...(visit === null ? {} : { visit }), category, severity, description: description.slice(0, 200) });
  };
  const { schedule, regimen } = protocol;
  const cycleLength = regimen.cycleLengthDays;
  const treatment = schedule.visits.find((v) => v.kind === 'treatment' && v.everyDays !== undefined);

  // Cycle day 1 of each cycle: the earliest start of its dosing rows, and whether it was delayed for an AE.
  const cycles = new Map<number, { day: number; date: string; toxicityDelay: boolean }>();
  for (const row of record.dosing) {
    const day = parseIsoDate(row.startDate);
    if (day === null) continue;
    const known = cycles.get(row.cycle);
    const toxicityDelay = (known?.toxicityDelay ?? false) || (row.delayed && row.modificationReason === 'adverse-event');
    cycles.set(row.cycle, known === undefined || day < known.day ? { day, date: row.startDate, toxicityDelay } : { ...known, toxicityDelay });
  }
  const ordered = [...cycles.entries()].sort((a, b) => a[0] - b[0]);
  if (treatment !== undefined) {
    for (let i = 1; i < ordered.length; i++) {
      const [cycle, start] = ordered[i];
      const gap = start.day - ordered[i - 1][1].day;
      if (Math.abs(gap - cycleLength) <= treatment.windowDays || start.toxicityDelay) continue;
      add(start.date, visitLabel(treatment, cycle, `cycle ${cycle}`), codes.treatmentVisit, 'minor', `Cycle ${cycle} day 1 on day ${gap} after cycle ${ordered[i - 1][0]} day 1 (planned ${cycleLength} +/- ${treatment.windowDays} days), with no dose delay recorded for an adverse event.`);
    }
  }

  const firstDose = ordered.find(([cycle]) => cycle === 1)?.[1].day ?? null;
  const assessmentDates = new Map<number, string>();
  for (const formId of protocol.response.assessmentForms) {
    const form = protocol.forms.find((f) => f.id === formId);
    if (form?.dateField === undefined) continue;
    for (const row of record.diseaseForms[formId] ?? []) {
      const date = row[form.dateField];
      const day = typeof date === 'string' ? parseIsoDate(date) : null;
      if (day !== null && typeof date === 'string' && firstDose !== null && day > firstDose) assessmentDates.set(day, date);
    }
  }
  const assessments = [...assessmentDates.entries()].sort((a, b) => a[0] - b[0]);
  const ownSchedule = schedule.visits.find((v) => v.kind === 'response-assessment' && v.everyDays !== undefined);
  if (firstDose !== null && ownSchedule?.everyDays !== undefined) {
    const every = ownSchedule.everyDays;
    let previous = 0;
    for (const [day, date] of assessments) {
      const n = Math.max(1, Math.round((day - firstDose) / every));
      const offset = day - firstDose - n * every;
      for (let missed = previous + 1; missed < n; missed++) {
        add(isoDateOf(firstDose + missed * every), visitLabel(ownSchedule, missed, `assessment ${missed}`), codes.responseAssessment, 'major', `Assessment ${missed} (due on day ${missed * every + 1}) not done; the next was on day ${day - firstDose + 1}.`);
      }
      if (Math.abs(offset) > ownSchedule.windowDays) add(date, visitLabel(ownSchedule, n, `assessment ${n}`), codes.responseAssessment, 'minor', `Assessment ${n} on day ${day - firstDose + 1}, ${Math.abs(offset)} days ${offset > 0 ? 'after' : 'before'} its planned day ${n * every + 1} (window +/- ${ownSchedule.windowDays} days).`);
      previous = n;
    }
  } else if (firstDose !== null) {
    const every = schedule.responseAssessmentEveryDays;
    const window = schedule.responseAssessmentWindowDays;
    for (let i = 1; i < assessments.length; i++) {
      const gap = assessments[i][0] - assessments[i - 1][0];
      if (Math.abs(gap - every) <= window) continue;
      const cycle = ordered.find(([, start]) => start.day === assessments[i][0])?.[0];
      const visit = cycle === undefined ? `assessment ${i + 1}` : visitLabel(treatment, cycle, `cycle ${cycle}`);
      add(assessments[i][1], visit, codes.responseAssessment, 'minor', `Response assessment ${gap} days after the previous one (planned every ${every} +/- ${window} days)${cycle !== undefined && cycles.get(cycle)?.toxicityDelay === true ? ', at a cycle delayed for an adverse event' : ''}.`);
    }
  }

  const birth = record.demographics === undefined ? null : parseIsoDate(record.demographics.birthDate);
  const consent = parseIsoDate(record.subject.consentDate);
  if (birth !== null && consent !== null && record.dosing.length > 0) {
    const history = createDoseHistory({ adverseEvents: record.adverseEvents, dosing: record.dosing, labs: record.labs }, regimen);
    const checked = checkDosingLog({ ageYears: ageInYears(birth, consent), treatmentStartDate: history.treatmentStartDate, events: history.events }, regimen);
    if (checked.ok) for (const deviation of checked.value) add(deviation.date, null, codes.studyTreatment, 'major', `${deviation.message} (${deviation.code}).`);
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
