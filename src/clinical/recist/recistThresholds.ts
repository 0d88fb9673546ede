/**
 * The numbers of RECIST 1.1 (Eisenhauer EA et al., Eur J Cancer 2009;45:228-247), as data. A protocol may
 * choose other values for the two intervals (the standard leaves the SD minimum to the protocol); the engine
 * reads them from here or from its options, never from a constant of its own.
 */
export interface RecistThresholds {
  /** PR: sum of diameters at least 30% below the baseline sum (section 4.3.1). */
  readonly partialResponsePercent: number;
  /** PD: sum at least 20% above the smallest sum on study, baseline included (section 4.3.1)... */
  readonly progressionPercent: number;
  /** ... and at least 5 mm above it in absolute terms. */
  readonly progressionAbsoluteMm: number;
  /** A lymph node is normal (non-pathological) below this short axis (section 3.1.1: < 10 mm). */
  readonly nodeNormalShortAxisMm: number;
  /** Smallest measurable longest diameter of a non-nodal lesion by CT (section 3.1.1: 10 mm). */
  readonly measurableLesionMm: number;
  /** Smallest short axis of a lymph node measurable as a target (section 3.1.1: 15 mm). */
  readonly measurableNodeShortAxisMm: number;
  /** At most five target lesions in all (section 3.3.1)... */
  readonly maxTargetLesions: number;
  /** ... and two per organ (all lymph nodes together are one organ: RECIST working group FAQ). */
  readonly maxTargetLesionsPerOrgan: number;
  /** CR and PR need a confirming assessment no less than 4 weeks later (section 4.4, 28 days). */
  readonly confirmationDays: number;
  /**
   * SD as best response needs an assessment at least this many days after the baseline date. RECIST 1.1
   * (section 4.4) leaves the interval to the protocol ("in general, not less than 6-8 weeks"); 42 days is
   * trialkit's default, the lower end.
   */
  readonly stableDiseaseMinimumDays: number;
  /**
   * NE assessments tolerated between a response and its confirmation. Not in RECIST; the convention of
   * pharmaverse admiralonco (`max_nr_ne = 1`), so that a CRO's ADaM and trialkit agree.
   */
  readonly confirmationMaxNotEvaluableBetween: number;
}

export const RECIST_1_1_THRESHOLDS: RecistThresholds = Object.freeze({
  partialResponsePercent: 30,
  progressionPercent: 20,
  progressionAbsoluteMm: 5,
  nodeNormalShortAxisMm: 10,
  measurableLesionMm: 10,
  measurableNodeShortAxisMm: 15,
  maxTargetLesions: 5,
  maxTargetLesionsPerOrgan: 2,
  confirmationDays: 28,
  stableDiseaseMinimumDays: 42,
  confirmationMaxNotEvaluableBetween: 1,
});
