import { z } from 'zod';
import {
  aeActionSchema,
  aeGradeSchema,
  aeOutcomeSchema,
  dataSourceSchema,
  deathCauseSchema,
  discontinuationReasonSchema,
  doseModificationReasonSchema,
  ecogSchema,
  evaluatorSchema,
  fishResultSchema,
  immunofixationSchema,
  isoDateSchema,
  lightChainTypeSchema,
  myelomaSubtypeSchema,
  relationshipSchema,
  responseCategorySchema,
  sexSchema,
  studyDrugSchema,
  vitalStatusSchema,
} from './codelists.js';

/**
 * The case report forms of the trial, one schema per form, as a site enters them in the EDC
 * (REDCap/OpenClinica-like): raw values in fixed units, never a derived answer. Response, stage, lab
 * grade, PFS are derived in src/clinical/adam; the only judgements stored here are the ones a person
 * records on the form itself (the investigator's AE grade and causality, investigator/IRC response calls,
 * the best response of a prior line from the medical record).
 */

const nonNegative = z.number().finite().min(0);
const positive = z.number().finite().positive();

/** Subject identification and enrolment: subject id is '<site>-<sequence>', e.g. '07-012'. */
export const subjectFormSchema = z.object({
  subjectId: z.string().regex(/^[A-Za-z0-9]+-\d+$/, { message: "'<site>-<sequence>', e.g. '07-012'" }),
  siteId: z.string().min(1),
  screeningNumber: z.string().min(1),
  consentDate: isoDateSchema,
  /** Present when the subject was enrolled; absent for a screen failure. */
  enrolmentDate: isoDateSchema.optional(),
  screenFailure: z.boolean(),
  screenFailureReason: z.string().optional(),
});

export const demographicsFormSchema = z.object({
  birthDate: isoDateSchema,
  sex: sexSchema,
  weightKg: positive,
  heightCm: positive,
  ecog: ecogSchema,
});

/** Medical history: the myeloma diagnosis. */
export const diagnosisFormSchema = z.object({
  diagnosisDate: isoDateSchema,
  subtype: myelomaSubtypeSchema,
  lightChainType: lightChainTypeSchema,
});

/** One prior line of anti-myeloma therapy (agents as generic names, e.g. 'lenalidomide'). */
export const priorTherapyFormSchema = z.object({
  lineNumber: z.number().int().min(1),
  agents: z.array(z.string().min(1)).min(1),
  cycles: z.number().int().min(0).optional(),
  startDate: isoDateSchema,
  endDate: isoDateSchema.optional(),
  asct: z.boolean(),
  bestResponse: responseCategorySchema.optional(),
  refractory: z.boolean(),
  progressionDate: isoDateSchema.optional(),
});

/** Baseline disease characteristics in the units printed on the form. */
export const baselineDiseaseFormSchema = z.object({
  sampleDate: isoDateSchema,
  beta2MicroglobulinMgPerL: nonNegative.optional(),
  albuminGPerL: nonNegative.optional(),
  ldhUPerL: nonNegative.optional(),
  ldhUlnUPerL: positive.optional(),
  fish: z.object({
    del17p: fishResultSchema,
    t4_14: fishResultSchema,
    t14_16: fishResultSchema,
    gain1q21: fishResultSchema,
    del13q: fishResultSchema,
  }),
});

/** One laboratory result as reported, in the reporting lab's unit; LLN/ULN in the same unit. */
export const labFormSchema = z.object({
  date: isoDateSchema,
  visit: z.string().min(1),
  analyte: z.string().min(1),
  value: z.number().finite(),
  unit: z.string().min(1),
  lln: z.number().finite().optional(),
  uln: z.number().finite().optional(),
  source: dataSourceSchema,
});

/**
 * One disease assessment (the IMWG measurements of one visit). 'central' rows are what the IRC reads,
 * 'local' rows the investigator's. Absent fields were not measured.
 */
