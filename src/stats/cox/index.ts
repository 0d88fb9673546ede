export type { CoxControl, CoxControlOptions } from './coxControl.js';
export { createCoxControl, defaultCoxControl } from './coxControl.js';
export type { CoxInput, CoxFit, CoxCoefficient, CoxTest, CoxTies } from './computeCoxPh.js';
export { computeCoxPh } from './computeCoxPh.js';
export type { CoxKernelInput, CoxKernelResult } from './coxPhKernel.js';
export { coxPhKernel } from './coxPhKernel.js';
export { ldlDecompose, ldlSolve, ldlInvert } from './ldlDecomposition.js';
export { tieNearTimes } from './tieNearTimes.js';
