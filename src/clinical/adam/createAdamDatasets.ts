import type { TrialData } from '../crf/index.js';
import type { Issue } from '../../result/index.js';
import { createAdae, type AdaeRow } from './createAdae.js';
import { createAdex, type AdexRow } from './createAdex.js';
import { createAdlb, type AdlbRow } from './createAdlb.js';
import { createAdrs, type AdrsRow } from './createAdrs.js';
import { createAdsl, type AdslRow } from './createAdsl.js';
import { createAdtte, type AdtteRow } from './createAdtte.js';

/** The six analysis datasets of a trial. */
export interface AdamDatasets {
  readonly adsl: readonly AdslRow[];
  readonly adrs: readonly AdrsRow[];
  readonly adtte: readonly AdtteRow[];
  readonly adae: readonly AdaeRow[];
  readonly adlb: readonly AdlbRow[];
  readonly adex: readonly AdexRow[];
}

/**
 * Every ADaM dataset of a trial in dependency order (ADSL first; ADTTE needs ADRS), with the issues of all
 * six derivations. The report, the EDC's dashboard, the reproduction check and the demo's verifier all derive
 * through this one function, so they can never disagree on what the datasets are.
 */
export function createAdamDatasets(trial: TrialData): { readonly datasets: AdamDatasets; readonly issues: readonly Issue[] } {
  const adsl = createAdsl(trial);
  const adrs = createAdrs(trial, adsl.dataset);
  const adtte = createAdtte(trial, adsl.dataset, adrs.dataset);
  const adae = createAdae(trial, adsl.dataset);
  const adlb = createAdlb(trial, adsl.dataset);
  const adex = createAdex(trial, adsl.dataset);
  return Object.freeze({
    datasets: Object.freeze({ adsl: adsl.dataset, adrs: adrs.dataset, adtte: adtte.dataset, adae: adae.dataset, adlb: adlb.dataset, adex: adex.dataset }),
    issues: Object.freeze([adsl, adrs, adtte, adae, adlb, adex].flatMap((d) => d.issues)),
  });
}
