import type { Issue } from '../../result/index.js';
import { issue } from '../../result/index.js';
import type { DiscontinuationReason, FishResult, SubjectRecord, TrialData } from '../crf/index.js';
import { ageInYears, daysToMonths, parseIsoDate } from '../dates/index.js';
import type { DayNumber } from '../dates/index.js';
import { computeCytogeneticRisk, computeIssStage, computeRissStage } from '../staging/index.js';
import type { Derivation, Flag } from './derivation.js';
import { finishDerivation, flag, isoOrNull, readDate, readOnStudyDate } from './derivation.js';
import { normaliseAgent, PRIOR_AGENT_GROUPS } from './priorTherapyGroups.js';
import type { PriorAgentFlag } from './priorTherapyGroups.js';

export type AgeGroup = '<65' | '65-75' | '>75';
export type StageValue = 'I' | 'II' | 'III';
export type CompletionStatus = 'ONGOING' | 'DISCONTINUED' | 'COMPLETED';

/** One row per screened subject (screen failures carry ENRLFL = 'N' and no populations). */
export interface AdslRow extends Readonly<Record<PriorAgentFlag, Flag>> {
  readonly STUDYID: string;
  readonly USUBJID: string;
  readonly SUBJID: string;
  readonly SITEID: string;
  readonly ENRLFL: Flag;
  /** Screen-failure reason as recorded on the subject form (null for enrolled subjects). */
  readonly SCRFREAS: string | null;
  /** Intent-to-treat: every enrolled subject. */
  readonly ITTFL: Flag;
  /** Full analysis set: >= 1 dose of pomalidomide and >= 1 disease assessment (baseline counts). */
  readonly FASFL: Flag;
  /** Safety set: >= 1 dose of any study drug. */
  readonly SAFFL: Flag;
  readonly CONSDT: string | null;
  readonly ENRLDT: string | null;
  readonly TRTSDT: string | null;
  readonly TRTEDT: string | null;
  readonly BRTHDT: string | null;
  readonly AGE: number | null;
  readonly AGEU: 'YEARS';
  readonly AGEGR1: AgeGroup | null;
  readonly SEX: 'M' | 'F' | null;
  readonly ECOGBL: number | null;
  readonly WEIGHTBL: number | null;
  readonly HEIGHTBL: number | null;
  readonly DIAGDT: string | null;
  /** Months from diagnosis to enrolment (days / (365.25/12)). */
  readonly DIAGDURM: number | null;
  readonly MMTYPE: string | null;
  readonly LCTYPE: string | null;
  readonly B2M: number | null;
  readonly ALBUMIN: number | null;
  readonly LDH: number | null;
  readonly LDHULN: number | null;
  readonly ISS: StageValue | null;
  readonly RISS: StageValue | null;
  readonly CYTORISK: 'HIGH' | 'STANDARD' | null;
  readonly DEL17P: Flag | null;
  readonly T4_14: Flag | null;
  readonly T14_16: Flag | null;
  readonly GAIN1Q21: Flag | null;
  readonly DEL13Q: Flag | null;
  /** Number of prior lines of therapy. */
  readonly PRLINES: number;
  readonly PRASCTFL: Flag;
  readonly EOTSTT: CompletionStatus | null;
  readonly EOTDT: string | null;
  readonly DCTREAS: DiscontinuationReason | null;
  readonly EOSSTT: CompletionStatus | null;
  readonly EOSDT: string | null;
  readonly DCSREAS: DiscontinuationReason | null;
  readonly DTHFL: Flag;
  readonly DTHDT: string | null;
  readonly DTHCAUS: string | null;
  /** Last date the subject was known alive, on or before the cutoff. */
  readonly LSTALVDT: string | null;
  /** First start of new anti-myeloma therapy on or before the cutoff. */
  readonly NTRTDT: string | null;
  readonly DCUTDT: string;
}

