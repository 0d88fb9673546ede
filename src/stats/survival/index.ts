export type { ConfType } from './survivalConfidenceLimits.js';
export { CONF_TYPES, isConfType, survivalConfidenceLimits } from './survivalConfidenceLimits.js';
export type { SurvivalTimeTable } from './tabulateSurvivalTimes.js';
export { tabulateSurvivalTimes } from './tabulateSurvivalTimes.js';
export type { KaplanMeierStep, KaplanMeierCurve, KaplanMeierInput } from './kaplanMeier.js';
export {
  computeKaplanMeier,
  kaplanMeierKernel,
  kaplanMeierFromCounts,
  validateSurvivalData,
  validateConfidenceOptions,
} from './kaplanMeier.js';
export type { SurvivalQuantile } from './survivalQuantiles.js';
export { computeSurvivalQuantiles, survivalQuantilesKernel } from './survivalQuantiles.js';
export type { SurvivalAtTime } from './survivalAt.js';
export { computeSurvivalAt, survivalAtKernel } from './survivalAt.js';
export { numberAtRiskAt } from './numberAtRiskAt.js';
export type { MedianFollowUp, MedianFollowUpInput } from './medianFollowUp.js';
export { computeMedianFollowUp, medianFollowUpFromCounts } from './medianFollowUp.js';
export type { EncodedGroups } from './encodeGroups.js';
export { encodeGroups } from './encodeGroups.js';
export type { GroupCurve, KaplanMeierByGroupInput } from './kaplanMeierByGroup.js';
export { computeKaplanMeierByGroup, kaplanMeierByGroupKernel } from './kaplanMeierByGroup.js';
export type { LogRankFromTable } from './logRankFromTable.js';
export { logRankFromTable } from './logRankFromTable.js';
export { orderByTime } from './orderByTime.js';
