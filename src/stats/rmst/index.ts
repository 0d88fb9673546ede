export type { RestrictedMean } from './restrictedMeanKernel.js';
export { restrictedMeanKernel, restrictedMeanOfCurve } from './restrictedMeanKernel.js';
export type { RmstDifference } from './rmstDifference.js';
export { rmstDifference } from './rmstDifference.js';
export type { RestrictedMeanInput, RestrictedMeanCurve, RestrictedMeanResult } from './computeRestrictedMean.js';
export { computeRestrictedMean, restrictedMeanByGroupKernel } from './computeRestrictedMean.js';
