import type { Issue, IssuePath } from '../../result/index.js';
import type { Codelist, FormDefinition, SdtmFormAnnotations, SubjectRecord } from '../crf/index.js';
import type { EligibilityCriteriaSet } from '../eligibility/index.js';
import type { RegimenDefinition } from '../regimen/index.js';
import type { ResponseBinding } from '../response/index.js';
import type { LabAnalyte } from '../units/index.js';
import type { AnalysisPlan } from './analysisPlan.js';

/**
 * A protocol as one typed value: everything the generic engines need to run and analyse a trial, from the
 * screening form to the report's tables. A protocol lives in one folder (src/protocols/<id>/) and composes
 * the standards of src/clinical (IMWG, RECIST, CTCAE, ISS ...) with its own data; the EDC, the derivations,
 * the statistics plan, the report and the CDISC package read it and nothing else about the trial.
 */

export interface ProtocolIdentity {
  /** Registry id, e.g. 'NCT05236621'. */
  readonly registryId: string;
  readonly title: string;
  readonly shortTitle: string;
  readonly phase: string;
  /** Design in words, e.g. 'single-arm, open-label, multicentre'. */
  readonly design: string;
  readonly indication: string;
  readonly sponsor: string;
  /** The publication or registry record the protocol follows. */
  readonly citation: string;
  /** Column heading of the single arm, e.g. 'Drug A + drug B'. */
  readonly armLabel: string;
}

/** A visit of the schedule of assessments and the forms expected at it. */
export interface VisitDefinition {
  /** Visit label stored on forms, or its pattern for repeating visits ('C{n}D1', 'TA{n}'). */
  readonly id: string;
  readonly label: string;
  readonly kind: 'screening' | 'treatment' | 'response-assessment' | 'end-of-treatment' | 'follow-up';
  /** Repeating visits: every this many days from cycle 1 day 1 (treatment: the cycle length). */
  readonly everyDays?: number;
  /** Allowed distance (days) from the planned date. */
  readonly windowDays: number;
  /** Form ids expected at the visit. */
  readonly forms: readonly string[];
}

export interface ScheduleOfAssessments {
  readonly visits: readonly VisitDefinition[];
  /** Response is assessed every this many days from cycle 1 day 1 (the clock of the censoring rules). */
  readonly responseAssessmentEveryDays: number;
  readonly responseAssessmentWindowDays: number;
}

/**
 * Time-to-event endpoints (ADTTE parameters) and how each is derived: progression endpoints follow the
 * FDA 2018 censoring rules with the schedule's assessment interval; `evaluator` names an evaluator of the
 * response binding.
 */
export type EndpointKind = 'progression-free-survival' | 'duration-of-response' | 'time-to-response' | 'overall-survival' | 'treatment-duration' | 'follow-up';

export interface EndpointDefinition {
  /** ADTTE PARAMCD (<= 8 characters), e.g. 'PFS', 'PFSINV', 'OS'. */
  readonly paramcd: string;
  readonly kind: EndpointKind;
  readonly label: string;
  /** The evaluator whose responses define the event (progression endpoints only). */
  readonly evaluator?: string;
}

/** The FDA 2018 censoring rules' parameters (clinical-rules.md section 6). */
export interface CensoringRules {
  /** An event after this many missed scheduled assessments is censored at the last adequate one. */
  readonly missedAssessments: number;
  /** What a new anticancer therapy is called in censoring descriptions. */
  readonly newTherapyLabel: string;
}

/**
 * Analysis populations as data: an ADSL flag and the rule that sets it.
 * - enrolled: every enrolled subject (on or before the cutoff);
 * - treated: at least one dose (of the listed drugs, or any study drug);
 * - treated-and-assessed: treated, and at least one response assessment of any source (baseline counts);
 * - response-evaluable: treated, with an assessment on or before the first dose (baseline) and at least
 *   one after it.
 */
export interface AnalysisSetDefinition {
  /** ADSL flag, e.g. 'ITTFL', 'FASFL', 'SAFFL'. */
  readonly flag: string;
  readonly name: string;
  readonly rule: { readonly kind: 'enrolled' } | { readonly kind: 'treated' | 'treated-and-assessed' | 'response-evaluable'; readonly drugs: 'any' | readonly string[] };
  readonly description: string;
}

/** A disease-specific ADSL variable the protocol derives (e.g. a stage, a histology). */
export interface SubjectVariableDefinition {
  /** ADSL name (<= 8 characters, upper case). */
  readonly name: string;
  readonly label: string;
  readonly type: 'text' | 'number';
  /** For text variables with closed values: the values in print order with their labels. */
  readonly levels?: readonly { readonly value: string; readonly label: string }[];
  /** How the value is derived, for define.xml and the reader (e.g. 'ISS by Greipp 2005 from B2M and albumin'). */
  readonly derivation: string;
}

export interface SubjectVariableContext {
  readonly record: SubjectRecord;
  readonly recordPath: IssuePath;
  /** Age at consent in whole years. */
  readonly ageYears: number | null;
}

