import type { LabAnalyte } from '../units/index.js';

/**
 * The vocabulary in which eligibility criteria are written as data. Each rule type is evaluated by the
 * generic engine (evaluateRule) against a screening record and yields met / not met / not evaluable.
 * A criterion's status says whether the patient satisfies it as a condition of entry: for an exclusion
 * criterion "met" means the excluding condition is absent. Keys name the screening items the criteria set
 * declares (its labs, measures and facts), so a criterion can only read what the screening form collects.
 */

export interface AgentRequirement {
  readonly label: string;
  /** Any of these agents counts (lower-case generic names). */
  readonly agents: readonly string[];
  /** Cycles needed within a single line (a line is one regimen, so its cycles are consecutive). */
  readonly minCyclesInOneLine: number;
}

export type EligibilityRule =
  | { readonly type: 'age'; readonly minYears: number; readonly maxYears?: number }
  /** An ordinal item: 'ecog' (top-level) or a numeric fact key. */
  | { readonly type: 'ordinal-range'; readonly fact: string; readonly label: string; readonly min?: number; readonly max?: number }
  /** Every listed boolean fact must have the value `required` (true: all present; false: all absent). */
  | { readonly type: 'facts'; readonly facts: readonly string[]; readonly required: boolean }
  | { readonly type: 'prior-therapy'; readonly minLines: number; readonly maxLines?: number; readonly agentRequirements: readonly AgentRequirement[] }
  | { readonly type: 'progression-after-last-line'; readonly maxDaysAfterEnd: number }
  /** A disease measure at least `min` (e.g. serum M-protein >= 5 g/L; sum of target diameters >= 10 mm). */
  | { readonly type: 'measure'; readonly measure: string; readonly label: string; readonly min: number; readonly unit: string }
  /** A measure at least `min` together with a ratio measure outside its normal range (e.g. involved FLC with an abnormal FLC ratio). */
  | {
      readonly type: 'measure-with-abnormal-ratio';
      readonly measure: string;
      readonly label: string;
      readonly min: number;
      readonly unit: string;
      readonly ratio: string;
      readonly ratioLabel: string;
      readonly normalRatio: { readonly low: number; readonly high: number };
    }
  | { readonly type: 'lab'; readonly lab: string; readonly comparator: '>=' | '<='; readonly limit: number; readonly unit: string }
  | { readonly type: 'lab-times-uln'; readonly lab: string; readonly maxTimesUln: number }
  | { readonly type: 'creatinine-clearance'; readonly lab: string; readonly minMlPerMin: number }
  /** No event (a boolean history fact with its date fact) within `withinMonths` calendar months before enrolment. */
  | { readonly type: 'no-recent-event'; readonly historyFact: string; readonly dateFact: string; readonly label: string; readonly withinMonths: number }
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

/** A screening laboratory item: its key in the record, the analyte it measures (units/CTCAE), its label. */
export interface ScreeningLab {
  readonly key: string;
  readonly analyte: LabAnalyte;
  readonly label: string;
}

/** A disease measure collected at screening (always in this unit). */
export interface ScreeningMeasure {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  /** Plausible only up to this value: beyond it a query is raised in the EDC. */
  readonly softMax?: number;
  readonly softNote?: string;
}

/** Another fact collected at screening: a yes/no, an ordinal score or grade, or a date. */
export interface ScreeningFact {
  readonly key: string;
  readonly label: string;
  readonly type: 'boolean' | 'integer' | 'date';
  readonly min?: number;
  readonly max?: number;
  readonly help?: string;
}

/** What the screening form collects besides the items every protocol has (dates, age, sex, weight, ECOG, prior lines). */
export interface ScreeningItems {
  readonly labs: readonly ScreeningLab[];
  readonly measures: readonly ScreeningMeasure[];
  readonly facts: readonly ScreeningFact[];
  /** Facts that only make sense together, e.g. a date only when the history fact is true. */
  readonly factRules: readonly { readonly dateFact: string; readonly onlyWhen: string }[];
}

export interface EligibilityCriteriaSet {
  readonly protocol: string;
  readonly version: string;
  readonly source: string;
  readonly screening: ScreeningItems;
  readonly criteria: readonly EligibilityCriterion[];
}

/**
 * A worked example of one criterion: the fields that differ from a protocol's example eligible record, the
 * criterion's status and why. Paths are dotted (`labs.anc.value`, `priorTherapyLines.2.progressionDate`);
 * `undefined` removes a field.
 */
export interface EligibilityExample {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly status: 'met' | 'not met' | 'not evaluable';
  readonly why: string;
}
