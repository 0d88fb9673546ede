// Analysis datasets (CDISC ADaM-like) derived from the raw CRFs: create* builds a dataset.
export type { Derivation, Flag } from './derivation.js';
export { createAdsl, ageGroup } from './createAdsl.js';
export type { AdslRow, AgeGroup, StageValue, CompletionStatus } from './createAdsl.js';
export { PRIOR_AGENT_GROUPS, normaliseAgent } from './priorTherapyGroups.js';
export type { PriorAgentFlag } from './priorTherapyGroups.js';
export { createAdrs, EVALUATOR_SOURCES, MARROW_MATCH_DAYS } from './createAdrs.js';
export type { AdrsRow, AdrsEvaluator } from './createAdrs.js';
export {
  ASSESSMENT_INTERVAL_DAYS,
  ASSESSMENT_WINDOW_DAYS,
  MISSED_ASSESSMENTS_FOR_CENSORING,
  MAX_EVENT_GAP_DAYS,
  CENSORING,
  CENSORING_DESCRIPTIONS,
  progressionOutcome,
} from './endpointRules.js';
export type { ProgressionInput, ProgressionOutcome } from './endpointRules.js';
export { createAdtte } from './createAdtte.js';
export type { AdtteRow, AdttParamcd } from './createAdtte.js';
export { createAdae, TEAE_WINDOW_DAYS_AFTER_LAST_DOSE } from './createAdae.js';
export type { AdaeRow } from './createAdae.js';
export { AE_GROUPS, aeGroupsOf } from './aeGroupings.js';
export type { AeGroup } from './aeGroupings.js';
export { countSubjects, summarizeAdverseEvents, tabulateAdverseEventsByTerm } from './summarizeAdverseEvents.js';
export type { SubjectCount, TeaeOverview, TermCount } from './summarizeAdverseEvents.js';
export { createAdlb } from './createAdlb.js';
export type { AdlbRow, RangeIndicator } from './createAdlb.js';
export { createAdex, CYCLE_DAYS } from './createAdex.js';
export type { AdexRow, DrugExposure } from './createAdex.js';
export { summarizeExposure } from './summarizeExposure.js';
export type { DrugModificationCounts } from './summarizeExposure.js';
export { PFS_CENSORING_EXAMPLES } from './endpointRules.js';
export type { ProgressionExample } from './endpointRules.js';
export { createAdamDatasets } from './createAdamDatasets.js';
export type { AdamDatasets } from './createAdamDatasets.js';
