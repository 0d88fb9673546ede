// The reproduction check: every published result of the paper against what trialkit computes on a trial.
export type { PublishedFindings, PublishedInconsistency, PublishedResult, PublishedResults } from './publishedResults.js';
export { publishedInputIssues } from './publishedResults.js';
export type { DirectQuantity, Quantity } from './quantity.js';
export { countQuantity, estimateQuantity, notComputed, reinterpretedQuantity } from './quantity.js';
export type { Comparison, ReproducedValue, ReproductionStatus } from './compareToPublished.js';
export {
  compareToPublished,
  KM_CI_LIMIT_TOLERANCE_MONTHS,
  KM_MEDIAN_TOLERANCE_MONTHS,
  KM_RATE_CI_LIMIT_TOLERANCE_POINTS,
  KM_RATE_TOLERANCE_POINTS,
  LOG_RANK_FACTOR,
  printedDecimals,
  publishedStatus,
} from './compareToPublished.js';
export type { Reproduction, ReproductionInput, ReproductionResult, ReproductionSummary } from './computeReproduction.js';
export { computeReproduction } from './computeReproduction.js';
export type { Publication } from './publication.js';
export type { ReproductionContext } from './reproductionContext.js';
export { createReproductionContext } from './reproductionContext.js';
export { cellSubjects, countAt, endpointRowsOf, numberAt, proportionFromCount, proportionQuantity, survivalQuantity } from './quantityReaders.js';
