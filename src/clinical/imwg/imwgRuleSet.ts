import type { ImwgConfirmation, ImwgRule } from './imwgRule.js';
import { imwg2016Rules } from './imwgRules.js';
import { IMWG_2016_STANDARD_THRESHOLDS, IMWG_2016_TRIAL_THRESHOLDS, type ImwgThresholds } from './imwgThresholds.js';

/**
 * A versioned response standard: the ordered rules, the measurable-disease thresholds they are read with,
 * and its citation. The engine (`computeImwgResponse`) knows nothing clinical beyond what is here.
 */
export interface ImwgRuleSet {
  /** The standard and its version, e.g. 'IMWG-2016'. */
  readonly standard: string;
  /** Which reading of the standard: 'trial' (this protocol) or 'standard'. */
  readonly variant: string;
  readonly citation: string;
  readonly thresholds: ImwgThresholds;
  /** Whether one SD assessment is enough or SD, like every response category, needs two in a row. */
  readonly stableDiseaseConfirmation: ImwgConfirmation;
  readonly rules: readonly ImwgRule[];
}

export const IMWG_2016_CITATION =
  'Kumar SK et al. International Myeloma Working Group consensus criteria for response and minimal residual disease ' +
  'assessment in multiple myeloma. Lancet Oncol 2016;17(8):e328-e346. doi:10.1016/S1470-2045(16)30206-6';

export function createImwgRuleSet(options: {
  readonly variant: string;
  readonly thresholds: ImwgThresholds;
  readonly stableDiseaseConfirmation: ImwgConfirmation;
}): ImwgRuleSet {
  return Object.freeze({
    standard: 'IMWG-2016',
    variant: options.variant,
    citation: IMWG_2016_CITATION,
    thresholds: Object.freeze({ ...options.thresholds }),
    stableDiseaseConfirmation: options.stableDiseaseConfirmation,
    rules: imwg2016Rules(options.stableDiseaseConfirmation),
  });
}

/**
 * IMWG 2016 as the standard reads: serum M-protein >= 10 g/L is measurable, and SD needs no confirmation
 * (table 2 footnote: "each category, except for stable disease, will be considered unconfirmed until the
 * confirmatory test is performed").
 */
export const IMWG_2016_STANDARD: ImwgRuleSet = createImwgRuleSet({
  variant: 'standard',
  thresholds: IMWG_2016_STANDARD_THRESHOLDS,
  stableDiseaseConfirmation: 'none',
});

/**
 * IMWG 2016 as this trial applies it (the default): serum M-protein >= 5 g/L is measurable, and, as the
 * team's clinical rules say, every category including SD needs two consecutive assessments. A patient
 * with a single non-progression assessment is then NE ("evaluated without definitive assessments" in the
 * paper), not SD.
 */
export const IMWG_2016_TRIAL: ImwgRuleSet = createImwgRuleSet({
  variant: 'trial',
  thresholds: IMWG_2016_TRIAL_THRESHOLDS,
  stableDiseaseConfirmation: 'two-consecutive',
});
