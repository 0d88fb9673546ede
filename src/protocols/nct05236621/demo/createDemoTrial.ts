import type { DispositionForm, ScreeningRecord, SubjectRecord, SurvivalContactForm, TrialData } from '../../../clinical/index.js';
import { birthDateFor, crfSubjectId, deriveProtocolDeviations, SeededRandom, studyDate, type DemoTrial as GenericDemoTrial, type DeviationCategoryCodes } from '../../../demo/index.js';
import { NCT05236621_DEVIATION_FORM } from '../forms.js';
import { NCT05236621_ELIGIBILITY } from '../eligibility.js';
import { NCT05236621_PROTOCOL } from '../protocol.js';
import type { CohortPlan, EnrolledPatientPlan } from './cohortPlanTypes.js';
import { createCohortPlan, type CohortPlanOptions } from './createCohortPlan.js';
import { renderAdverseEvents } from './renderAdverseEvents.js';
import { renderDiseaseAssessments } from './renderDiseaseAssessments.js';
import type { BaselineDiseaseRow } from './diseaseFormRows.js';
import { renderDosing } from './renderDosing.js';
import { renderLabs } from './renderLabs.js';
import { diagnosisDateOf, renderPriorTherapy } from './renderPriorTherapy.js';
import { ELIGIBLE_FACTS, screenFailureRecord, screeningLabsOf } from './renderScreeningRecord.js';

/** The SYNTHETIC twin rendered: raw forms of NCT05236621 (`trial.synthetic` true), screening records, and its plan. */
export type DemoTrial = GenericDemoTrial<CohortPlan>;

/** Follow-up contact interval after the end of treatment (12 weeks: the regimen's followUpIntervalDays). */
const FOLLOW_UP_DAYS = NCT05236621_PROTOCOL.regimen.followUpIntervalDays;

/** Study day on which treatment ended (the end-of-treatment form), null while ongoing. */
export function endOfTreatmentDay(p: EnrolledPatientPlan): number | null {
  if (p.treatment.ongoing || p.treatment.endReason === null) return null;
  const last = p.treatment.lastDoseDay;
  const limit = Math.min(p.os.day, p.cutoffDay);
  if (p.treatment.endReason === 'death') return p.os.day;
  if (p.treatment.endReason === 'progressive-disease' && p.pfs.progressionDay !== null) {
    const k = p.assessmentDays.indexOf(p.pfs.progressionDay);
    const confirmation = p.assessmentDays[k + 1] ?? p.pfs.progressionDay;
    return Math.min(Math.max(last, confirmation), limit);
  }
  return Math.min(last + 1, limit);
}

function day(p: EnrolledPatientPlan, studyDay: number): string {
  return studyDate(p.enrolmentDate, studyDay);
}

function disposition(p: EnrolledPatientPlan): DispositionForm {
  const out: { -readonly [K in keyof DispositionForm]: DispositionForm[K] } = {};
  const eot = endOfTreatmentDay(p);
  if (eot !== null && p.treatment.endReason !== null) out.endOfTreatment = { date: day(p, eot), reason: p.treatment.endReason };
  if (p.os.dead) out.endOfStudy = { date: day(p, p.os.day), reason: 'death' };
  else if (p.os.censorReason === 'consent-withdrawn') out.endOfStudy = { date: day(p, p.os.day), reason: 'consent-withdrawn' };
  else if (p.os.censorReason === 'lost-to-follow-up') out.endOfStudy = { date: day(p, p.os.day), reason: 'lost-to-follow-up' };
  return out;
}

/** Survival contacts every 12 weeks after treatment, and the last one on the day the subject was last known alive. */
function survivalContacts(p: EnrolledPatientPlan): SurvivalContactForm[] {
  const contacts: SurvivalContactForm[] = [];
  const end = endOfTreatmentDay(p);
  const limit = Math.min(p.os.day, p.cutoffDay);
  if (end !== null) for (let d = end + FOLLOW_UP_DAYS; d < limit; d += FOLLOW_UP_DAYS) contacts.push({ date: day(p, d), status: 'alive' });
  if (!p.os.dead) contacts.push({ date: day(p, limit), status: 'alive' });
  return contacts;
}

