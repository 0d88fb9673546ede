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

export type AdamDatasetName = keyof AdamDatasets;

/** The datasets in the order they are derived and their issues listed. */
export const ADAM_DATASET_NAMES: readonly AdamDatasetName[] = Object.freeze(['adsl', 'adrs', 'adtr', 'adtte', 'adae', 'adlb', 'adex', 'adcm', 'addv']);

export interface AdamDerivation {
  readonly datasets: AdamDatasets;
  /** Every derivation's issues, dataset by dataset in ADAM_DATASET_NAMES order. */
  readonly issues: readonly Issue[];
  /** The same issues by dataset (a dataset left out has none). */
  readonly issuesByDataset: Readonly<Record<AdamDatasetName, readonly Issue[]>>;
}

/**
 * Every ADaM dataset of a trial in dependency order (ADSL first; ADTTE needs ADRS), with the issues of all
 * derivations. The report, the EDC's dashboard, the reproduction check, the CDISC package and the demo's
 * verifier all derive through this one function, so they can never disagree on what the datasets are.
 *
 * `only`: the datasets to derive, for a caller that derives the others elsewhere (the report derives ADLB
 * on a second thread); the others are empty and have no issues. ADSL is always derived (every other dataset
 * reads it) but its issues are listed only when it is asked for; ADRS likewise when ADTTE is asked for.
 */
export function createAdamDatasets(trial: TrialData, protocol: ProtocolDefinition, only?: ReadonlySet<AdamDatasetName>): AdamDerivation {
  const wanted = (name: AdamDatasetName) => only === undefined || only.has(name);
  const none = { dataset: Object.freeze([]), issues: Object.freeze([]) } as const;
  const adsl = createAdsl(trial, protocol);
  const adrs = wanted('adrs') || wanted('adtte') ? createAdrs(trial, protocol, adsl.dataset) : none;
  const adtr = wanted('adtr') ? createAdtr(trial, protocol, adsl.dataset) : none;
  const adtte = wanted('adtte') ? createAdtte(trial, protocol, adsl.dataset, adrs.dataset) : none;
  const adae = wanted('adae') ? createAdae(trial, protocol, adsl.dataset) : none;
  const adlb = wanted('adlb') ? createAdlb(trial, adsl.dataset) : none;
  const adex = wanted('adex') ? createAdex(trial, protocol, adsl.dataset) : none;
  const adcm = wanted('adcm') ? createAdcm(trial, adsl.dataset) : none;
  const addv = wanted('addv') ? createAddv(trial, protocol, adsl.dataset) : none;
  const derived = { adsl, adrs, adtr, adtte, adae, adlb, adex, adcm, addv };
  const issuesByDataset = Object.freeze(Object.fromEntries(ADAM_DATASET_NAMES.map((name) => [name, wanted(name) ? derived[name].issues : Object.freeze([])])) as Record<AdamDatasetName, readonly Issue[]>);
  return Object.freeze({
    datasets: Object.freeze({ adsl: adsl.dataset, adrs: adrs.dataset, adtr: adtr.dataset, adtte: adtte.dataset, adae: adae.dataset, adlb: adlb.dataset, adex: adex.dataset, adcm: adcm.dataset, addv: addv.dataset }),
    issues: Object.freeze(ADAM_DATASET_NAMES.flatMap((name) => issuesByDataset[name])),
    issuesByDataset,
  });
}
