import { formatIsoDate, parseIsoDate } from '../dates/index.js';
import { failure, issue, success, type Outcome } from '../../result/index.js';
import { cyclePosition, cyclePositionFrom, type CyclePosition, type RecordedCycleStart } from './cycleSchedule.js';
import { validateDoseHistory, type DoseHistoryInput } from './doseHistoryInput.js';
import { applyDoseEvent, currentDoseMg, drugAction, initialDoseState, type DoseState, type DrugAction, type DrugState } from './doseStateMachine.js';
import { change } from './doseStateMachine.js';
import type { RegimenDefinition } from './regimenDefinition.js';

export interface DoseDecisionInput extends DoseHistoryInput {
  /** The day asked about; events after it are ignored. */
  readonly date: string;
}

/** The decision for one drug of the regimen. */
export interface DrugDecision {
  readonly drug: string;
  readonly label: string;
  /** Dose on the drug's dosing days; null when held or discontinued. */
  readonly doseMg: number | null;
  readonly action: DrugAction;
  /** Whether the date is one of the drug's dosing days (null when the calendar is unknown). */
  readonly dosingDay: boolean | null;
  /** Human text citing the rule. */
  readonly reason: string;
}

export interface DoseDecision {
  readonly date: string;
  /** One per drug of the regimen, in the regimen's order. */
  readonly drugs: readonly DrugDecision[];
  /** The action of the regimen's first (investigational) drug. */
  readonly action: DrugAction;
  /** Human text citing the rules, for every drug. */
  readonly reason: string;
  /** Where the date falls in the treatment calendar, when the treatment start date is known. */
  readonly schedule: CyclePosition | null;
  readonly state: DoseState;
}

/** "What dose today, and why": runs the dose state machine over the history up to `date`. */
export function computeDoseDecision(input: DoseDecisionInput, regimen: RegimenDefinition): Outcome<DoseDecision> {
  const { issues, startDay } = validateDoseHistory(input, regimen);
  const today = typeof input.date === 'string' ? parseIsoDate(input.date) : null;
  if (today === null) issues.push(issue('bad-date', ['date'], input.date, 'a calendar date YYYY-MM-DD'));
  else if (startDay !== null && today < startDay)
    issues.push(issue('before-treatment', ['date'], input.date, `a date on or after the treatment start ${input.treatmentStartDate}`));
  if (today === null || issues.length > 0) return failure(issues);

  let state = initialDoseState(input.ageYears, regimen);
  // The latest recorded cycle start on or before the date: a delayed cycle moves the calendar (as checkDosingLog reads it).
  let anchor: RecordedCycleStart | null = null;
  for (const event of input.events) {
    const day = parseIsoDate(event.date) ?? Infinity;
    if (day > today) break;
    state = applyDoseEvent(state, event, regimen);
    if (event.type === 'dose' && event.cycle !== undefined && (anchor === null || event.cycle >= anchor.cycle)) anchor = { cycle: event.cycle, day };
  }

  const schedule = startDay === null ? null : anchor === null ? cyclePosition(today, startDay, regimen) : cyclePositionFrom(anchor, today, regimen);
  if (schedule !== null && !schedule.withinMaximumDuration) {
    const why = `cycle ${schedule.cycle} would exceed the protocol's maximum of ${regimen.maxCycles} cycles (${regimen.maxTreatmentDays} days of treatment)`;
    const stopped: Record<string, DrugState> = {};
    for (const drug of regimen.drugs) stopped[drug.id] = stop(state[drug.id], input.date, why);
    state = Object.freeze(stopped);
  }

  const drugs = regimen.drugs.map((drug): DrugDecision => {
    const drugState = state[drug.id];
    const dosingDay = schedule === null ? null : (schedule.dosingDays[drug.id] ?? false);
    return Object.freeze({ drug: drug.id, label: drug.label, doseMg: currentDoseMg(drugState), action: drugAction(drugState), dosingDay, reason: explain(drugState, dosingDay ?? undefined) });
  });
  return success(
    Object.freeze({
      date: formatIsoDate(today),
      drugs: Object.freeze(drugs),
      action: drugs[0]?.action ?? 'continue',
      reason: drugs.map((d) => d.reason).join(' '),
      schedule,
      state,
    }),
  );
}

function stop(state: DrugState, date: string, why: string): DrugState {
  if (state.status === 'discontinued') return state;
  return change(state, 'discontinued', state.levelIndex, [], date, 'discontinue', why);
}

function explain(state: DrugState, dosingDay: boolean | undefined): string {
  const name = state.label;
  const mg = currentDoseMg(state);
  const day = dosingDay === undefined || state.status !== 'active' ? '' : dosingDay ? ' Today is a dosing day.' : ' Today is not a dosing day.';
  if (state.lastChange === null) return `${name}: ${mg} mg, the starting dose (no dose-modifying event).${day}`;
  const since = `since ${state.lastChange.date}`;
  switch (drugAction(state)) {
    case 'discontinue':
      return `${name}: discontinued ${since}: ${state.lastChange.reason}.`;
    case 'hold':
      return `${name}: held ${since}: ${state.lastChange.reason}; still waiting for ${state.holds.map((h) => `${h.term}: ${h.resumeWhen}`).join('; ')}.`;
    case 'resume-reduced':
      return `${name}: resume at ${mg} mg: ${state.lastChange.reason}.${day}`;
    case 'continue':
      return `${name}: continue at ${mg} mg (level ${state.levelIndex + 1} of ${state.ladderMg.length}; last change ${since}: ${state.lastChange.reason}).${day}`;
  }
}
