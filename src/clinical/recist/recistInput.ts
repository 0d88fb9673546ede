/**
 * One patient's tumour assessments as the RECIST engine reads them: the baseline lesions (each target or
 * non-target, nodal or not) and, at every later assessment, a result for each baseline lesion plus the
 * new-lesion finding. Sizes are in millimetres: the longest diameter, the short axis for lymph nodes.
 */
export type RecistLesionKind = 'target' | 'non-target';

export interface RecistBaselineLesion {
  /** Unique within the patient; assessments refer to it. */
  readonly id: string;
  readonly kind: RecistLesionKind;
  /** A lymph node: measured by its short axis, normal when < 10 mm. */
  readonly nodal: boolean;
  /** Required for a target lesion; optional for a non-target one (recorded, not used). */
  readonly diameterMm?: number | null;
  /** Optional organ name for the two-targets-per-organ rule; every lymph node counts as one organ. */
  readonly organ?: string | null;
}

export interface RecistBaseline {
  readonly date: string;
  readonly lesions: readonly RecistBaselineLesion[];
}

/** A target lesion at an assessment: 0 = disappeared, null = not evaluated. */
export interface RecistTargetMeasurement {
  readonly id: string;
  readonly diameterMm: number | null;
}

/**
 * A non-target lesion at an assessment. For a lymph node, 'absent' means non-pathological (< 10 mm short
 * axis). 'unequivocal-progression' is the reader's call (RECIST 1.1 section 4.3.3).
 */
export type RecistNonTargetStatus = 'absent' | 'present' | 'unequivocal-progression' | 'not-evaluated';

export interface RecistNonTargetObservation {
  readonly id: string;
  readonly status: RecistNonTargetStatus;
}

export type RecistLesionResult = RecistTargetMeasurement | RecistNonTargetObservation;

/** 'equivocal': seen but not yet unequivocally a new lesion (not PD at that assessment). */
export type RecistNewLesion = 'no' | 'yes' | 'equivocal';

export interface RecistAssessment {
  readonly date: string;
  /** One entry for every baseline lesion. */
  readonly lesions: readonly RecistLesionResult[];
  readonly newLesion: RecistNewLesion;
}

export interface RecistPatientInput {
  readonly baseline: RecistBaseline;
  /** In increasing date order, all after the baseline date. */
  readonly assessments: readonly RecistAssessment[];
}

export const RECIST_NON_TARGET_STATUSES: readonly RecistNonTargetStatus[] = Object.freeze([
  'absent',
  'present',
  'unequivocal-progression',
  'not-evaluated',
]);
export const RECIST_NEW_LESION_VALUES: readonly RecistNewLesion[] = Object.freeze(['no', 'yes', 'equivocal']);
