export type { IssStage, IssInput, IssResult } from './computeIssStage.js';
export { computeIssStage, ISS_STANDARD } from './computeIssStage.js';
export type { CytogeneticRisk, FishPanel, CytogeneticRiskResult } from './computeCytogeneticRisk.js';
export { computeCytogeneticRisk, CYTOGENETIC_RISK_STANDARD } from './computeCytogeneticRisk.js';
export type { RissStage, RissInput, RissResult } from './computeRissStage.js';
export { computeRissStage, RISS_STANDARD } from './computeRissStage.js';
export { STAGING_EXAMPLES } from './stagingExamples.js';
export type { StagingExample } from './stagingExamples.js';