export const diseaseAssessmentFormSchema = z.object({
  date: isoDateSchema,
  visit: z.string().min(1),
  source: dataSourceSchema,
  serumMProteinGPerL: nonNegative.optional(),
  urineMProteinMgPer24h: nonNegative.optional(),
  kappaFlcMgPerL: nonNegative.optional(),
  lambdaFlcMgPerL: nonNegative.optional(),
  serumImmunofixation: immunofixationSchema.optional(),
  urineImmunofixation: immunofixationSchema.optional(),
  boneMarrowPlasmaCellsPct: z.number().finite().min(0).max(100).optional(),
  plasmacytomaSpdCm2: nonNegative.optional(),
  newLesion: z.boolean().optional(),
});

/** Bone marrow aspirate/biopsy. */
export const boneMarrowFormSchema = z.object({
  date: isoDateSchema,
  plasmaCellsPct: z.number().finite().min(0).max(100),
  clonalPlasmaCells: z.enum(['present', 'absent', 'not-done']),
  method: z.enum(['aspirate', 'biopsy', 'both']),
});

/**
 * Dosing log, one row per cycle and drug. Doses are per administration (mg/day for pomalidomide, mg per
 * weekly dose for dexamethasone); `plannedDoseMg` is the dose the protocol assigned for this cycle,
 * `doseGivenMg` what was taken. `endDate` is the last dose of the cycle.
 */
export const dosingFormSchema = z.object({
  cycle: z.number().int().min(1),
  drug: studyDrugSchema,
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  plannedDoseMg: nonNegative,
  plannedDays: z.number().int().min(1),
  doseGivenMg: nonNegative,
  daysGiven: z.number().int().min(0),
  /** The cycle started later than scheduled. */
  delayed: z.boolean(),
  /** Doses were held within the cycle. */
  interrupted: z.boolean(),
  /** The dose was lowered in this cycle. */
  reduced: z.boolean(),
  modificationReason: doseModificationReasonSchema.optional(),
});

export const adverseEventFormSchema = z.object({
  /** Site's sequence number of the AE on the form. */
  sequence: z.number().int().min(1),
  reportedTerm: z.string().min(1),
  /** MedDRA preferred term, as coded. */
  preferredTerm: z.string().min(1),
  systemOrganClass: z.string().min(1).optional(),
  onsetDate: isoDateSchema,
  endDate: isoDateSchema.optional(),
  /** CTCAE v5 grade recorded by the investigator. */
  grade: aeGradeSchema,
  serious: z.boolean(),
  relationshipPomalidomide: relationshipSchema,
  relationshipDexamethasone: relationshipSchema,
  actionPomalidomide: aeActionSchema,
  actionDexamethasone: aeActionSchema,
  /** The AE led the subject to leave the study. */
  ledToStudyDiscontinuation: z.boolean(),
  outcome: aeOutcomeSchema,
});

/** A response call as recorded by a person (the investigator on the CRF, or the IRC's charter form). */
export const responseCallFormSchema = z.object({
  date: isoDateSchema,
  evaluator: evaluatorSchema,
  response: responseCategorySchema,
});

/** What an IRC adjudication is about: one assessment (by its date) or the best overall response of the case. */
export const IRC_ADJUDICATION_SCOPES = ['assessment', 'bestOverall'] as const;

/**
 * The IRC's adjudicated response, stored as a CRF record of the subject behind a blinded case. The server
 * fills in what the IRC saw beside its call (the IMWG response derived from the central-lab data, the
 * investigator's call) so the record keeps the context of the decision; overriding the derived response
 * needs a reason. The browser checks the same schema with the values it shows.
 */