function heightCm(sex: 'M' | 'F', random: SeededRandom): number {
  return Math.round(sex === 'M' ? 160 + random.float() * 22 : 150 + random.float() * 18);
}

/** The protocol's deviation categories (its DVCAT codes) of what the deviation rules check. */
const DEVIATION_CATEGORIES: DeviationCategoryCodes = { treatmentVisit: 'visit-schedule', responseAssessment: 'visit-schedule', studyTreatment: 'study-treatment' };

function enrolledSubject(p: EnrolledPatientPlan, conventionalUnits: boolean, random: SeededRandom): { record: SubjectRecord; screening: ScreeningRecord } {
  const subjectId = crfSubjectId(p.siteId, p.subjectId);
  const lastContact = Math.min(p.os.day, p.cutoffDay);
  const adverseEvents = renderAdverseEvents(p, lastContact, random);
  const disease = renderDiseaseAssessments(p, random);
  const labs = renderLabs(p, adverseEvents, conventionalUnits, lastContact, random);
  // Nothing is dosed after the last contact (a plan may lose a subject to follow-up while on treatment).
  const dosing = renderDosing(p, lastContact, adverseEvents);
  const diagnosisDate = diagnosisDateOf(p.enrolmentDate, p.monthsSinceDiagnosis);
  const prior = renderPriorTherapy(p.prior, diagnosisDate, p.screeningDate, random);
  const birthDate = birthDateFor(p.screeningDate, p.age, random);
  const baselineDisease: BaselineDiseaseRow = {
    sampleDate: p.screeningDate,
    beta2MicroglobulinMgPerL: p.beta2MicroglobulinMgPerL,
    albuminGPerL: p.albuminGPerL,
    ldhUPerL: p.ldhUPerL,
    ldhUlnUPerL: p.ldhUpperLimitUPerL,
    fish: { ...p.fish },
  };
  const rendered: SubjectRecord = {
    subject: {
      subjectId,
      siteId: p.siteId,
      screeningNumber: p.subjectId,
      consentDate: p.screeningDate,
      enrolmentDate: p.enrolmentDate,
      screenFailure: false,
    },
    demographics: { birthDate, sex: p.sex, weightKg: p.weightKg, heightCm: heightCm(p.sex, random), ecog: p.ecog },
    diagnosis: { diagnosisDate, subtype: p.subtype, lightChainType: p.lightChain },
    priorTherapies: prior.forms,
    labs: labs.labs,
    dosing,
    adverseEvents: adverseEvents.map((ae) => ae.form),
    responseCalls: disease.responseCalls,
    newTherapies: p.subsequentTherapies.map((therapy) => ({ startDate: day(p, therapy.startDay), agents: [therapy.agent] })),
    disposition: disposition(p),
    ...(p.os.dead ? { death: { date: day(p, p.os.day), cause: p.os.deathCause ?? 'unknown' } } : {}),
    survivalContacts: survivalContacts(p),
    diseaseForms: { baselineDisease: [baselineDisease], diseaseAssessment: disease.assessments, boneMarrow: disease.boneMarrow },
  };
  // The deviations the generated records show by the protocol's rules (nothing is drawn for them).
  const deviations = deriveProtocolDeviations(rendered, NCT05236621_PROTOCOL, DEVIATION_CATEGORIES);
  const record: SubjectRecord = { ...rendered, diseaseForms: { ...rendered.diseaseForms, [NCT05236621_DEVIATION_FORM.id]: deviations } };
  const screening: ScreeningRecord = {
    subjectId,
    siteId: p.siteId,
    screeningDate: p.screeningDate,
    enrolmentDate: p.enrolmentDate,
    consentDate: p.screeningDate,
    birthDate,
    sex: p.sex === 'M' ? 'male' : 'female',
    weightKg: p.weightKg,
    ecog: p.ecog,
    priorTherapyLines: prior.screening,
    labs: screeningLabsOf(labs.baseline, p.screeningDate),
    measures: {
      serumMProteinGPerL: disease.screening.serumMProteinGPerL,
      urineMProteinMgPer24h: disease.screening.urineMProteinMgPer24h,
      involvedFlcMgPerL: disease.screening.involvedFlcMgPerL,
      flcRatio: disease.screening.flcRatio,
    },
    facts: ELIGIBLE_FACTS,
  };
  return { record, screening };
}

