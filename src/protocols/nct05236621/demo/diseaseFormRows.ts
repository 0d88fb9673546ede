import type { DataSource } from '../../../clinical/index.js';

/**
 * The disease forms of NCT05236621 (forms.ts) as the demo renders them: typed rows of the protocol's
 * `diseaseForms.baselineDisease`, `diseaseAssessment` and `boneMarrow` (type aliases, so that they are
 * FormRow values). validateTrialData checks every rendered row against the forms' metadata.
 */

export type FishResult = 'positive' | 'negative' | 'not-done';
export type Immunofixation = 'positive' | 'negative';

export type BaselineDiseaseRow = {
  readonly sampleDate: string;
  readonly beta2MicroglobulinMgPerL: number;
  readonly albuminGPerL: number;
  readonly ldhUPerL: number;
  readonly ldhUlnUPerL: number;
  readonly fish: {
    readonly del17p: FishResult;
    readonly t4_14: FishResult;
    readonly t14_16: FishResult;
    readonly gain1q21: FishResult;
    readonly del13q: FishResult;
  };
};

export type DiseaseAssessmentRow = {
  readonly date: string;
  readonly visit: string;
  readonly source: DataSource;
  readonly serumMProteinGPerL?: number;
  readonly urineMProteinMgPer24h?: number;
  readonly kappaFlcMgPerL?: number;
  readonly lambdaFlcMgPerL?: number;
  readonly serumImmunofixation?: Immunofixation;
  readonly urineImmunofixation?: Immunofixation;
  readonly boneMarrowPlasmaCellsPct?: number;
};

export type BoneMarrowRow = {
  readonly date: string;
  readonly plasmaCellsPct: number;
  readonly clonalPlasmaCells: 'present' | 'absent' | 'not-done';
  readonly method: 'aspirate' | 'biopsy' | 'both';
};