export function ageGroup(age: number): AgeGroup {
  if (age < 65) return '<65';
  return age <= 75 ? '65-75' : '>75';
}

function fishFlag(result: FishResult): Flag | null {
  if (result === 'not-done') return null;
  return result === 'positive' ? 'Y' : 'N';
}

function fishBoolean(result: FishResult): boolean | null {
  return result === 'not-done' ? null : result === 'positive';
}

function completion(reason: DiscontinuationReason): CompletionStatus {
  return reason === 'completed' ? 'COMPLETED' : 'DISCONTINUED';
}

type EndForm = NonNullable<SubjectRecord['disposition']['endOfTreatment']>;

/**
 * End-of-treatment and end-of-study status. A death on or before the cutoff ends treatment and study even
 * when the site has not yet entered the disposition forms (reason 'death' on the death date).
 */
function disposition(
  treated: boolean,
  inStudy: boolean,
  eot: EndForm | undefined,
  eotDay: DayNumber | null,
  eos: EndForm | undefined,
  eosDay: DayNumber | null,
  deathDay: DayNumber | null,
): Pick<AdslRow, 'EOTSTT' | 'EOTDT' | 'DCTREAS' | 'EOSSTT' | 'EOSDT' | 'DCSREAS'> {
  const end = (form: EndForm | undefined, day: DayNumber | null) => {
    if (form !== undefined && day !== null) {
      return { status: completion(form.reason), date: isoOrNull(day), reason: form.reason === 'completed' ? null : form.reason };
    }
    if (deathDay !== null) return { status: 'DISCONTINUED' as const, date: isoOrNull(deathDay), reason: 'death' as const };
    return { status: 'ONGOING' as const, date: null, reason: null };
  };
  const treatment = end(eot, eotDay);
  const study = end(eos, eosDay);
  return {
    EOTSTT: treated ? treatment.status : null,
    EOTDT: treated ? treatment.date : null,
    DCTREAS: treated ? treatment.reason : null,
    EOSSTT: inStudy ? study.status : null,
    EOSDT: inStudy ? study.date : null,
    DCSREAS: inStudy ? study.reason : null,
  };
}

/** Doses actually received on or before the cutoff: day numbers of first and last dose, per drug. */
export interface ReceivedDoses {
  readonly first: DayNumber | null;
  readonly last: DayNumber | null;
  readonly pomalidomide: boolean;
}

export function receivedDoses(
  record: SubjectRecord,
  basePath: readonly (string | number)[],
  enrolment: DayNumber | null,
  cutoff: DayNumber,
  issues: Issue[],
): ReceivedDoses {
  let first: DayNumber | null = null;
  let last: DayNumber | null = null;
  let pomalidomide = false;
  record.dosing.forEach((row, index) => {
    const path = [...basePath, 'dosing', index];
    const start = readOnStudyDate(row.startDate, [...path, 'startDate'], enrolment, issues);
    const end = readOnStudyDate(row.endDate, [...path, 'endDate'], enrolment, issues);
    if (start === null || end === null) return;
    if (end < start) {
      issues.push(issue('end-before-start', [...path, 'endDate'], row.endDate, `a date on or after startDate ${row.startDate}`));
      return;
    }
    if (start > cutoff || row.doseGivenMg <= 0 || row.daysGiven <= 0) return;
    const lastDose = Math.min(end, cutoff);
    first = first === null ? start : Math.min(first, start);
    last = last === null ? lastDose : Math.max(last, lastDose);
    if (row.drug === 'pomalidomide') pomalidomide = true;
  });
  return { first, last, pomalidomide };
}

