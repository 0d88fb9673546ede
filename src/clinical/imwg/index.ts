// IMWG 2016 uniform response criteria (Kumar et al., Lancet Oncol 2016;17:e328) as versioned rules and the
// engine that reads them.
export type { ImwgResponse } from './imwgResponse.js';
export { IMWG_RESPONSES, responseDepth, responseAtDepth, isResponder } from './imwgResponse.js';
export type { Immunofixation, ImwgMeasurements, ImwgBaseline, ImwgAssessment, ImwgPatientInput } from './imwgMeasurements.js';
export type { ImwgThresholds } from './imwgThresholds.js';
export { IMWG_2016_STANDARD_THRESHOLDS, IMWG_2016_TRIAL_THRESHOLDS } from './imwgThresholds.js';
export type { InvolvedChain } from './freeLightChains.js';
export { flcRatio, differenceOfFreeLightChains, isFlcRatioNormal } from './freeLightChains.js';
export type { MeasurableParameters, PrimaryParameter } from './measurableParameters.js';
export { measurableParameters } from './measurableParameters.js';
export { confirmedNadir } from './confirmedNadir.js';
export type { ImwgRule, ImwgRuleContext, ImwgNadirs, ImwgConfirmation } from './imwgRule.js';
export { stableDiseaseRule, missingQualifyingParameters, imwg2016Rules } from './imwgRules.js';
export type { ImwgRuleSet } from './imwgRuleSet.js';
export { IMWG_2016_CITATION, IMWG_2016_STANDARD, IMWG_2016_TRIAL, createImwgRuleSet } from './imwgRuleSet.js';
export { validateImwgPatient } from './validateImwgPatient.js';
export type { ImwgAssessmentResult, ImwgBestResponseReason, ImwgResult } from './computeImwgResponse.js';
export { computeImwgResponse } from './computeImwgResponse.js';
export { computeImwgResponses } from './computeImwgResponses.js';
export type { ImwgBindingOptions } from './imwgResponseBinding.js';
export { IMWG_2016_SCALE, createImwgResponseBinding } from './imwgResponseBinding.js';
