/** Immunofixation result: the protein is detectable (positive) or not (negative). */
export type Immunofixation = 'positive' | 'negative';

/**
 * The disease measurements of one assessment (or of baseline). A field that is absent was not done.
 * Units are in the names: g/L for serum M-protein, mg/24 h for urine M-protein, mg/L for free light chains,
 * % for bone-marrow plasma cells, cm^2 for the sum of the products of plasmacytoma diameters (SPD).
 */
export interface ImwgMeasurements {
  readonly serumMProteinGPerL?: number;
  readonly urineMProteinMgPer24h?: number;
  readonly kappaFlcMgPerL?: number;
  readonly lambdaFlcMgPerL?: number;
  readonly serumImmunofixation?: Immunofixation;
  readonly urineImmunofixation?: Immunofixation;
  readonly boneMarrowPlasmaCellsPct?: number;
  /** Sum of the products of the diameters of soft-tissue plasmacytomas; 0 = none seen. */
  readonly plasmacytomaSpdCm2?: number;
  /** A new bone lesion or soft-tissue plasmacytoma was found at this assessment. */
  readonly newLesion?: boolean;
  /** Clonal plasma cells in the marrow by immunohistochemistry or flow (needed for sCR). */
  readonly clonalPlasmaCellsInMarrow?: boolean;
}

/** Baseline measurements; the date is optional and, when given, every assessment must follow it. */
export interface ImwgBaseline extends ImwgMeasurements {
  readonly date?: string;
}

/** A post-baseline assessment: its ISO date (YYYY-MM-DD) and what was measured. */
export interface ImwgAssessment extends ImwgMeasurements {
  readonly date: string;
}

/** Everything the engine needs for one patient. */
export interface ImwgPatientInput {
  readonly baseline: ImwgBaseline;
  readonly assessments: readonly ImwgAssessment[];
  /** Start of new anti-myeloma therapy: assessments on or after it are ignored. */
  readonly newTherapyDate?: string;
  /** Death date: a PD at the last evaluable assessment followed by death counts as confirmed. */
  readonly deathDate?: string;
}

/** The numeric measurement fields, for validation and nadir tracking. */
export const NUMERIC_MEASUREMENTS = Object.freeze([
  'serumMProteinGPerL',
  'urineMProteinMgPer24h',
  'kappaFlcMgPerL',
  'lambdaFlcMgPerL',
  'boneMarrowPlasmaCellsPct',
  'plasmacytomaSpdCm2',
] as const);

export const IMMUNOFIXATION_MEASUREMENTS = Object.freeze(['serumImmunofixation', 'urineImmunofixation'] as const);

export const BOOLEAN_MEASUREMENTS = Object.freeze(['newLesion', 'clonalPlasmaCellsInMarrow'] as const);
