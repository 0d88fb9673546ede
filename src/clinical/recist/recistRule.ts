import type { RecistNonTargetResponse, RecistOverallResponse, RecistTargetResponse } from './recistCategories.js';
import type { RecistNonTargetStatus } from './recistInput.js';
import type { RecistThresholds } from './recistThresholds.js';

/** A target lesion at one assessment, with what the baseline says about it. */
export interface RecistTargetLesionState {
  readonly id: string;
  readonly nodal: boolean;
  /** null = not evaluated. */
  readonly diameterMm: number | null;
}

/** What a target rule sees at one assessment. */
export interface RecistTargetContext {
  readonly thresholds: RecistThresholds;
  /** Every baseline target lesion, in baseline order; empty when the patient has no target disease. */
  readonly lesions: readonly RecistTargetLesionState[];
  /** Sum of diameters at baseline; null without target disease. */
  readonly baselineSumMm: number | null;
  /** Smallest complete sum at baseline or any earlier assessment (the PD reference); null without targets. */
  readonly nadirMm: number | null;
  /** Sum of diameters of this assessment; null when a target lesion was not evaluated. */
  readonly sumMm: number | null;
  /** Sum of the lesions that were evaluated: a lower bound of the true sum when some were not. */
  readonly evaluatedSumMm: number;
  /** An earlier assessment's overall response was CR (reappearance of disease is then PD). */
  readonly afterOverallCr: boolean;
}

/** A non-target lesion at one assessment. */
export interface RecistNonTargetLesionState {
  readonly id: string;
  readonly nodal: boolean;
  readonly status: RecistNonTargetStatus;
}

export interface RecistNonTargetContext {
  /** Every baseline non-target lesion, in baseline order; empty when the patient has none. */
  readonly lesions: readonly RecistNonTargetLesionState[];
  readonly afterOverallCr: boolean;
}

/**
 * One criterion of the standard: rules are evaluated in list order and the first that applies gives the
 * category. `wording` is the standard's text (or trialkit's reading of it) as a reviewer would check it;
 * `source` names the section, table or clarification it comes from.
 */
export interface RecistRule<C, R> {
  readonly id: string;
  readonly category: R;
  readonly wording: string;
  readonly source: string;
  readonly applies: (context: C) => boolean;
}

export type RecistTargetRule = RecistRule<RecistTargetContext, RecistTargetResponse>;
export type RecistNonTargetRule = RecistRule<RecistNonTargetContext, RecistNonTargetResponse>;

/** The new-lesion finding as Tables 1 and 2 know it: an equivocal lesion is read as 'no' there. */
export type RecistNewLesionFinding = 'no' | 'yes';

/** One row of RECIST 1.1 Table 1 or Table 2: the overall response of a combination. */
export interface RecistOverallRule {
  readonly id: string;
  /** e.g. 'Table 1, row 2'. */
  readonly source: string;
  readonly target: readonly RecistTargetResponse[];
  readonly nonTarget: readonly RecistNonTargetResponse[];
  readonly newLesion: readonly RecistNewLesionFinding[];
  readonly overall: RecistOverallResponse;
  readonly wording: string;
}
