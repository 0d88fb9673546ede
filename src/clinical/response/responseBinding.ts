import type { Issue, IssuePath } from '../../result/index.js';
import type { DataSource, Evaluator, SubjectRecord } from '../crf/index.js';
import type { DayNumber } from '../dates/index.js';
import type { ResponseScale } from './responseScale.js';

/**
 * How a protocol's response criteria read its forms: the contract between the generic ADRS/ADTR
 * derivations (and the EDC's live logic) and a standard's engine. A standard (IMWG, RECIST, ...) ships a
 * factory that builds a binding from the protocol's form ids; the protocol composes it. Nothing outside a
 * standard's folder and the protocols knows which measurements a response is made of.
 */

/** Who assesses response, from which data, and how ADaM names it. */
export interface EvaluatorDefinition {
  /** ADRS/ADTTE EVALUATOR value, e.g. 'IRC', 'INVESTIGATOR'. */
  readonly id: string;
  readonly label: string;
  /** Whose measurements the evaluator reads: the central laboratory/reader or the site's. */
  readonly source: DataSource;
  /** The evaluator value on response call forms. */
  readonly recordedBy: Evaluator;
  /** Suffix of this evaluator's ADTTE parameter codes ('' for the primary evaluator, e.g. 'INV'). */
  readonly paramSuffix: string;
}

export interface ResponseEvaluationInput {
  readonly record: SubjectRecord;
  /** Where the record sits in the trial, so issues point at the form field (['subjects', 3]). */
  readonly recordPath: IssuePath;
  readonly source: DataSource;
  /** Baseline is the last assessment on or before this day (the first dose, else enrolment). */
  readonly referenceDay: DayNumber;
  /** Assessments after the data cutoff are ignored. */
  readonly cutoffDay: DayNumber;
  readonly newTherapyDate: string | null;
  readonly deathDate: string | null;
}

export interface EvaluatedAssessment {
  readonly date: string;
  readonly visit: string | null;
  /** A category of the scale. */
  readonly response: string;
  /** The category is confirmed by a later assessment as the criterion requires. */
  readonly confirmed: boolean;
  /** The rule of the criterion that decided the category. */
  readonly rule: string | null;
}

export interface ResponseEvaluation {
  /** A baseline assessment of this source exists on or before the reference day. */
  readonly baselineFound: boolean;
  /** Assessments of this source after the reference day (up to the cutoff). */
  readonly postBaselineCount: number;
  readonly assessments: readonly EvaluatedAssessment[];
  /** Best confirmed overall response; the scale's not-evaluable code when none. */
  readonly best: string;
  /** Why the best response is not evaluable ('no-baseline', 'no-postbaseline', 'not-evaluable', 'not-confirmed', ...). */
  readonly bestReason: string | null;
  /** First assessment of the confirmed best response when it is a response. */
  readonly firstResponseDate: string | null;
  /** Date of progression by the criterion (its own dating rules), null when none. */
  readonly progressionDate: string | null;
}

/** One measurable quantity behind the response (e.g. serum M-protein, sum of target lesion diameters). */
export interface MeasurementParameter {
  /** ADTR PARAMCD (<= 8 characters). */
  readonly code: string;
  readonly label: string;
  readonly unit: string;
}

export interface MeasurementPoint {
  readonly parameter: string;
  readonly date: string;
  readonly visit: string | null;
  readonly value: number;
}

export interface ResponseBinding {
  readonly scale: ResponseScale;
  readonly evaluators: readonly EvaluatorDefinition[];
  /** Form ids whose records feed the evaluation (saving one re-derives the live response). */
  readonly assessmentForms: readonly string[];
  /** Evaluates one subject for one source; issues name form fields under input.recordPath. */
  evaluate(input: ResponseEvaluationInput): { readonly result: ResponseEvaluation; readonly issues: readonly Issue[] };
  /** The quantities behind the response, in the order the waterfall prefers them as a subject's primary one. */
  readonly parameters: readonly MeasurementParameter[];
  /**
   * The words a reader sees for each rule id an evaluated assessment names (EvaluatedAssessment.rule, ADRS
   * RULE), e.g. in the report's subject profiles; an id without a label is shown as its words.
   */
  readonly ruleLabels?: ReadonlyMap<string, string>;
  /** The measurements of one source, every date (baseline included); the waterfall, ADTR and the IRC trajectory read them. */
  measurements(record: SubjectRecord, source: DataSource): readonly MeasurementPoint[];
}