export interface SubjectVariables {
  readonly variables: readonly SubjectVariableDefinition[];
  /** The values for one subject (every declared variable, null when unknown) and the issues met. */
  derive(context: SubjectVariableContext): { readonly values: Readonly<Record<string, string | number | null>>; readonly issues: readonly Issue[] };
}

/** An age band of ADSL.AGEGR1: [minYears, maxYears] in whole years, either end open. */
export interface AgeGroupDefinition {
  readonly label: string;
  readonly minYears?: number;
  readonly maxYears?: number;
}

/** A prior-therapy class: the ADSL flag set when any prior line contains one of the agents. */
export interface PriorTherapyGroup {
  readonly flag: string;
  readonly label: string;
  readonly agents: readonly string[];
}

/** Adverse events of special interest: a group matches an AE by preferred term or system organ class. */
export interface AeGroup {
  readonly id: string;
  readonly label: string;
  readonly preferredTerms: readonly string[];
  readonly systemOrganClasses: readonly string[];
}

/**
 * What the SDTM mapping needs from the protocol beyond its forms: the annotations of the protocol's own fields
 * (the annotated CRF as data) and facts the case report forms do not collect. Not served to the EDC.
 */
export interface ProtocolSdtm {
  /** ISO 3166-1 alpha-3 code of the country of every site (DM.COUNTRY): sites carry no country in the trial data. */
  readonly country?: string;
  readonly forms: SdtmFormAnnotations;
  /** The trial summary facts (SDTM TS) the rest of the definition does not state. */
  readonly trialSummary?: TrialSummaryFacts;
}

/**
 * One meaning of an electronic signature (21 CFR 11.50(a)(3)): the statement the signer reads before the
 * password is asked, written on the signature record and shown with it wherever the signed record is shown.
 */
export interface SignatureMeaning {
  /** A stable code the signer's choice is sent as ('approval', 'review'): letters, digits, - and _. */
  readonly id: string;
  /** A few words to choose by, when a scope offers more than one meaning. */
  readonly label: string;
  /** The statement itself, in the first person, as the signer makes it. */
  readonly statement: string;
}

/** What the investigator's signature of one form and of a whole casebook may mean in this protocol (one or more each). */
export interface SignatureMeanings {
  readonly form: readonly SignatureMeaning[];
  readonly casebook: readonly SignatureMeaning[];
}

/**
 * Why a trial summary parameter has no value (SDTM TSVALNF, ISO 21090 null flavours): NA not applicable, NI no
 * information (the protocol does not say), UNK applicable but unknown, PINF no upper limit.
 */
export type TrialSummaryNullFlavor = 'NA' | 'NI' | 'UNK' | 'PINF';

/** A value of a trial summary parameter: text, with its code in a dictionary (TSVALCD/TSVCDREF) only when verified. */
export interface TrialSummaryValue {
  readonly value: string;
  readonly code?: { readonly code: string; readonly dictionary: string; readonly version?: string };
}

/**
 * Trial summary parameters as the protocol states them, by TSPARMCD (e.g. OBJPRIM, PLANSUB, TBLIND): one or more
 * values (a string is a value; a CDISC CT term gets its code from the CT table of the SDTM mapping), or the null
 * flavour that says why there is none. A parameter stated here overrides what the SDTM mapping would derive
 * from the identity, the eligibility criteria or the regimen; one stated nowhere gets TSVALNF NI.
 */
export type TrialSummaryFacts = Readonly<Record<string, readonly (string | TrialSummaryValue)[] | { readonly nullFlavor: TrialSummaryNullFlavor; readonly why: string }>>;

export interface ProtocolDefinition {
  /** Folder id, lower case, e.g. 'nct05236621'. */
  readonly id: string;
  /** Version of this definition (changes when the protocol is amended). */
  readonly version: string;
  readonly identity: ProtocolIdentity;
  readonly eligibility: EligibilityCriteriaSet;
  readonly regimen: RegimenDefinition;
  readonly schedule: ScheduleOfAssessments;
  /** Every form the EDC collects, screening first. */
  readonly forms: readonly FormDefinition[];
  readonly codelists: readonly Codelist[];
  /** The laboratory analytes the protocol collects (and CTCAE grades). */
  readonly labAnalytes: readonly LabAnalyte[];
  readonly response: ResponseBinding;
  readonly endpoints: readonly EndpointDefinition[];
  readonly censoring: CensoringRules;
  readonly analysisSets: readonly AnalysisSetDefinition[];
  readonly subjectVariables: SubjectVariables;
  /** Age bands of AGEGR1, in print order. */
  readonly ageGroups: readonly AgeGroupDefinition[];
  readonly priorTherapyGroups: readonly PriorTherapyGroup[];
  readonly aeGroups: readonly AeGroup[];
  /** Treatment-emergent window: first dose to this many days after the last dose. */
  readonly teaeWindowDaysAfterLastDose: number;
  readonly analysisPlan: AnalysisPlan;
  /** What an investigator's electronic signature of a form or of a casebook means (stated at signing, stored with it). */
  readonly signatureMeanings: SignatureMeanings;
  /** The SDTM annotations of the protocol's forms (absent: its disease forms are not mapped to SDTM). */
  readonly sdtm?: ProtocolSdtm;
}
