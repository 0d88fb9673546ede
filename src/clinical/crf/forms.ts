import type {
  AeAction,
  AeOutcome,
  DataSource,
  DeathCause,
  DiscontinuationReason,
  DoseModificationReason,
  Evaluator,
  Relationship,
  Sex,
  VitalStatus,
} from './codelists.js';
import type { FieldValue, FormRow } from './formDefinition.js';

/**
 * The standard oncology case report forms as the generic derivations read them (after validation by the
 * schema built from their metadata, standardForms.ts): raw values in fixed units, never a derived answer.
 * Response, stage, lab grade, PFS are derived in src/clinical/adam. The only judgements stored are the ones
 * a person records on the form itself (the investigator's AE grade and causality, investigator/IRC response
 * calls, the best response of a prior line from the medical record).
 *
 * A protocol may add fields to the forms marked extensible (demographics, diagnosis, prior therapy): they
 * arrive under their own keys and are read only by the protocol's bindings. Disease-specific forms (tumour
 * assessments, a myeloma's M-protein panel, ...) are the protocol's own and sit in `diseaseForms`.
 */

/** Extra fields a protocol adds to an extensible standard form. */
export interface FormExtras {
  readonly [key: string]: FieldValue | undefined;
}

/** Subject identification and enrolment: subject id is '<site>-<sequence>', e.g. '07-012'. */
export interface SubjectForm {
  readonly subjectId: string;
  readonly siteId: string;
  readonly screeningNumber: string;
  readonly consentDate: string;
  /** Present when the subject was enrolled; absent for a screen failure. */
  readonly enrolmentDate?: string;
  readonly screenFailure: boolean;
  readonly screenFailureReason?: string;
}

export interface DemographicsForm extends FormExtras {
  readonly birthDate: string;
  readonly sex: Sex;
  readonly weightKg: number;
  readonly heightCm: number;
  /** ECOG performance status 0-4. */
  readonly ecog: number;
}

/** Medical history of the disease under study: the date of initial diagnosis plus the protocol's own fields. */
export interface DiagnosisForm extends FormExtras {
  readonly diagnosisDate: string;
}

/** One prior line of anticancer therapy (agents as generic names, e.g. 'lenalidomide'). */
export interface PriorTherapyForm extends FormExtras {
  readonly lineNumber: number;
  readonly agents: readonly string[];
  readonly cycles?: number;
  readonly startDate: string;
  readonly endDate?: string;
  /** Best response on the line, on the protocol's response scale. */
  readonly bestResponse?: string;
  readonly refractory: boolean;
  readonly progressionDate?: string;
}

/** One laboratory result as reported, in the reporting lab's unit; LLN/ULN in the same unit. */
export interface LabForm {
  readonly date: string;
  readonly visit: string;
  readonly analyte: string;
  readonly value: number;
  readonly unit: string;
  readonly lln?: number;
  readonly uln?: number;
  readonly source: DataSource;
}

/**
 * Dosing log, one row per cycle and drug of the regimen. Doses are per administration in the drug's unit
 * (the regimen says which: mg/day, mg per weekly dose, mg/m2 per infusion); `plannedDoseMg` is the dose the
 * protocol assigned for this cycle, `doseGivenMg` what was given. `endDate` is the last dose of the cycle.
 */
export interface DosingForm {
  readonly cycle: number;
  /** A drug id of the protocol's regimen. */
  readonly drug: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly plannedDoseMg: number;
  readonly plannedDays: number;
  readonly doseGivenMg: number;
  readonly daysGiven: number;
  /** The cycle started later than scheduled. */
  readonly delayed: boolean;
  /** Doses were held within the cycle. */
  readonly interrupted: boolean;
  /** The dose was lowered in this cycle. */
  readonly reduced: boolean;
  readonly modificationReason?: DoseModificationReason;
}

export interface AdverseEventForm {
  /** Site's sequence number of the AE on the form. */
  readonly sequence: number;
  readonly reportedTerm: string;
  /** MedDRA preferred term, as coded. */
  readonly preferredTerm: string;
  readonly systemOrganClass?: string;
  readonly onsetDate: string;
  readonly endDate?: string;
  /** CTCAE grade recorded by the investigator (1-5). */
  readonly grade: number;
  readonly serious: boolean;
  /** Causality per drug of the regimen (drug id -> relationship). */
  readonly relatedness: Readonly<Record<string, Relationship>>;
  /** Action taken with each drug of the regimen (drug id -> action). */
  readonly actionTaken: Readonly<Record<string, AeAction>>;
  /** The AE led the subject to leave the study. */
  readonly ledToStudyDiscontinuation: boolean;
  readonly outcome: AeOutcome;
}

/** A response call as recorded by a person (the investigator on the CRF, or the IRC's charter form). */
export interface ResponseCallForm {
  readonly date: string;
  readonly evaluator: Evaluator;
  /** A category of the protocol's response scale. */
  readonly response: string;
}

/** What an IRC adjudication is about: one assessment (by its date) or the best overall response of the case. */
export const IRC_ADJUDICATION_SCOPES = ['assessment', 'bestOverall'] as const;

/**
 * The IRC's adjudicated response, stored as a CRF record of the subject behind a blinded case. The server
 * fills in what the IRC saw beside its call (the response derived from the central data, the investigator's
 * call) so the record keeps the context of the decision; overriding the derived response needs a reason.
 */
export interface IrcAdjudicationForm {
  readonly scope: (typeof IRC_ADJUDICATION_SCOPES)[number];
  /** The central assessment adjudicated; absent for the best overall response. */
  readonly assessmentDate?: string;
  readonly response: string;
  /** The response derived from the central data when the IRC decided (absent: none derivable). */
  readonly derivedResponse?: string;
  /** The investigator's call for the same assessment or best response (absent: not recorded). */
  readonly investigatorResponse?: string;
  readonly reason?: string;
}

export interface NewTherapyForm {
  readonly startDate: string;
  readonly agents: readonly string[];
}

export interface EndForm {
  readonly date: string;
  readonly reason: DiscontinuationReason;
  readonly reasonText?: string;
}

export interface DispositionForm {
  readonly endOfTreatment?: EndForm;
  readonly endOfStudy?: EndForm;
}

export interface DeathForm {
  readonly date: string;
  readonly cause: DeathCause;
  readonly causeText?: string;
}

export interface SurvivalContactForm {
  readonly date: string;
  readonly status: VitalStatus;
}

/** Everything recorded for one subject. A screen failure carries the subject form and little else. */
export interface SubjectRecord {
  readonly subject: SubjectForm;
  readonly demographics?: DemographicsForm;
  readonly diagnosis?: DiagnosisForm;
  readonly priorTherapies: readonly PriorTherapyForm[];
  readonly labs: readonly LabForm[];
  readonly dosing: readonly DosingForm[];
  readonly adverseEvents: readonly AdverseEventForm[];
  readonly responseCalls: readonly ResponseCallForm[];
  readonly newTherapies: readonly NewTherapyForm[];
  readonly disposition: DispositionForm;
  readonly death?: DeathForm;
  readonly survivalContacts: readonly SurvivalContactForm[];
  /** The protocol's disease-specific forms, by form id (a 'one' form has at most one row). */
  readonly diseaseForms: Readonly<Record<string, readonly FormRow[]>>;
}

export interface Site {
  readonly siteId: string;
  readonly name: string;
}
