import type { TrialData } from '../crf/index.js';
import type { ProtocolDefinition } from '../protocol/index.js';
import type { Issue } from '../../result/index.js';
import { createAdae, type AdaeRow } from './createAdae.js';
import { createAdcm, type AdcmRow } from './createAdcm.js';
import { createAddv, type AddvRow } from './createAddv.js';
import { createAdex, type AdexRow } from './createAdex.js';
import { createAdlb, type AdlbRow } from './createAdlb.js';
import { createAdrs, type AdrsRow } from './createAdrs.js';
import { createAdsl, type AdslRow } from './createAdsl.js';
import { createAdtr, type AdtrRow } from './createAdtr.js';
import { createAdtte, type AdtteRow } from './createAdtte.js';

/** The analysis datasets of a trial. */
export interface AdamDatasets {
  readonly adsl: readonly AdslRow[];
  readonly adrs: readonly AdrsRow[];
  readonly adtr: readonly AdtrRow[];
  readonly adtte: readonly AdtteRow[];
  readonly adae: readonly AdaeRow[];
  readonly adlb: readonly AdlbRow[];
  readonly adex: readonly AdexRow[];
  /** Subsequent anticancer therapies, one row per agent. */
  readonly adcm: readonly AdcmRow[];
  /** Protocol deviations of the enrolled subjects, one row per deviation (empty when the protocol keeps no log). */
  readonly addv: readonly AddvRow[];
}

/**
 * Every ADaM dataset of a trial in dependency order (ADSL first; ADTTE needs ADRS), with the issues of all
 * derivations. The report, the EDC's dashboard, the reproduction check, the CDISC package and the demo's
 * verifier all derive through this one function, so they can never disagree on what the datasets are.
 */
export function createAdamDatasets(trial: TrialData, protocol: ProtocolDefinition): { readonly datasets: AdamDatasets; readonly issues: readonly Issue[] } {
  const adsl = createAdsl(trial, protocol);
  const adrs = createAdrs(trial, protocol, adsl.dataset);
  const adtr = createAdtr(trial, protocol, adsl.dataset);
  const adtte = createAdtte(trial, protocol, adsl.dataset, adrs.dataset);
  const adae = createAdae(trial, protocol, adsl.dataset);
  const adlb = createAdlb(trial, adsl.dataset);
  const adex = createAdex(trial, protocol, adsl.dataset);
  const adcm = createAdcm(trial, adsl.dataset);
  const addv = createAddv(trial, protocol, adsl.dataset);
  return Object.freeze({
    datasets: Object.freeze({ adsl: adsl.dataset, adrs: adrs.dataset, adtr: adtr.dataset, adtte: adtte.dataset, adae: adae.dataset, adlb: adlb.dataset, adex: adex.dataset, adcm: adcm.dataset, addv: addv.dataset }),
    issues: Object.freeze([adsl, adrs, adtr, adtte, adae, adlb, adex, adcm, addv].flatMap((d) => d.issues)),
  });
}
