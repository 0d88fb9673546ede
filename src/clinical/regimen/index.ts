export type { RegimenDefinition } from './protocolRegimen.js';
export { PROTOCOL_REGIMEN } from './protocolRegimen.js';
export { startingDexamethasoneMg, dexamethasoneLadderMg } from './startingDexamethasoneDose.js';
export type { CycleStart, CyclePosition, CycleScheduleInput } from './cycleSchedule.js';
export { computeCycleStartDates, cyclePosition } from './cycleSchedule.js';
export type { Visit, VisitScheduleInput } from './visitSchedule.js';
export { computeVisitSchedule } from './visitSchedule.js';
export type {
  Drug,
  ToxicityCategory,
  ToxicityEvent,
  RecoveryEvent,
  DoseGivenEvent,
  DoseHistoryEvent,
  Hold,
  DrugAction,
  DrugState,
  DoseState,
} from './doseStateMachine.js';
export { toxicityCategory, initialDoseState, applyDoseEvent, currentDoseMg, drugAction } from './doseStateMachine.js';
export type { DoseHistoryInput } from './doseHistoryInput.js';
export { validateDoseHistory } from './doseHistoryInput.js';
export type { DoseDecisionInput, DoseDecision } from './computeDoseDecision.js';
export { computeDoseDecision } from './computeDoseDecision.js';
export type { DosingDeviation, DosingDeviationCode } from './checkDosingLog.js';
export { checkDosingLog } from './checkDosingLog.js';
export { DOSE_TRANSITION_EXAMPLES } from './doseStateMachine.js';
export type { DoseTransitionExample } from './doseStateMachine.js';
export { holdReason } from './doseStateMachine.js';
export type { LabDoseInput } from './createLabDoseEvents.js';
export { createLabDoseEvents } from './createLabDoseEvents.js';
export type { DoseHistoryForms, DoseHistory } from './createDoseHistory.js';
export { createDoseHistory } from './createDoseHistory.js';