function deriveSubject(trial: TrialData, record: SubjectRecord, index: number, cutoff: DayNumber, issues: Issue[]): AdslRow {
  const base = ['subjects', index] as const;
  const form = record.subject;
  const consent = readDate(form.consentDate, [...base, 'subject', 'consentDate'], issues);
  const enrolled = !form.screenFailure && form.enrolmentDate !== undefined;
  const enrolment = enrolled ? readDate(form.enrolmentDate, [...base, 'subject', 'enrolmentDate'], issues) : null;
  if (enrolment !== null && consent !== null && enrolment < consent) {
    issues.push(issue('enrolment-before-consent', [...base, 'subject', 'enrolmentDate'], form.enrolmentDate, `a date on or after consent (${form.consentDate})`));
  }
  if (enrolment !== null && enrolment > cutoff) {
    issues.push(issue('enrolled-after-cutoff', [...base, 'subject', 'enrolmentDate'], form.enrolmentDate, `a date on or before the data cutoff ${trial.dataCutoffDate}`, 'warning'));
  }
  const inStudy = enrolment !== null && enrolment <= cutoff;

  const doses: ReceivedDoses = inStudy
    ? receivedDoses(record, base, enrolment, cutoff, issues)
    : { first: null, last: null, pomalidomide: false };

  let hasAssessment = false;
  record.diseaseAssessments.forEach((assessment, i) => {
    const day = readDate(assessment.date, [...base, 'diseaseAssessments', i, 'date'], issues);
    if (day !== null && day <= cutoff) hasAssessment = true;
  });

  // Demographics.
  const demographics = record.demographics;
  const birth = demographics === undefined ? null : readDate(demographics.birthDate, [...base, 'demographics', 'birthDate'], issues);
  const age = birth !== null && consent !== null ? ageInYears(birth, consent) : null;
  if (age !== null && age < 0) {
    issues.push(issue('birth-after-consent', [...base, 'demographics', 'birthDate'], demographics?.birthDate, 'a birth date before consent'));
  }

  // Diagnosis.
  const diagnosis = record.diagnosis;
  const diagnosisDay = diagnosis === undefined ? null : readDate(diagnosis.diagnosisDate, [...base, 'diagnosis', 'diagnosisDate'], issues);
  if (diagnosisDay !== null && enrolment !== null && diagnosisDay > enrolment) {
    issues.push(issue('diagnosis-after-enrolment', [...base, 'diagnosis', 'diagnosisDate'], diagnosis?.diagnosisDate, 'a diagnosis date on or before enrolment'));
  }
  const diagnosisMonths = diagnosisDay !== null && enrolment !== null && diagnosisDay <= enrolment ? daysToMonths(enrolment - diagnosisDay) : null;

  // Baseline disease and staging.
  const disease = record.baselineDisease;
  const b2m = disease?.beta2MicroglobulinMgPerL ?? null;
  const albumin = disease?.albuminGPerL ?? null;
  const ldh = disease?.ldhUPerL ?? null;
  const ldhUln = disease?.ldhUlnUPerL ?? null;
  let iss: StageValue | null = null;
  let riss: StageValue | null = null;
  let cytoRisk: 'HIGH' | 'STANDARD' | null = null;
  if (disease !== undefined) {
    const stagingIssue = (item: Issue, field: string): void => {
      issues.push(issue(`staging-${item.code}`, [...base, 'baselineDisease', field, ...item.path.slice(1)], item.value, item.expected, item.severity));
    };
    const issResult = computeIssStage({ beta2MicroglobulinMgPerL: b2m, albuminGPerL: albumin });
    issResult.issues.forEach((item) => stagingIssue(item, String(item.path[0] ?? 'beta2MicroglobulinMgPerL')));
    iss = issResult.ok ? issResult.value.stage : null;
    const fish = disease.fish;
    const cyto = computeCytogeneticRisk({
      del17p: fishBoolean(fish.del17p),
      t4_14: fishBoolean(fish.t4_14),
      t14_16: fishBoolean(fish.t14_16),
      gain1q21: fishBoolean(fish.gain1q21),
      del13q: fishBoolean(fish.del13q),
    });
    cyto.issues.forEach((item) => stagingIssue(item, 'fish'));
    const risk = cyto.ok ? cyto.value.risk : null;
    cytoRisk = risk === 'high' ? 'HIGH' : risk === 'standard' ? 'STANDARD' : null;
    const rissResult = computeRissStage({ issStage: iss, cytogeneticRisk: risk, ldhUPerL: ldh, ldhUlnUPerL: ldhUln });
    rissResult.issues.forEach((item) => stagingIssue(item, String(item.path[0] ?? 'ldhUPerL')));
    riss = rissResult.ok ? rissResult.value.stage : null;
  }

  // Prior therapy.
  const agents = new Set(record.priorTherapies.flatMap((line) => line.agents.map(normaliseAgent)));
  const priorFlags = Object.fromEntries(
    (Object.keys(PRIOR_AGENT_GROUPS) as PriorAgentFlag[]).map((key) => [key, flag(PRIOR_AGENT_GROUPS[key].some((agent) => agents.has(agent)))]),
  ) as Record<PriorAgentFlag, Flag>;
  const lines = new Set(record.priorTherapies.map((line) => line.lineNumber)).size;

  // Disposition, death, new therapy (all cut off).
  const eot = record.disposition.endOfTreatment;
  const eotDay = inStudy && eot !== undefined ? readOnStudyDate(eot.date, [...base, 'disposition', 'endOfTreatment', 'date'], enrolment, issues) : null;
  const eotKnown = eotDay !== null && eotDay <= cutoff;
  const eos = record.disposition.endOfStudy;
  const eosDay = inStudy && eos !== undefined ? readOnStudyDate(eos.date, [...base, 'disposition', 'endOfStudy', 'date'], enrolment, issues) : null;
  const eosKnown = eosDay !== null && eosDay <= cutoff;
  const deathDay = inStudy && record.death !== undefined ? readOnStudyDate(record.death.date, [...base, 'death', 'date'], enrolment, issues) : null;
  const died = deathDay !== null && deathDay <= cutoff;

  let newTherapy: DayNumber | null = null;
  if (inStudy) {
    record.newTherapies.forEach((therapy, i) => {
      const day = readOnStudyDate(therapy.startDate, [...base, 'newTherapies', i, 'startDate'], enrolment, issues);
      if (day !== null && day <= cutoff) newTherapy = newTherapy === null ? day : Math.min(newTherapy, day);
    });
  }

  const lastAlive = inStudy ? lastKnownAlive(record, base, enrolment, cutoff, died ? deathDay : null, issues) : null;

  return {
    STUDYID: trial.protocolId,
    USUBJID: `${trial.protocolId}-${form.subjectId}`,
    SUBJID: form.subjectId,
    SITEID: form.siteId,
    ENRLFL: flag(inStudy),
    SCRFREAS: inStudy ? null : (form.screenFailureReason ?? null),
    ITTFL: flag(inStudy),
    FASFL: flag(inStudy && doses.pomalidomide && hasAssessment),
    SAFFL: flag(inStudy && doses.first !== null),
    CONSDT: isoOrNull(consent),
    ENRLDT: isoOrNull(enrolment),
    TRTSDT: isoOrNull(doses.first),
    TRTEDT: isoOrNull(doses.last),
    BRTHDT: isoOrNull(birth),
    AGE: age !== null && age >= 0 ? age : null,
    AGEU: 'YEARS',
    AGEGR1: age !== null && age >= 0 ? ageGroup(age) : null,
    SEX: demographics?.sex ?? null,
    ECOGBL: demographics?.ecog ?? null,
    WEIGHTBL: demographics?.weightKg ?? null,
    HEIGHTBL: demographics?.heightCm ?? null,
    DIAGDT: isoOrNull(diagnosisDay),
    DIAGDURM: diagnosisMonths,
    MMTYPE: diagnosis?.subtype ?? null,
    LCTYPE: diagnosis?.lightChainType ?? null,
    B2M: b2m,
    ALBUMIN: albumin,
    LDH: ldh,
    LDHULN: ldhUln,
    ISS: iss,
    RISS: riss,
    CYTORISK: cytoRisk,
    DEL17P: disease === undefined ? null : fishFlag(disease.fish.del17p),
    T4_14: disease === undefined ? null : fishFlag(disease.fish.t4_14),
    T14_16: disease === undefined ? null : fishFlag(disease.fish.t14_16),
    GAIN1Q21: disease === undefined ? null : fishFlag(disease.fish.gain1q21),
    DEL13Q: disease === undefined ? null : fishFlag(disease.fish.del13q),
    PRLINES: lines,
    ...priorFlags,
    PRASCTFL: flag(record.priorTherapies.some((line) => line.asct)),
    ...disposition(doses.first !== null, inStudy, eot, eotKnown ? eotDay : null, eos, eosKnown ? eosDay : null, died ? deathDay : null),
    DTHFL: flag(died),
    DTHDT: died ? isoOrNull(deathDay) : null,
    DTHCAUS: died && record.death !== undefined ? record.death.cause : null,
    LSTALVDT: isoOrNull(lastAlive),
    NTRTDT: isoOrNull(newTherapy),
    DCUTDT: trial.dataCutoffDate,
  };
}

