/**
 * The latent truth of a SYNTHETIC trial: what each invented subject "really" is and what happens to them,
 * before it is rendered into raw case-report-form data. Nothing here is real patient data.
 *
 * Days are study days: day 1 is enrolment, which is also the first dose (C1D1); a time-to-event analysis
 * value is the study day itself (AVAL = end - start + 1). Assessments fall on day 1 of each 28-day cycle
 * (`assessmentDays`); every planned response or progression day is one of them.
 */

export type IssStage = 'I' | 'II' | 'III';
export type CytogeneticRisk = 'high' | 'standard';
export type BestResponse = 'sCR' | 'CR' | 'VGPR' | 'PR' | 'MR' | 'SD' | 'PD' | 'NE';
export type PlannedSubtype = 'IgG' | 'IgA' | 'IgD' | 'light-chain';
export type MeasurableParameter = 'serum-m-protein' | 'urine-m-protein' | 'serum-flc';
export type FishCall = 'positive' | 'negative' | 'not-done';
export type PfsCensorReason = 'ongoing' | 'no-post-baseline-assessment' | 'consent-withdrawn' | 'new-therapy' | 'missed-assessments';
export type OsCensorReason = 'alive-at-cutoff' | 'consent-withdrawn' | 'lost-to-follow-up';
export type TreatmentEndReason =
  | 'progressive-disease'
  | 'consent-withdrawn'
  | 'adverse-event'
  | 'investigator-decision'
  | 'death'
  | 'protocol-violation';
export type DeathCause = 'progressive-disease' | 'adverse-event' | 'other';

/** One screened subject who failed exactly one eligibility criterion (ids of src/clinical/eligibility). */
export interface ScreenFailurePlan {
  readonly synthetic: true;
  readonly subjectId: string;
  readonly siteId: string;
  readonly screeningDate: string;
  readonly age: number;
  readonly sex: 'M' | 'F';
  readonly failedCriterionId: string;
  readonly failedCriterionText: string;
  /** The value that fails, in words with its unit, for the renderer (e.g. 'ANC 0.8 x10^9/L'). */
  readonly failingValue: string;
}

export interface FishPanel {
  readonly del17p: FishCall;
  readonly t4_14: FishCall;
  readonly t14_16: FishCall;
  readonly gain1q21: FishCall;
  readonly del13q: FishCall;
}

export interface PriorTherapyPlan {
  readonly lines: number;
  /** Agents ever received (lower-case generic names). */
  readonly agents: readonly string[];
  readonly asct: boolean;
  readonly antiCd38: 'daratumumab' | 'isatuximab' | null;
  /** Days from the end of the last line to progression (<= 0: progressed on it); all qualify (<= 60). */
  readonly progressionDaysAfterLastLine: number;
}

export interface AdverseEventPlan {
  /** MedDRA preferred term, lower case as in Table 3 ('neutrophil count decreased'). */
  readonly term: string;
  readonly worstGrade: 1 | 2 | 3 | 4 | 5;
  readonly relatedToPomalidomide: boolean;
  readonly serious: boolean;
  readonly onsetDay: number;
  /** What was done with pomalidomide because of it. */
  readonly action: 'none' | 'dose-reduced' | 'interrupted' | 'withdrawn';
  /** The AE ended the subject's participation in the study (Table 2 "AEs leading to discontinuation of study"). */
  readonly ledToStudyDiscontinuation: boolean;
  readonly fatal: boolean;
  /** Related to dexamethasone too (absent: not related); such an AE drives a dexamethasone reduction. */
  readonly relatedToDexamethasone?: boolean;
  /** What was done with dexamethasone because of it (absent: nothing, or withdrawn with pomalidomide). */
  readonly actionDexamethasone?: 'dose-reduced';
}

