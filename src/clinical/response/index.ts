// Response criteria as the generic layers see them: a category scale and a binding to the protocol's forms.
export type { ResponseCategoryDefinition, ResponseScale } from './responseScale.js';
export { computeBestCategory, computeResponseRank, isDiseaseControlCategory, isResponderCategory, responseCategoryCodes } from './responseScale.js';
export type {
  EvaluatedAssessment,
  EvaluatorDefinition,
  MeasurementParameter,
  MeasurementPoint,
  ResponseBinding,
  ResponseEvaluation,
  ResponseEvaluationInput,
} from './responseBinding.js';
export { responseScaleCodelist } from './responseScaleCodelist.js';
