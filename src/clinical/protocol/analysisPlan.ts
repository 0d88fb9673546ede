/**
 * The statistical analysis plan as data: the design and its hypothesis, the populations and subgroups of
 * the analyses, the landmarks and thresholds the tables use, and the tables and figures of the report. The
 * report layer reads nothing else about the trial.
 */

/** The single-arm design that sized the trial and states its hypothesis H0: p <= p0 (one-sided). */
export type StudyDesign =
  | {
      readonly kind: 'single-stage-exact';
      readonly p0: number;
      readonly p1: number;
      readonly alpha: number;
      readonly power: number;
      /** Evaluable subjects the design needs, before drop-out. */
      readonly sampleSize: number;
      readonly dropout: number;
      readonly citation: string;
    }
  | {
      readonly kind: 'simon-two-stage';
      readonly p0: number;
      readonly p1: number;
      readonly alpha: number;
      readonly power: number;
      readonly optimality: 'optimal' | 'minimax';
      /** Stage 1: n1 subjects; stop for futility with r1 or fewer responses. */
      readonly n1: number;
      readonly r1: number;
      /** Both stages: n subjects; the regimen is rejected with r or fewer responses. */
      readonly n: number;
      readonly r: number;
      readonly citation: string;
    };

/** One level of a subgroup variable: the ADSL value and how the report names it. */
export interface SubgroupLevel {
  readonly value: string;
  readonly label: string;
}

/**
 * A subgroup the SAP asks to compare: an ADSL variable, its levels in print order, and the pairs of levels
 * to test (Fisher for rates, log-rank for times). Subjects with another value (or null) are left out of it.
 */
export interface SubgroupDefinition {
  readonly id: string;
  readonly label: string;
  readonly variable: string;
  readonly levels: readonly SubgroupLevel[];
  readonly comparisons: readonly (readonly [string, string])[];
}

/** A category of a baseline row group: the ADSL values it counts (e.g. ECOG 0 and 1 together) and its label. */
export interface BaselineLevel {
  readonly values: readonly (string | number)[];
  readonly label: string;
  /** 'present': the row is printed only when some subject has the value (rare categories). */
  readonly show?: 'always' | 'present';
}

/**
 * A row group of the baseline characteristics table (intent-to-treat population), read from ADSL.
 * - heading: a section heading;
 * - continuous: median (range) of a numeric variable;
 * - categorical: n (%) per level, with a "Missing" row always, when any subject is missing it, or never;
 *   percentages of all subjects, or of those with a value ('non-missing', e.g. a stage not every subject has);
 * - flags: n (%) of subjects with each Y flag, optionally only the flags above a fraction of subjects,
 *   sorted by frequency (e.g. "prior treatments in > 50% of patients").
 */
export type BaselineCharacteristic =
  | { readonly kind: 'heading'; readonly label: string; readonly id?: string }
  | { readonly kind: 'continuous'; readonly variable: string; readonly label: string }
  | {
      readonly kind: 'categorical';
      readonly variable: string;
      readonly label: string;
      readonly levels: readonly BaselineLevel[];
      readonly missing: 'always' | 'when-any' | 'never';
      readonly missingLabel?: string;
      readonly denominator: 'all' | 'non-missing';
      /** The levels print as rows under the continuous summary of another variable (e.g. age bands under age). */
      readonly indentOnly?: boolean;
    }
  | {
      readonly kind: 'flags';
      /** Stable row key of the group's heading in the report (default: derived from the label). */
      readonly id?: string;
      readonly label: string;
      readonly flags: readonly { readonly variable: string; readonly label: string }[];
      readonly onlyAboveFraction?: number;
      readonly sortByFrequency: boolean;
    };

/** A dashed guide line of the waterfall plot: a threshold of the response criteria on the percentage change. */
export interface WaterfallReferenceLine {
  /** Percentage change from baseline, e.g. -50. */
  readonly percentChange: number;
  /** e.g. '−50% (PR)'. */
  readonly label: string;
}

/** An abbreviation the report explains under every table or figure whose text uses it. */
export interface Abbreviation {
  readonly abbreviation: string;
  readonly meaning: string;
}

export interface AnalysisPlan {
  readonly design: StudyDesign;
  /** The evaluator of the primary endpoint (an evaluator id of the response binding), e.g. 'IRC'. */
  readonly primaryEvaluator: string;
  /** ADSL flag of the primary efficacy population, e.g. 'FASFL'. */
  readonly efficacyPopulation: string;
  /** ADSL flag of the safety population, e.g. 'SAFFL'. */
  readonly safetyPopulation: string;
  /**
   * ADSL flag of the population of the baseline characteristics and the deaths table (usually the
   * intent-to-treat population). Absent: the first analysis set with the rule 'enrolled', else the efficacy
   * population.
   */
  readonly baselinePopulation?: string;
  readonly confLevel: number;
  readonly baselineCharacteristics: readonly BaselineCharacteristic[];
  /** Footnotes and abbreviations of the baseline table. */
  readonly baselineNotes: { readonly footnotes: readonly string[]; readonly abbreviations: readonly string[] };
  /** Subgroups for response rates and the forest plot. */
  readonly responseSubgroups: readonly SubgroupDefinition[];
  /** Subgroups for time-to-event summaries and KM curves. */
  readonly survivalSubgroups: readonly SubgroupDefinition[];
  /** The ADTTE parameters summarised (table and KM figure each), in report order. */
  readonly timeToEventEndpoints: readonly { readonly paramcd: string; readonly landmarkMonths: readonly number[]; readonly withFollowUp: boolean; readonly paperReference?: string }[];
  /** Numbers at risk under KM curves every this many months. */
  readonly atRiskEveryMonths: number;
  /** Minimum any-grade frequency (0-1) of a preferred term in the related-AE table. */
  readonly aeTermThreshold: number;
  /** Days after the first dose within which a death counts as early. */
  readonly earlyDeathDays: number;
  /** Most lanes of the swimmer plot. */
  readonly swimmerMaxLanes: number;
  /** The paper's own table or figure each report item reproduces, by item id (reference protocols only). */
  readonly paperReferences: Readonly<Record<string, string>>;
  /** Guide lines of the waterfall plot (the criteria's thresholds); absent or empty: none. */
  readonly waterfallReferenceLines?: readonly WaterfallReferenceLine[];
  /**
   * Abbreviations of the protocol's own words (evaluators, staging systems, ...): each table and figure of
   * the report lists those its text uses.
   */
  readonly abbreviations?: readonly Abbreviation[];
}
