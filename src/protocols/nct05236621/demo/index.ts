// SYNTHETIC twin of the published NCT05236621 trial: the calibrated cohort plan (latent truth per invented
// subject) and the check that recomputes every published number from it with trialkit's own statistics.
export type {
  AdverseEventPlan,
  BestResponse,
  CohortPlan,
  CytogeneticRisk,
  DeathCause,
  DosingPlan,
  EnrolledPatientPlan,
  FishCall,
  FishPanel,
  IssStage,
  MeasurableParameter,
  OsCensorReason,
  PfsCensorReason,
  PlannedSubtype,
  PriorTherapyPlan,
  ScreenFailurePlan,
  TreatmentEndReason,
} from './cohortPlanTypes.js';
export type { CohortPlanOptions } from './createCohortPlan.js';
export { createCohortPlan, DEFAULT_COHORT_SEED, CALIBRATION_ITERATIONS, SYNTHETIC_NOTE } from './createCohortPlan.js';
export type { CohortMix } from './calibratedSkeleton.js';
export type { PlanTallies, Tally } from './computePlanTallies.js';
export { computePlanTallies, derivedStages } from './computePlanTallies.js';
export type { CiLimitComparison, Comparison, ComparisonStatus, PublishedResult } from './comparePlanToPublished.js';
export { CI_LIMIT_TOLERANCE_MONTHS, compareCiLimits, comparePlanToPublished, KNOWN_DEVIATIONS, RATE_CI_LIMIT_TOLERANCE_POINTS } from './comparePlanToPublished.js';
export { TABLE3_TRAES, TRAES_OF_INTEREST } from './safetyPlan.js';
export { SeededRandom } from './seededRandom.js';
export type { DemoTrial, DemoTrialOptions } from './createDemoTrial.js';
export { createDemoTrial, crfSubjectId, DEMO_PROTOCOL_ID } from './createDemoTrial.js';
export type { DemoMismatch } from './verifyDemoTrial.js';
export { verifyDemoTrial, doseHistoryOf, plannedLastDoseDay } from './verifyDemoTrial.js';
