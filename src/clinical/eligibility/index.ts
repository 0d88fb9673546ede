// Eligibility: criteria as data in a small rule vocabulary, the screening form they imply, and the generic engine.
export type { ScreeningRecord, LabResult, PriorTherapyLine, AgentExposure } from './screeningRecord.js';
export { createScreeningRecordSchema } from './screeningRecord.js';
export { createScreeningForm, SCREENING_CODELISTS } from './screeningForm.js';
export { parseScreeningRecord } from './parseScreeningRecord.js';
export type {
  EligibilityRule,
  EligibilityCriterion,
  EligibilityCriteriaSet,
  EligibilityExample,
  AgentRequirement,
  ScreeningFact,
  ScreeningItems,
  ScreeningLab,
  ScreeningMeasure,
} from './eligibilityRule.js';
export type { CriterionStatus, EligibilityValue, RuleResult, ScreeningContext } from './evaluateRule.js';
export { evaluateRule } from './evaluateRule.js';
export type { CriterionResult, EligibilityResult } from './computeEligibility.js';
export { computeEligibility } from './computeEligibility.js';
export { addCalendarMonths } from './calendarMonths.js';
