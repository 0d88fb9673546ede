import { flcRatio, type InvolvedChain } from './freeLightChains.js';
import type { ImwgMeasurements } from './imwgMeasurements.js';
import type { ImwgThresholds } from './imwgThresholds.js';

/** The parameter whose relative change is reported for an assessment. */
export type PrimaryParameter = 'serum' | 'urine' | 'flc' | 'bmpc';

/**
 * The baseline parameters that qualified the patient and are followed for response (Kumar 2016, "measurable
 * disease"). Serum and urine can both be followed; FLC only when neither is measurable; bone-marrow plasma
 * cells only when none of the three is and baseline BMPC >= 30%. Plasmacytomas present at baseline add the
 * SPD condition to PR/VGPR/MR/CR but never qualify a patient on their own.
 */
export interface MeasurableParameters {
  readonly serum: boolean;
  readonly urine: boolean;
  readonly flc: boolean;
  readonly bmpc: boolean;
  readonly plasmacytoma: boolean;
  /** The involved chain, read from the baseline ratio (set whenever both chains were measured and the ratio is abnormal). */
  readonly involvedChain: InvolvedChain | null;
  /** The first followed of serum, urine, FLC, BMPC; null when nothing is measurable. */
  readonly primary: PrimaryParameter | null;
}

export function measurableParameters(baseline: ImwgMeasurements, thresholds: ImwgThresholds): MeasurableParameters {
  const serum = (baseline.serumMProteinGPerL ?? -1) >= thresholds.measurableSerumMProteinGPerL;
  const urine = (baseline.urineMProteinMgPer24h ?? -1) >= thresholds.measurableUrineMProteinMgPer24h;
  const ratio = flcRatio(baseline);
  let involvedChain: InvolvedChain | null = null;
  if (ratio !== null && ratio > thresholds.flcRatioNormalHigh) involvedChain = 'kappa';
  else if (ratio !== null && ratio < thresholds.flcRatioNormalLow) involvedChain = 'lambda';
  else if (ratio === null && (baseline.kappaFlcMgPerL ?? 0) > 0 && baseline.lambdaFlcMgPerL === 0) involvedChain = 'kappa';
  const involvedLevel =
    involvedChain === 'kappa' ? baseline.kappaFlcMgPerL : involvedChain === 'lambda' ? baseline.lambdaFlcMgPerL : undefined;
  const flc = !serum && !urine && involvedLevel !== undefined && involvedLevel >= thresholds.measurableInvolvedFlcMgPerL;
  const bmpc =
    !serum && !urine && !flc && (baseline.boneMarrowPlasmaCellsPct ?? -1) >= thresholds.measurableBoneMarrowPlasmaCellsPct;
  const plasmacytoma = (baseline.plasmacytomaSpdCm2 ?? 0) > 0;
  const primary: PrimaryParameter | null = serum ? 'serum' : urine ? 'urine' : flc ? 'flc' : bmpc ? 'bmpc' : null;
  return Object.freeze({ serum, urine, flc, bmpc, plasmacytoma, involvedChain, primary });
}