export const ircAdjudicationFormSchema = z
  .object({
    scope: z.enum(IRC_ADJUDICATION_SCOPES),
    /** The central-lab assessment adjudicated; absent for the best overall response. */
    assessmentDate: isoDateSchema.optional(),
    response: responseCategorySchema,
    /** The IMWG response derived from the central-lab data when the IRC decided (null: none derivable). */
    derivedResponse: responseCategorySchema.nullable(),
    /** The investigator's call for the same assessment or best response (null: not recorded). */
    investigatorResponse: responseCategorySchema.nullable(),
    reason: z.string().trim().min(1).max(1000).optional(),
  })
  .superRefine((form, ctx) => {
    if ((form.scope === 'assessment') !== (form.assessmentDate !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['assessmentDate'], input: form.assessmentDate, message: 'an assessment date exactly when the scope is one assessment' });
    }
    if (form.response !== form.derivedResponse && form.reason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], input: form.reason, message: `a reason for overriding the derived response (${form.derivedResponse ?? 'none derived'})` });
    }
  });

export const newTherapyFormSchema = z.object({
  startDate: isoDateSchema,
  agents: z.array(z.string().min(1)).min(1),
});

const endFormSchema = z.object({ date: isoDateSchema, reason: discontinuationReasonSchema, reasonText: z.string().optional() });

export const dispositionFormSchema = z.object({
  endOfTreatment: endFormSchema.optional(),
  endOfStudy: endFormSchema.optional(),
});

export const deathFormSchema = z.object({ date: isoDateSchema, cause: deathCauseSchema, causeText: z.string().optional() });

export const survivalContactFormSchema = z.object({ date: isoDateSchema, status: vitalStatusSchema });

/** Everything recorded for one subject. A screen failure carries the subject form and little else. */
export const subjectRecordSchema = z.object({
  subject: subjectFormSchema,
  demographics: demographicsFormSchema.optional(),
  diagnosis: diagnosisFormSchema.optional(),
  priorTherapies: z.array(priorTherapyFormSchema).default([]),
  baselineDisease: baselineDiseaseFormSchema.optional(),
  labs: z.array(labFormSchema).default([]),
  diseaseAssessments: z.array(diseaseAssessmentFormSchema).default([]),
  boneMarrow: z.array(boneMarrowFormSchema).default([]),
  dosing: z.array(dosingFormSchema).default([]),
  adverseEvents: z.array(adverseEventFormSchema).default([]),
  responseCalls: z.array(responseCallFormSchema).default([]),
  newTherapies: z.array(newTherapyFormSchema).default([]),
  disposition: dispositionFormSchema.default({}),
  death: deathFormSchema.optional(),
  survivalContacts: z.array(survivalContactFormSchema).default([]),
});

export const siteSchema = z.object({ siteId: z.string().min(1), name: z.string().min(1) });

export type SubjectForm = z.infer<typeof subjectFormSchema>;
export type DemographicsForm = z.infer<typeof demographicsFormSchema>;
export type DiagnosisForm = z.infer<typeof diagnosisFormSchema>;
export type PriorTherapyForm = z.infer<typeof priorTherapyFormSchema>;
export type BaselineDiseaseForm = z.infer<typeof baselineDiseaseFormSchema>;
export type FishPanelForm = BaselineDiseaseForm['fish'];
export type LabForm = z.infer<typeof labFormSchema>;
export type DiseaseAssessmentForm = z.infer<typeof diseaseAssessmentFormSchema>;
export type BoneMarrowForm = z.infer<typeof boneMarrowFormSchema>;
export type DosingForm = z.infer<typeof dosingFormSchema>;
export type AdverseEventForm = z.infer<typeof adverseEventFormSchema>;
export type ResponseCallForm = z.infer<typeof responseCallFormSchema>;
export type IrcAdjudicationForm = z.infer<typeof ircAdjudicationFormSchema>;
export type NewTherapyForm = z.infer<typeof newTherapyFormSchema>;
export type DispositionForm = z.infer<typeof dispositionFormSchema>;
export type DeathForm = z.infer<typeof deathFormSchema>;
export type SurvivalContactForm = z.infer<typeof survivalContactFormSchema>;
export type SubjectRecord = z.infer<typeof subjectRecordSchema>;
export type Site = z.infer<typeof siteSchema>;
