// The SYNTHETIC twin of the published NCT05236621 trial: the calibrated cohort plan (latent truth per invented
// subject), its rendering into the protocol's raw case report forms, the check that derives everything back,
// and the comparison of the plan with every published number. NCT05236621_DEMO is the generic demo contract.
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
export {
  createCohortPlan,
  DEFAULT_COHORT_SEED,
  CALIBRATION_ITERATIONS,
  GRADE_CALIBRATION_ITERATIONS,
  GRADE_CALIBRATION_ROUNDS,
  PUBLISHED_ENROLLED,
  PUBLISHED_WINDOW,
  SYNTHETIC_NOTE,
} from './createCohortPlan.js';
export type { CohortMix } from './calibratedSkeleton.js';
export type { PlanTallies, Tally } from './computePlanTallies.js';
export { computePlanTallies, derivedStages } from './computePlanTallies.js';
export type { CiLimitComparison, Comparison, ComparisonStatus, PublishedResult } from './comparePlanToPublished.js';
export { CI_LIMIT_TOLERANCE_MONTHS, compareCiLimits, comparePlanToPublished, KNOWN_DEVIATIONS, RATE_CI_LIMIT_TOLERANCE_POINTS } from './comparePlanToPublished.js';
export { TABLE3_TRAES, TRAES_OF_INTEREST } from './safetyPlan.js';
export { TWIN_SURVIVAL_MISSES } from './twinSurvivalMisses.js';
export type { BaselineDiseaseRow, BoneMarrowRow, DiseaseAssessmentRow } from './diseaseFormRows.js';
export type { DemoTrial, DemoTrialOptions } from './createDemoTrial.js';
export { createDemoTrial } from './createDemoTrial.js';
export type { DemoMismatch } from './verifyDemoTrial.js';
export { computeDemoEligibility, verifyDemoTrial, doseHistoryOf, plannedLastDoseDay } from './verifyDemoTrial.js';
export { NCT05236621_DEMO } from './nct05236621Demo.js';
