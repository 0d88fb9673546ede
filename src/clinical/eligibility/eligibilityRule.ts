import type { LabKey } from './screeningRecord.js';

/**
 * The vocabulary in which eligibility criteria are written as data. Each rule type is evaluated by the
 * generic engine (evaluateRule) against a screening record and yields met / not met / not evaluable.
 * A criterion's status says whether the patient satisfies it as a condition of entry: for an exclusion
 * criterion "met" means the excluding condition is absent.
 */
export type OrdinalFact = 'ecog' | 'peripheralNeuropathyGrade' | 'nyhaClass';

export type BooleanFact =
  | 'rrmmDiagnosis'
  | 'thalidomideIntolerance'
  | 'lenalidomideIntolerance'
  | 'pomalidomideIntolerance'
  | 'proteasomeInhibitorHypersensitivity'
  | 'dexamethasoneHypersensitivity'
  | 'otherIngredientHypersensitivity'
  | 'unstableOrPoorlyControlledAngina';

export interface AgentRequirement {
  readonly label: string;
  /** Any of these agents counts (lower-case generic names). */
  readonly agents: readonly string[];
  /** Cycles needed within a single line (a line is one regimen, so its cycles are consecutive). */
  readonly minCyclesInOneLine: number;
}

export type EligibilityRule =
  | { readonly type: 'age'; readonly minYears: number }
  | { readonly type: 'ordinal-range'; readonly fact: OrdinalFact; readonly label: string; readonly min?: number; readonly max?: number }
  /** Every listed fact must have the value `required` (true: all present; false: all absent). */
  | { readonly type: 'facts'; readonly facts: readonly BooleanFact[]; readonly required: boolean }
  | { readonly type: 'prior-therapy'; readonly minLines: number; readonly agentRequirements: readonly AgentRequirement[] }
  | { readonly type: 'progression-after-last-line'; readonly maxDaysAfterEnd: number }
  | {
      readonly type: 'disease-measure';
      readonly measure: 'serumMProteinGPerL' | 'urineMProteinMgPer24h';
      readonly label: string;
      readonly min: number;
      readonly unit: string;
    }
  | { readonly type: 'involved-flc'; readonly minMgPerL: number; readonly normalRatio: { readonly low: number; readonly high: number } }
  | { readonly type: 'lab'; readonly lab: LabKey; readonly comparator: '>=' | '<='; readonly limit: number; readonly unit: string }
  | { readonly type: 'lab-times-uln'; readonly lab: LabKey; readonly maxTimesUln: number }
  | { readonly type: 'creatinine-clearance'; readonly minMlPerMin: number }
  | { readonly type: 'no-recent-myocardial-infarction'; readonly withinMonths: number }
  | { readonly type: 'consent-before-procedures' }
  | { readonly type: 'any-of'; readonly rules: readonly EligibilityRule[] }
  | { readonly type: 'all-of'; readonly rules: readonly EligibilityRule[] };

export interface EligibilityCriterion {
  /** Stable identifier, e.g. `inc-anc`, `exc-neuropathy`. */
  readonly id: string;
  readonly kind: 'inclusion' | 'exclusion';
  /** The criterion as a condition of entry, in words. */
  readonly text: string;
  /** Where the protocol states it. */
  readonly source: string;
  readonly rule: EligibilityRule;
}

export interface EligibilityCriteriaSet {
  readonly protocol: string;
  readonly version: string;
  readonly source: string;
  readonly criteria: readonly EligibilityCriterion[];
}
