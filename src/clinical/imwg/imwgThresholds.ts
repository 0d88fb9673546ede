/**
 * The thresholds that decide whether a patient has measurable disease at baseline and what a normal free
 * light chain ratio is. They are parameters of a rule set because protocols move them (this trial accepts
 * serum M-protein >= 5 g/L where the standard asks for >= 10 g/L); the response and progression
 * percentages are the standard's own and live in the rules.
 */
export interface ImwgThresholds {
  /** Serum M-protein that makes serum measurable (g/L): IMWG 10, this trial 5. */
  readonly measurableSerumMProteinGPerL: number;
  /** Urine M-protein that makes urine measurable (mg/24 h): 200. */
  readonly measurableUrineMProteinMgPer24h: number;
  /** Involved serum free light chain that makes FLC measurable (mg/L), with an abnormal ratio: 100. */
  readonly measurableInvolvedFlcMgPerL: number;
  /** Normal kappa/lambda ratio, inclusive (serum FLC assay): 0.26 to 1.65. */
  readonly flcRatioNormalLow: number;
  readonly flcRatioNormalHigh: number;
  /** Baseline bone-marrow plasma cells (%) needed to follow the marrow when nothing else is measurable: 30. */
  readonly measurableBoneMarrowPlasmaCellsPct: number;
}

/** Kumar et al. 2016 (Lancet Oncol 17:e328), measurable disease as the standard defines it. */
export const IMWG_2016_STANDARD_THRESHOLDS: ImwgThresholds = Object.freeze({
  measurableSerumMProteinGPerL: 10,
  measurableUrineMProteinMgPer24h: 200,
  measurableInvolvedFlcMgPerL: 100,
  flcRatioNormalLow: 0.26,
  flcRatioNormalHigh: 1.65,
  measurableBoneMarrowPlasmaCellsPct: 30,
});

/** This trial's protocol (Zhou et al., Ann Hematol 2023): serum M-protein >= 5 g/L is measurable. */
export const IMWG_2016_TRIAL_THRESHOLDS: ImwgThresholds = Object.freeze({
  ...IMWG_2016_STANDARD_THRESHOLDS,
  measurableSerumMProteinGPerL: 5,
});
