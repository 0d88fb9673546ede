import type { DemoDefinition, DemoPlanOptions, DemoTrial } from '../../../demo/index.js';
import { createRetDemoPlan, RET_DEMO_DEFAULT_SEED, RET_DEMO_SIZE, RET_DEMO_SYNTHETIC_NOTE } from './createRetDemoPlan.js';
import { renderRetDemoTrial } from './renderRetDemoTrial.js';
import type { RetDemoPlan } from './retDemoPlanTypes.js';
import { verifyRetDemoTrial } from './verifyRetDemoTrial.js';

/**
 * The folders whose code a plan depends on, relative to the source root: the generic demo tools, this
 * protocol's folder (the generator, the regimen whose ladder it follows, the analysis plan's design) and the
 * clinical core whose RECIST engine checks every subject's measurements (with result, which it imports).
 * retCabo2Demo.test.ts walks the generator's imports to keep this complete.
 */
const PLAN_CODE_FOLDERS: readonly string[] = Object.freeze(['demo', 'protocols/ret-cabo-2', 'clinical', 'stats', 'result']);

/**
 * RET-CABO-2's demo trial as the generic demo contract (src/demo): a SYNTHETIC single-arm phase 2 trial of
 * the example protocol, drawn from a seed (no publication to calibrate to), rendered into raw case report
 * forms and verified through the clinical core.
 */
export const RET_CABO_2_DEMO: DemoDefinition<RetDemoPlan> = Object.freeze({
  synthetic: true,
  description:
    `SYNTHETIC demo trial of the example protocol RET-CABO-2: about ${RET_DEMO_SIZE + Math.round(RET_DEMO_SIZE / 5)} invented patients screened ` +
    `(${RET_DEMO_SIZE} enrolled, Simon's full sample) at 6 invented sites, with RECIST 1.1 reads by IRC and investigator, ` +
    'cabozantinib dosing on the label\'s ladder and adverse events. Not real patient data; no published result is reproduced.',
  syntheticNote: RET_DEMO_SYNTHETIC_NOTE,
  defaultSeed: RET_DEMO_DEFAULT_SEED,
  calibratedSize: RET_DEMO_SIZE,
  planCodeFolders: PLAN_CODE_FOLDERS,
  createPlan: (options: DemoPlanOptions = {}): RetDemoPlan => createRetDemoPlan(options),
  renderTrial: (plan: RetDemoPlan): DemoTrial<RetDemoPlan> => renderRetDemoTrial(plan),
  verify: (demo: DemoTrial<RetDemoPlan>) => verifyRetDemoTrial(demo),
});
