import type { DemoDefinition, DemoPlanOptions } from '../../../demo/index.js';
import type { CohortPlan } from './cohortPlanTypes.js';
import { createCohortPlan, DEFAULT_COHORT_SEED, PUBLISHED_ENROLLED, SYNTHETIC_NOTE } from './createCohortPlan.js';
import { createDemoTrial, type DemoTrial } from './createDemoTrial.js';
import { verifyDemoTrial } from './verifyDemoTrial.js';

/**
 * The folders whose code a cohort plan depends on, relative to the source root: the generic demo tools, this
 * protocol's folder (the generator and the regimen whose ladder the safety plan follows) and the core it
 * calibrates and checks with, the scoreboard's grading included (reproduce, and the report model its index
 * brings: the search grades the survival rows with compareToPublished). nct05236621Demo.test.ts walks the
 * generator's imports to keep this complete.
 */
const PLAN_CODE_FOLDERS: readonly string[] = Object.freeze(['demo', 'protocols/nct05236621', 'clinical', 'stats', 'result', 'reproduce', 'report']);

/**
 * NCT05236621's demo trial as the generic demo contract (src/demo): the calibrated SYNTHETIC twin of the
 * published trial (createCohortPlan, about 2 s), rendered into raw case report forms (createDemoTrial,
 * milliseconds), and verified through the clinical core (verifyDemoTrial).
 */
export const NCT05236621_DEMO: DemoDefinition<CohortPlan> = Object.freeze({
  synthetic: true,
  description:
    'SYNTHETIC twin of NCT05236621: 109 invented patients screened (85 enrolled) at 32 invented sites, as raw case report forms ' +
    'calibrated so that trialkit derives the published results of Zhou et al., Ann Hematol 2023. Not real patient data.',
  syntheticNote: SYNTHETIC_NOTE,
  defaultSeed: DEFAULT_COHORT_SEED,
  calibratedSize: PUBLISHED_ENROLLED,
  planCodeFolders: PLAN_CODE_FOLDERS,
  createPlan: (options: DemoPlanOptions = {}): CohortPlan =>
    createCohortPlan({ ...(options.seed === undefined ? {} : { seed: options.seed }), ...(options.size === undefined ? {} : { size: options.size }) }),
  renderTrial: (plan: CohortPlan) => createDemoTrial({ plan }),
  verify: (demo: DemoTrial) => verifyDemoTrial(demo),
});
