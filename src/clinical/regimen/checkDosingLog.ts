import { parseIsoDate } from '../dates/index.js';
import { failure, success, type Outcome } from '../../result/index.js';
import { cyclePosition, cyclePositionFrom, type RecordedCycleStart } from './cycleSchedule.js';
import { validateDoseHistory, type DoseHistoryInput } from './doseHistoryInput.js';
import { applyDoseEvent, currentDoseMg, initialDoseState } from './doseStateMachine.js';
import { findDrug, type RegimenDefinition } from './regimenDefinition.js';

export type DosingDeviationCode =
  | 'dose-after-discontinuation'
  | 'dose-during-hold'
  | 'dose-not-on-ladder'
  | 'dose-above-level'
  | 'dose-below-level'
  | 'dose-on-rest-day'
  | 'dose-beyond-maximum-duration';

export interface DosingDeviation {
  /** Index of the dose event in `events`. */
  readonly eventIndex: number;
  readonly date: string;
  readonly drug: string;
  readonly givenMg: number;
  /** What the ladder allowed that day (null: no dose allowed). */
  readonly expectedMg: number | null;
  readonly code: DosingDeviationCode;
  readonly message: string;
}

/**
 * Edit check: replays the history through the dose state machine and compares every recorded dose with
 * what the ladder allowed at that moment (events earlier the same day count first). A dose below the
 * level is reported too: reductions outside the ladder need a documented reason. Dosing days and the
 * maximum number of cycles are counted from cycle 1 day 1 on the regimen's cycle grid, or, once a dose event carries its
 * `cycle` (a dosing row's start date is that cycle's day 1), from the latest such recorded cycle start, so
 * a delayed cycle moves the calendar instead of putting every later dose on a rest day.
 */
export function checkDosingLog(input: DoseHistoryInput, regimen: RegimenDefinition): Outcome<readonly DosingDeviation[]> {
  const { issues, startDay } = validateDoseHistory(input, regimen);
  if (issues.length > 0) return failure(issues);
  const deviations: DosingDeviation[] = [];
  let state = initialDoseState(input.ageYears, regimen);
  // The latest recorded cycle start (a dose event with its cycle): a delayed cycle shifts the calendar.
  let anchor: RecordedCycleStart | null = null;
  input.events.forEach((event, eventIndex) => {
    if (event.type === 'dose' && event.mg > 0) {
      const drugState = state[event.drug];
      const expectedMg = currentDoseMg(drugState);
      const add = (code: DosingDeviationCode, message: string): void => {
        deviations.push(Object.freeze({ eventIndex, date: event.date, drug: event.drug, givenMg: event.mg, expectedMg, code, message }));
      };
      if (drugState.status === 'discontinued') add('dose-after-discontinuation', `${event.drug} ${event.mg} mg given after discontinuation (${drugState.lastChange?.reason ?? ''})`);
      else if (drugState.status === 'held') add('dose-during-hold', `${event.drug} ${event.mg} mg given while held (${drugState.holds.map((h) => `${h.term} since ${h.since}`).join(', ')})`);
      else if (!drugState.ladderMg.includes(event.mg)) add('dose-not-on-ladder', `${event.drug} ${event.mg} mg is not a level of ${drugState.ladderMg.join(' -> ')} mg`);
      else if (expectedMg !== null && event.mg > expectedMg) add('dose-above-level', `${event.drug} ${event.mg} mg above the current level ${expectedMg} mg`);
      else if (expectedMg !== null && event.mg < expectedMg) add('dose-below-level', `${event.drug} ${event.mg} mg below the current level ${expectedMg} mg without a dose-modifying event`);
      const day = parseIsoDate(event.date);
      if (day !== null && event.cycle !== undefined && (anchor === null || event.cycle >= anchor.cycle)) anchor = { cycle: event.cycle, day };
      if (startDay !== null && day !== null) {
        const position = anchor === null ? cyclePosition(day, startDay, regimen) : cyclePositionFrom(anchor, day, regimen);
        const dosingDay = position.dosingDays[event.drug] ?? false;
        const days = findDrug(regimen, event.drug)?.doseDays ?? [];
        if (!position.withinMaximumDuration)
          add('dose-beyond-maximum-duration', `dose in cycle ${position.cycle}, beyond the maximum of ${regimen.maxCycles} cycles`);
        else if (!dosingDay)
          add('dose-on-rest-day', `${event.drug} given on cycle ${position.cycle} day ${position.cycleDay}, not a dosing day (days ${describeDays(days)})`);
      }
    }
    state = applyDoseEvent(state, event, regimen);
  });
  return success(Object.freeze(deviations));
}

/** Dosing days in words: runs collapse ('1-21'), single days are listed ('1, 8, 15, 22'). */
export function describeDays(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}-${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}
