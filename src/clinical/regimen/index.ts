// Treatment regimens as data and the generic dose engines that read them.
export type { BloodCount, CountRule, DrugDefinition, HoldRule, RegimenDefinition, ResumeRule, StartingDose, ToxicityCategory } from './regimenDefinition.js';
export { TOXICITY_CATEGORIES, doseLadderMg, doseLevelsMg, findDrug, startingDoseMg, toxicityCategory } from './regimenDefinition.js';
export type { CycleStart, CyclePosition, CycleScheduleInput, RecordedCycleStart } from './cycleSchedule.js';
export { computeCycleStartDates, cyclePosition, cyclePositionFrom } from './cycleSchedule.js';
export type { Visit, VisitScheduleInput } from './visitSchedule.js';
export { computeVisitSchedule } from './visitSchedule.js';
export type {
  ToxicityEvent,
  RecoveryEvent,
  DoseGivenEvent,
  DoseHistoryEvent,
  Hold,
  DrugAction,
  DrugState,
  DoseState,
  DoseTransitionExample,
} from './doseStateMachine.js';
export { initialDoseState, applyDoseEvent, currentDoseMg, drugAction, holdReason } from './doseStateMachine.js';
export type { DoseHistoryInput } from './doseHistoryInput.js';
export { validateDoseHistory } from './doseHistoryInput.js';
export type { DoseDecisionInput, DoseDecision, DrugDecision } from './computeDoseDecision.js';
export { computeDoseDecision } from './computeDoseDecision.js';
export type { DosingDeviation, DosingDeviationCode } from './checkDosingLog.js';
export { checkDosingLog, describeDays } from './checkDosingLog.js';
export type { LabDoseInput } from './createLabDoseEvents.js';
export { createLabDoseEvents } from './createLabDoseEvents.js';
export type { DoseHistoryForms, DoseHistory } from './createDoseHistory.js';
export { createDoseHistory } from './createDoseHistory.js';
