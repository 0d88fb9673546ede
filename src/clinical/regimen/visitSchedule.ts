import { formatIsoDate, parseIsoDate, type DayNumber } from '../dates/index.js';
import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { computeCycleStartDates } from './cycleSchedule.js';
import type { RegimenDefinition } from './regimenDefinition.js';

export interface Visit {
  /** 'SCREENING', 'C1D1', 'C2D1', ..., 'EOT', 'FU1', 'FU2', ... */
  readonly visit: string;
  readonly kind: 'screening' | 'cycle-day-1' | 'end-of-treatment' | 'follow-up';
  readonly cycle: number | null;
  readonly date: string;
  /** CDISC study day relative to enrolment (cycle 1 day 1); screening is negative. */
  readonly studyDay: number;
}

export interface VisitScheduleInput {
  readonly enrolmentDate: string;
  readonly endOfTreatmentDate: string;
  readonly screeningDate?: string | null;
  /**
   * Survival follow-up runs until a study-level date (e.g. "2 years following the enrolment of the last
   * patient"). Omitted: 2 years (730 days) after the end of treatment.
   */
  readonly followUpUntilDate?: string | null;
}

const DEFAULT_FOLLOW_UP_DAYS = 730;

/**
 * The visit calendar: screening, day 1 of every cycle up to the end of treatment (efficacy and safety
 * assessments), the end-of-treatment visit, then survival follow-up at the regimen's interval.
 */
export function computeVisitSchedule(input: VisitScheduleInput, regimen: RegimenDefinition): Outcome<readonly Visit[]> {
  const cycles = computeCycleStartDates({ enrolmentDate: input.enrolmentDate, endOfTreatmentDate: input.endOfTreatmentDate }, regimen);
  const issues: Issue[] = [...cycles.issues];
  const enrolment = parseIsoDate(String(input.enrolmentDate));
  const end = typeof input.endOfTreatmentDate === 'string' ? parseIsoDate(input.endOfTreatmentDate) : null;
  if (end === null && !issues.some((i) => i.path[0] === 'endOfTreatmentDate'))
    issues.push(issue('bad-date', ['endOfTreatmentDate'], input.endOfTreatmentDate, 'a calendar date YYYY-MM-DD'));
  let screening: DayNumber | null = null;
  if (input.screeningDate !== undefined && input.screeningDate !== null) {
    screening = parseIsoDate(input.screeningDate);
    if (screening === null) issues.push(issue('bad-date', ['screeningDate'], input.screeningDate, 'a calendar date YYYY-MM-DD'));
    else if (enrolment !== null && screening > enrolment)
      issues.push(issue('screening-after-enrolment', ['screeningDate'], input.screeningDate, `a date on or before enrolment ${input.enrolmentDate}`));
  }
  let until: DayNumber | null = end === null ? null : end + DEFAULT_FOLLOW_UP_DAYS;
  if (input.followUpUntilDate !== undefined && input.followUpUntilDate !== null) {
    until = parseIsoDate(input.followUpUntilDate);
    if (until === null) issues.push(issue('bad-date', ['followUpUntilDate'], input.followUpUntilDate, 'a calendar date YYYY-MM-DD'));
  }
  if (!cycles.ok || enrolment === null || end === null || until === null || issues.some((i) => i.severity === 'error')) return failure(issues);

  const visit = (name: string, kind: Visit['kind'], cycle: number | null, day: DayNumber): Visit =>
    Object.freeze({ visit: name, kind, cycle, date: formatIsoDate(day), studyDay: day >= enrolment ? day - enrolment + 1 : day - enrolment });

  const visits: Visit[] = [];
  if (screening !== null) visits.push(visit('SCREENING', 'screening', null, screening));
  for (const c of cycles.value) visits.push(visit(`C${c.cycle}D${regimen.assessmentCycleDay}`, 'cycle-day-1', c.cycle, enrolment + c.studyDay - 1));
  visits.push(visit('EOT', 'end-of-treatment', null, end));
  for (let n = 1, day = end + regimen.followUpIntervalDays; day <= until; n++, day += regimen.followUpIntervalDays)
    visits.push(visit(`FU${n}`, 'follow-up', null, day));
  return success(Object.freeze(visits), issues);
}
