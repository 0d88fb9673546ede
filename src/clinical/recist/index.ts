// RECIST 1.1 (Eisenhauer et al., Eur J Cancer 2009;45:228) as versioned rules and the engine that reads
// them. README.md in this folder lists every reading of a point the standard leaves open.
export type { RecistTargetResponse, RecistNonTargetResponse, RecistOverallResponse, RecistCategory } from './recistCategories.js';
export {
  RECIST_OVERALL_CATEGORIES,
  RECIST_TARGET_RESPONSES,
  RECIST_NON_TARGET_RESPONSES,
  recistCategory,
  recistRank,
  isRecistResponse,
  isRecistDiseaseControl,
} from './recistCategories.js';
export type {
  RecistLesionKind,
  RecistBaselineLesion,
  RecistBaseline,
  RecistTargetMeasurement,
  RecistNonTargetStatus,
  RecistNonTargetObservation,
  RecistLesionResult,
  RecistNewLesion,
  RecistAssessment,
  RecistPatientInput,
} from './recistInput.js';
export { RECIST_NON_TARGET_STATUSES, RECIST_NEW_LESION_VALUES } from './recistInput.js';
export type { RecistThresholds } from './recistThresholds.js';
export { RECIST_1_1_THRESHOLDS } from './recistThresholds.js';
export type {
  RecistRule,
  RecistTargetRule,
  RecistNonTargetRule,
  RecistOverallRule,
  RecistTargetContext,
  RecistNonTargetContext,
  RecistTargetLesionState,
  RecistNonTargetLesionState,
  RecistNewLesionFinding,
} from './recistRule.js';
export { RECIST_11_TARGET_RULES } from './recist11TargetRules.js';
export { RECIST_11_NON_TARGET_RULES } from './recist11NonTargetRules.js';
export { RECIST_11_TABLE_1, RECIST_11_TABLE_2, RECIST_11_OVERALL_RULES, findOverallRule } from './recist11OverallRules.js';
export type { RecistRuleSet } from './recist11RuleSet.js';
export { RECIST_1_1, RECIST_1_1_CITATION, RECIST_1_1_CLARIFICATIONS, createRecistRuleSet } from './recist11RuleSet.js';
export { validateRecistPatient } from './validateRecistPatient.js';
export type { RecistTimePoint } from './computeRecistTimePoints.js';
export { computeRecistTimePoints } from './computeRecistTimePoints.js';
export type { RecistProgression } from './findRecistProgression.js';
export { findRecistProgression } from './findRecistProgression.js';
export type { RecistBestResponse, RecistBestResponseOptions, RecistBestResponseReason } from './computeRecistBestResponse.js';
export { computeRecistBestResponse } from './computeRecistBestResponse.js';
export type { RecistOptions, RecistResult, RecistDisease } from './computeRecistResponse.js';
export { computeRecistResponse } from './computeRecistResponse.js';
export type { RecistBindingOptions } from './recistResponseBinding.js';
export { RECIST_1_1_SCALE, createRecistResponseBinding } from './recistResponseBinding.js';
