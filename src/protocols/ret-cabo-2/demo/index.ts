// RET-CABO-2's SYNTHETIC demo trial: the seeded plan (the latent truth of every invented subject), its
// rendering into the protocol's raw case report forms, and the check that derives everything back.
// RET_CABO_2_DEMO is the generic demo contract, registered as the protocol module's demo.
export type {
  AdverseEventPlan,
  CyclePlan,
  EnrolledSubjectPlan,
  LesionPlan,
  PlannedBestResponse,
  PlannedReaderOutcome,
  RetDemoPlan,
  ScanPlan,
  ScreenFailurePlan,
  TumourCourse,
} from './retDemoPlanTypes.js';
export { courseMix, createRetDemoPlan, RET_DEMO_DEFAULT_SEED, RET_DEMO_SIZE, RET_DEMO_SYNTHETIC_NOTE, RET_DEMO_WINDOW } from './createRetDemoPlan.js';
export { renderRetDemoTrial } from './renderRetDemoTrial.js';
export { verifyRetDemoTrial } from './verifyRetDemoTrial.js';
export { RET_CABO_2_DEMO } from './retCabo2Demo.js';