export interface DemoTrialOptions extends CohortPlanOptions {
  /** Render an existing plan instead of creating one (seed, size and mix are then ignored). */
  readonly plan?: CohortPlan;
}

const CRITERION_TEXT = new Map(NCT05236621_ELIGIBILITY.criteria.map((c) => [c.id, c] as const));

function screenFailureReasonFor(criterionId: string): string {
  const criterion = CRITERION_TEXT.get(criterionId);
  if (criterion === undefined) return `Criterion ${criterionId} not met`;
  // Exclusions are written as the condition being absent ("No peripheral neuropathy ..."), so for both
  // kinds a screen failure is the criterion not met.
  return `Not met: ${criterion.text}`;
}

/**
 * The SYNTHETIC demo trial at the level of raw case report forms: the cohort plan (createCohortPlan)
 * rendered into demographics, prior therapy, baseline disease, labs each cycle, central and local
 * disease assessments, bone marrow, dosing logs, adverse events, response calls, disposition, death,
 * survival contacts and subsequent therapy, plus a screening record for every screened subject. Nothing
 * derived is stored: responses, progression, stages and grades come back through src/clinical
 * (verifyDemoTrial checks they are what the plan meant). Deterministic for a seed. The trial is
 * NCT05236621's (`protocolId` its registry id, `protocolVersion` the definition's version) and says
 * `synthetic: true`, which every output derived from it carries as SYNTHETIC.
 */
export function createDemoTrial(options: DemoTrialOptions = {}): DemoTrial {
  const plan = options.plan ?? createCohortPlan(options);
  const random = new SeededRandom((plan.seed * 2_654_435_761) >>> 1);
  // Every third site reports in conventional units (/uL, 10^3/uL, g/dL, mg/dL).
  const conventional = new Set(plan.sites.filter((_, k) => k % 3 === 2));
  const entries: { number: string; record: SubjectRecord; screening: ScreeningRecord }[] = [];
  for (const p of plan.patients) {
    const rendered = enrolledSubject(p, conventional.has(p.siteId), random.fork());
    entries.push({ number: p.subjectId, ...rendered });
  }
  for (const failure of plan.screenFailures) {
    const subjectRandom = random.fork();
    const subjectId = crfSubjectId(failure.siteId, failure.subjectId);
    const { record: screening, birthDate, weightKg } = screenFailureRecord(failure, subjectId, subjectRandom);
    const record: SubjectRecord = {
      subject: {
        subjectId,
        siteId: failure.siteId,
        screeningNumber: failure.subjectId,
        consentDate: failure.screeningDate,
        screenFailure: true,
        // The reason a site records: the criterion not met (the failing value is on the screening record),
        // so reasons group into categories in the disposition table and the CONSORT diagram.
        screenFailureReason: screenFailureReasonFor(failure.failedCriterionId),
      },
      demographics: { birthDate, sex: failure.sex, weightKg, heightCm: heightCm(failure.sex, subjectRandom), ecog: screening.ecog ?? 1 },
      priorTherapies: [],
      labs: [],
      dosing: [],
      adverseEvents: [],
      responseCalls: [],
      newTherapies: [],
      disposition: {},
      survivalContacts: [],
      diseaseForms: {},
    };
    entries.push({ number: failure.subjectId, record, screening });
  }
  entries.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  const trial: TrialData = {
    protocolId: NCT05236621_PROTOCOL.identity.registryId,
    protocolVersion: NCT05236621_PROTOCOL.version,
    synthetic: true,
    dataCutoffDate: plan.dataCutoffDate,
    sites: plan.sites.map((siteId) => ({ siteId, name: `Synthetic site ${siteId}` })),
    subjects: entries.map((entry) => entry.record),
  };
  return Object.freeze({ synthetic: true, trial, screening: Object.freeze(entries.map((entry) => entry.screening)), plan });
}