/**
 * Last date the subject was known alive: the latest dated contact on or before the cutoff (and not after
 * death) among enrolment, doses, assessments, labs, marrow, AE dates, disposition and survival contacts
 * reporting the subject alive.
 */
function lastKnownAlive(
  record: SubjectRecord,
  base: readonly (string | number)[],
  enrolment: DayNumber | null,
  cutoff: DayNumber,
  death: DayNumber | null,
  issues: Issue[],
): DayNumber | null {
  const limit = death === null ? cutoff : Math.min(cutoff, death);
  let best: DayNumber | null = enrolment;
  const consider = (date: string | undefined): void => {
    if (date === undefined) return;
    const day = parseIsoDate(date);
    if (day === null || day > limit) return;
    if (enrolment !== null && day < enrolment) return;
    best = best === null ? day : Math.max(best, day);
  };
  record.dosing.forEach((row) => {
    if (row.daysGiven > 0) {
      consider(row.startDate);
      consider(row.endDate);
    }
  });
  record.diseaseAssessments.forEach((row) => consider(row.date));
  record.labs.forEach((row) => consider(row.date));
  record.boneMarrow.forEach((row) => consider(row.date));
  record.adverseEvents.forEach((row) => {
    consider(row.onsetDate);
    consider(row.endDate);
  });
  consider(record.disposition.endOfTreatment?.date);
  if (record.disposition.endOfStudy?.reason !== 'death') consider(record.disposition.endOfStudy?.date);
  record.survivalContacts.forEach((contact, i) => {
    readOnStudyDate(contact.date, [...base, 'survivalContacts', i, 'date'], enrolment, issues);
    if (contact.status === 'alive') consider(contact.date);
    else if (record.death === undefined) {
      issues.push(issue('death-without-death-form', [...base, 'survivalContacts', i, 'status'], contact.status, 'a death form for a subject reported dead', 'warning'));
    }
  });
  return best;
}

/**
 * ADSL: one row per screened subject. Everything after the data cutoff is ignored (a death, end of
 * treatment or new therapy after the cutoff has not happened yet in this analysis).
 */
export function createAdsl(trial: TrialData): Derivation<AdslRow> {
  const issues: Issue[] = [];
  const cutoff = readDate(trial.dataCutoffDate, ['dataCutoffDate'], issues);
  if (cutoff === null) {
    if (issues.length === 0) issues.push(issue('missing-cutoff', ['dataCutoffDate'], trial.dataCutoffDate, 'the data cutoff date'));
    return finishDerivation([], issues);
  }
  const rows = trial.subjects.map((record, index) => deriveSubject(trial, record, index, cutoff, issues));
  return finishDerivation(rows, issues);
}