export interface DosingPlan {
  /** Pomalidomide mg/day from a cycle on (cycle 1 at 4 mg first); each entry is a reduction. */
  readonly pomalidomideSteps: readonly { readonly fromCycle: number; readonly doseMg: 4 | 3 | 2 | 1 }[];
  readonly pomalidomideDelayedCycles: readonly number[];
  readonly pomalidomideInterruptedCycles: readonly number[];
  readonly dexamethasoneStartMg: 40 | 20;
  readonly dexamethasoneSteps: readonly { readonly fromCycle: number; readonly doseMg: number }[];
  /** Cycles with a weekly dexamethasone dose skipped (a dose adjustment without a reduction). */
  readonly dexamethasoneSkippedDoseCycles: readonly number[];
  readonly dexamethasoneDelayedCycles: readonly number[];
}

export interface EnrolledPatientPlan {
  readonly synthetic: true;
  readonly subjectId: string;
  readonly siteId: string;
  readonly screeningDate: string;
  readonly enrolmentDate: string;
  /** Study day of the data cutoff for this subject (cutoff - enrolment + 1). */
  readonly cutoffDay: number;
  readonly age: number;
  readonly sex: 'M' | 'F';
  readonly ecog: 0 | 1 | 2;
  readonly weightKg: number;
  readonly subtype: PlannedSubtype;
  readonly lightChain: 'kappa' | 'lambda';
  readonly measurableParameter: MeasurableParameter;
  /** Baseline value of the measurable parameter (g/L, mg/24 h or mg/L involved FLC). */
  readonly baselineMeasurableValue: number;
  readonly beta2MicroglobulinMgPerL: number;
  readonly albuminGPerL: number;
  readonly ldhUPerL: number;
  readonly ldhUpperLimitUPerL: number;
  readonly fish: FishPanel;
  /** What the staging engines should derive from the inputs above. */
  readonly intended: {
    readonly iss: IssStage;
    readonly riss: IssStage | null;
    readonly cytogeneticRisk: CytogeneticRisk | null;
  };
  readonly monthsSinceDiagnosis: number;
  readonly prior: PriorTherapyPlan;
  /** Study days of the assessments (day 1 of each cycle, baseline first) up to the last one done. */
  readonly assessmentDays: readonly number[];
  readonly response: {
    readonly irc: BestResponse;
    readonly investigator: BestResponse;
    /** First assessment at which the best-response level (or PR for responders) was reached; confirmed at the next. */
    readonly firstResponseDay: number | null;
    readonly bestResponseDay: number | null;
    /** The last assessment with an evaluable result (the PFS censoring day); null when none. */
    readonly lastAdequateAssessmentDay: number | null;
    /** Post-baseline assessments whose qualifying parameter is missing (not evaluable). */
    readonly notEvaluableDays: readonly number[];
  };
  readonly pfs: {
    readonly day: number;
    readonly event: 'progression' | 'death' | null;
    readonly censorReason: PfsCensorReason | null;
    /** First PD assessment (confirmed at the next assessment). */
    readonly progressionDay: number | null;
  };
  readonly os: {
    readonly day: number;
    readonly dead: boolean;
    readonly deathCause: DeathCause | null;
    readonly censorReason: OsCensorReason | null;
  };
  readonly treatment: {
    readonly lastDoseDay: number;
    readonly ongoing: boolean;
    readonly endReason: TreatmentEndReason | null;
  };
  readonly dosing: DosingPlan;
  readonly adverseEvents: readonly AdverseEventPlan[];
  readonly subsequentTherapies: readonly { readonly agent: string; readonly startDay: number }[];
  /** First anti-myeloma therapy after the study drug (the PFS new-therapy rule reads it). */
  readonly newTherapyDay: number | null;
}

export interface CohortPlan {
  readonly synthetic: true;
  readonly note: string;
  readonly seed: number;
  readonly calibrated: boolean;
  readonly dataCutoffDate: string;
  readonly firstScreeningDate: string;
  readonly lastScreeningDate: string;
  readonly sites: readonly string[];
  readonly screenFailures: readonly ScreenFailurePlan[];
  readonly patients: readonly EnrolledPatientPlan[];
}
