import { formatIsoDate, parseIsoDate, type DayNumber } from '../dates/index.js';
import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import type { RegimenDefinition } from './regimenDefinition.js';

export interface CycleStart {
  readonly cycle: number;
  readonly startDate: string;
  /** CDISC study day of the cycle start (cycle 1 day 1 = day 1). */
  readonly studyDay: number;
}

/** Where a date falls in the treatment calendar (cycle 1 day 1 = the first day). */
export interface CyclePosition {
  readonly cycle: number;
  readonly cycleDay: number;
  /** Whether the date is a dosing day of each drug (drug id -> true/false). */
  readonly dosingDays: Readonly<Record<string, boolean>>;
  readonly withinMaximumDuration: boolean;
}

/** Kernel: cycle and day within the cycle for a date on or after cycle 1 day 1. */
export function cyclePosition(date: DayNumber, cycle1Day1: DayNumber, regimen: RegimenDefinition): CyclePosition {
  const elapsed = date - cycle1Day1;
  const cycle = Math.floor(elapsed / regimen.cycleLengthDays) + 1;
  const cycleDay = elapsed - (cycle - 1) * regimen.cycleLengthDays + 1;
  return Object.freeze({
    cycle,
    cycleDay,
    dosingDays: Object.freeze(Object.fromEntries(regimen.drugs.map((drug) => [drug.id, drug.doseDays.includes(cycleDay)]))),
    withinMaximumDuration: cycle <= regimen.maxCycles,
  });
}

/** A recorded cycle start: the cycle number and its day 1 (a dosing row's start date). */
export interface RecordedCycleStart {
  readonly cycle: number;
  readonly day: DayNumber;
}

/**
 * Kernel: cycle position counted from a recorded cycle start, regimen-length cycles after it, so a delayed
 * cycle moves the calendar instead of putting every later day off the grid of cycle 1 day 1.
 */
export function cyclePositionFrom(anchor: RecordedCycleStart, date: DayNumber, regimen: RegimenDefinition): CyclePosition {
  const relative = cyclePosition(date, anchor.day, regimen);
  const cycle = anchor.cycle + relative.cycle - 1;
  return Object.freeze({ ...relative, cycle, withinMaximumDuration: cycle <= regimen.maxCycles });
}

export interface CycleScheduleInput {
  /** Cycle 1 day 1. */
  readonly enrolmentDate: string;
  /** Last day of treatment; cycles starting after it are not planned. Omitted: the protocol maximum. */
  readonly endOfTreatmentDate?: string | null;
}

/**
 * Planned day-1 dates of the regimen's cycles from cycle 1 day 1, up to the end of treatment or the
 * protocol maximum, whichever comes first.
 */
export function computeCycleStartDates(input: CycleScheduleInput, regimen: RegimenDefinition): Outcome<readonly CycleStart[]> {
  const issues: Issue[] = [];
  const start = typeof input.enrolmentDate === 'string' ? parseIsoDate(input.enrolmentDate) : null;
  if (start === null) issues.push(issue('bad-date', ['enrolmentDate'], input.enrolmentDate, 'a calendar date YYYY-MM-DD'));
  let end: DayNumber | null = null;
  if (input.endOfTreatmentDate !== undefined && input.endOfTreatmentDate !== null) {
    end = typeof input.endOfTreatmentDate === 'string' ? parseIsoDate(input.endOfTreatmentDate) : null;
    if (end === null) issues.push(issue('bad-date', ['endOfTreatmentDate'], input.endOfTreatmentDate, 'a calendar date YYYY-MM-DD'));
    else if (start !== null && end < start)
      issues.push(issue('end-before-start', ['endOfTreatmentDate'], input.endOfTreatmentDate, `a date on or after the enrolment date ${input.enrolmentDate}`));
  }
  if (start === null || issues.length > 0) return failure(issues);
  const cycles: CycleStart[] = [];
  for (let cycle = 1; cycle <= regimen.maxCycles; cycle++) {
    const day = start + (cycle - 1) * regimen.cycleLengthDays;
    if (end !== null && day > end) break;
    cycles.push(Object.freeze({ cycle, startDate: formatIsoDate(day), studyDay: day - start + 1 }));
  }
  const warnings: Issue[] = [];
  if (end !== null && end - start + 1 > regimen.maxTreatmentDays)
    warnings.push(
      issue('beyond-maximum-duration', ['endOfTreatmentDate'], input.endOfTreatmentDate, `at most ${regimen.maxTreatmentDays} days of treatment (${regimen.maxCycles} cycles)`, 'warning'),
    );
  return success(Object.freeze(cycles), warnings);
}
