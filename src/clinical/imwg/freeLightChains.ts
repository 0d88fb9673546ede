import type { ImwgMeasurements } from './imwgMeasurements.js';

/** The light chain that the clone makes, read from the baseline kappa/lambda ratio. */
export type InvolvedChain = 'kappa' | 'lambda';

/** kappa / lambda, or null when either was not measured or lambda is 0 (no ratio can be formed). */
export function flcRatio(m: ImwgMeasurements): number | null {
  const kappa = m.kappaFlcMgPerL;
  const lambda = m.lambdaFlcMgPerL;
  if (kappa === undefined || lambda === undefined || lambda === 0) return null;
  return kappa / lambda;
}

/** dFLC = involved minus uninvolved free light chain (mg/L); null when either chain is missing. */
export function differenceOfFreeLightChains(m: ImwgMeasurements, involved: InvolvedChain): number | null {
  const kappa = m.kappaFlcMgPerL;
  const lambda = m.lambdaFlcMgPerL;
  if (kappa === undefined || lambda === undefined) return null;
  return involved === 'kappa' ? kappa - lambda : lambda - kappa;
}

/** Whether the ratio lies in the normal range, inclusive; null when no ratio can be formed. */
export function isFlcRatioNormal(m: ImwgMeasurements, low: number, high: number): boolean | null {
  const kappa = m.kappaFlcMgPerL;
  const lambda = m.lambdaFlcMgPerL;
  if (kappa === undefined || lambda === undefined) return null;
  // Both chains undetectable: no clone to speak of, and a ratio of 0/0 is taken as normal.
  if (lambda === 0) return kappa === 0 ? true : false;
  const ratio = kappa / lambda;
  return ratio >= low && ratio <= high;
}
