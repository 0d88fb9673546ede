import type { ImwgMeasurements } from './imwgMeasurements.js';
import type { ImwgResponse } from './imwgResponse.js';
import type { ImwgThresholds } from './imwgThresholds.js';
import type { MeasurableParameters } from './measurableParameters.js';

/**
 * Whether meeting a rule once is enough. Laboratory findings need two consecutive assessments (Kumar 2016:
 * "all response categories require two consecutive assessments"); bone-marrow and imaging findings do not.
 */
export type ImwgConfirmation = 'two-consecutive' | 'none';

/** Lowest values so far (see `confirmedNadir`), per parameter; null when there is nothing to compare with. */
export interface ImwgNadirs {
  readonly serumMProteinGPerL: number | null;
  readonly urineMProteinMgPer24h: number | null;
  readonly dflcMgPerL: number | null;
  readonly boneMarrowPlasmaCellsPct: number | null;
  readonly plasmacytomaSpdCm2: number | null;
}

/** What a rule sees at one assessment. */
export interface ImwgRuleContext {
  readonly thresholds: ImwgThresholds;
  readonly measurable: MeasurableParameters;
  readonly baseline: ImwgMeasurements;
  /** The assessment's own measurements. */
  readonly current: ImwgMeasurements;
  /** Nadirs from baseline and the assessments before this one. */
  readonly nadir: ImwgNadirs;
  /**
   * The latest post-baseline marrow findings at or before this assessment: marrow is not repeated each
   * cycle and needs no confirmation, so a result stands until the next marrow.
   */
  readonly marrowPlasmaCellsPct: number | null;
  readonly clonalPlasmaCellsInMarrow: boolean | null;
  /** The latest SPD at or before this assessment, baseline included (imaging is not repeated each cycle). */
  readonly plasmacytomaSpdCm2: number | null;
}

/**
 * One named criterion of the standard: evaluated in list order, the first rule that applies gives the
 * assessment its category.
 */
export interface ImwgRule {
  readonly id: string;
  readonly category: ImwgResponse;
  /** The standard's wording (Kumar 2016, table 2), as a reviewer would check it. */
  readonly wording: string;
  readonly confirmation: ImwgConfirmation;
  readonly applies: (context: ImwgRuleContext) => boolean;
}
