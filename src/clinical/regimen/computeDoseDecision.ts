import { formatIsoDate, parseIsoDate } from '../dates/index.js';
import { failure, issue, success, type Outcome } from '../../result/index.js';
import { cyclePosition, cyclePositionFrom, type CyclePosition, type RecordedCycleStart } from './cycleSchedule.js';
import { validateDoseHistory, type DoseHistoryInput } from './doseHistoryInput.js';
import { applyDoseEvent, currentDoseMg, drugAction, initialDoseState, type DoseState, type DrugAction, type DrugState } from './doseStateMachine.js';
import { PROTOCOL_REGIMEN, type RegimenDefinition } from './protocolRegimen.js';

export interface DoseDecisionInput extends DoseHistoryInput {
  /** The day asked about; events after it are ignored. */
  readonly date: string;
}

export interface DoseDecision {
  readonly date: string;
  /** Dose on the drug's dosing days; null when held or discontinued. */
  readonly pomalidomideMg: number | null;
  readonly dexamethasoneMg: number | null;
  /** Pomalidomide's action (the study drug); dexamethasone's is dexamethasoneAction. */
  readonly action: DrugAction;
  readonly dexamethasoneAction: DrugAction;
  /** Human text citing the rule, for both drugs. */
  readonly reason: string;
  /** Where the date falls in the treatment calendar, when the treatment start date is known. */
  readonly schedule: CyclePosition | null;
  readonly state: DoseState;
}

/** "What dose today, and why": runs the dose state machine over the history up to `date`. */
export function computeDoseDecision(input: DoseDecisionInput, regimen: RegimenDefinition = PROTOCOL_REGIMEN): Outcome<DoseDecision> {
  const { issues, startDay } = validateDoseHistory(input);
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
    state = applyDoseEvent(state, event);
    if (event.type === 'dose' && event.cycle !== undefined && (anchor === null || event.cycle >= anchor.cycle)) anchor = { cycle: event.cycle, day };
  }

  const schedule = startDay === null ? null : anchor === null ? cyclePosition(today, startDay, regimen) : cyclePositionFrom(anchor, today, regimen);
  let pom = state.pomalidomide;
  let dex = state.dexamethasone;
  if (schedule !== null && !schedule.withinMaximumDuration) {
    const why = `cycle ${schedule.cycle} would exceed the protocol's maximum of ${regimen.maxCycles} cycles (2 years of treatment)`;
    pom = stop(pom, input.date, why);
    dex = stop(dex, input.date, why);
    state = Object.freeze({ pomalidomide: pom, dexamethasone: dex });
  }

  return success(
    Object.freeze({
      date: formatIsoDate(today),
      pomalidomideMg: currentDoseMg(pom),
      dexamethasoneMg: currentDoseMg(dex),
      action: drugAction(pom),
      dexamethasoneAction: drugAction(dex),
      reason: `${explain(pom, schedule?.pomalidomideDay)} ${explain(dex, schedule?.dexamethasoneDay)}`,
      schedule,
      state,
    }),
  );
}

function stop(state: DrugState, date: string, why: string): DrugState {
  if (state.status === 'discontinued') return state;
  return Object.freeze({ ...state, status: 'discontinued', holds: Object.freeze([]), lastChange: Object.freeze({ date, action: 'discontinue', reason: why }), dosedSinceChange: false });
}

function explain(state: DrugState, dosingDay: boolean | undefined): string {
  const name = state.drug === 'pomalidomide' ? 'Pomalidomide' : 'Dexamethasone';
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
