import type { Issue } from '../../result/index.js';
import { issue } from '../../result/index.js';
import type { DiscontinuationReason, SubjectRecord, TrialData } from '../crf/index.js';
import { PROTOCOL_DEVIATION_DOMAIN } from '../crf/index.js';
import { ageInYears, daysToMonths, parseIsoDate } from '../dates/index.js';
import type { DayNumber } from '../dates/index.js';
import type { AgeGroupDefinition, AnalysisSetDefinition, ProtocolDefinition } from '../protocol/index.js';
import { normaliseAgent, type AdslValue } from './adslVariables.js';
import type { Derivation, Flag } from './derivation.js';
import { finishDerivation, flag, isoOrNull, readDate, readOnStudyDate } from './derivation.js';

export type CompletionStatus = 'ONGOING' | 'DISCONTINUED' | 'COMPLETED';

/**
 * One row per screened subject (screen failures carry ENRLFL = 'N' and no populations). The core variables
 * are typed; the protocol's analysis-set flags (ITTFL, FASFL, SAFFL, ...), prior-therapy flags and
 * disease variables (a stage, a histology) are read by name through the index signature.
 */
export interface AdslRow {
  readonly [variable: string]: AdslValue;
  readonly STUDYID: string;
  readonly USUBJID: string;
  readonly SUBJID: string;
  readonly SITEID: string;
  readonly ENRLFL: Flag;
  /** Screen-failure reason as recorded on the subject form (null for enrolled subjects). */
  readonly SCRFREAS: string | null;
  readonly CONSDT: string | null;
  readonly ENRLDT: string | null;
  readonly TRTSDT: string | null;
  readonly TRTEDT: string | null;
  readonly BRTHDT: string | null;
  readonly AGE: number | null;
  readonly AGEU: 'YEARS';
  /** The protocol's age group label (ProtocolDefinition.ageGroups). */
  readonly AGEGR1: string | null;
  readonly SEX: string | null;
  readonly ECOGBL: number | null;
  readonly WEIGHTBL: number | null;
  readonly HEIGHTBL: number | null;
  readonly DIAGDT: string | null;
  /** Months from diagnosis to enrolment (days / (365.25/12)). */
  readonly DIAGDURM: number | null;
  /** Number of prior lines of therapy. */
  readonly PRLINES: number;
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
  /** First start of new anticancer therapy on or before the cutoff. */
  readonly NTRTDT: string | null;
  readonly DCUTDT: string;
}

/** The label of the protocol's age group holding `age` (groups are [minYears, maxYears], either end open). */
export function ageGroup(age: number, groups: readonly AgeGroupDefinition[]): string | null {
  const found = groups.find((group) => (group.minYears === undefined || age >= group.minYears) && (group.maxYears === undefined || age <= group.maxYears));
  return found?.label ?? null;
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

/** Doses actually received on or before the cutoff: day numbers of first and last dose, and the drugs given. */
export interface ReceivedDoses {
  readonly first: DayNumber | null;
  readonly last: DayNumber | null;
  readonly drugs: ReadonlySet<string>;
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
  const drugs = new Set<string>();
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
    drugs.add(row.drug);
  });
  return { first, last, drugs };
}

function setFlag(rule: AnalysisSetDefinition['rule'], inStudy: boolean, doses: ReceivedDoses, assessmentDays: readonly DayNumber[]): boolean {
  if (!inStudy) return false;
  if (rule.kind === 'enrolled') return true;
  const drugs = rule.drugs;
  const treated = drugs === 'any' ? doses.first !== null : drugs.some((drug) => doses.drugs.has(drug));
  switch (rule.kind) {
    case 'treated':
      return treated;
    case 'treated-and-assessed':
      return treated && assessmentDays.length > 0;
    case 'response-evaluable': {
      const first = doses.first;
      return treated && first !== null && assessmentDays.some((day) => day <= first) && assessmentDays.some((day) => day > first);
    }
  }
}

function deriveSubject(protocol: ProtocolDefinition, trial: TrialData, record: SubjectRecord, index: number, cutoff: DayNumber, issues: Issue[]): AdslRow {
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

  const doses: ReceivedDoses = inStudy ? receivedDoses(record, base, enrolment, cutoff, issues) : { first: null, last: null, drugs: new Set() };

  // Response assessments of any source on or before the cutoff (baseline counts).
  const assessmentDays: DayNumber[] = [];
  for (const formId of protocol.response.assessmentForms) {
    (record.diseaseForms[formId] ?? []).forEach((row, i) => {
      if (typeof row.date !== 'string') return;
      const day = readDate(row.date, [...base, 'diseaseForms', formId, i, 'date'], issues);
      if (day !== null && day <= cutoff) assessmentDays.push(day);
    });
  }

  // Demographics.
  const demographics = record.demographics;
  const birth = demographics === undefined ? null : readDate(demographics.birthDate, [...base, 'demographics', 'birthDate'], issues);
  const age = birth !== null && consent !== null ? ageInYears(birth, consent) : null;
  if (age !== null && age < 0) {
    issues.push(issue('birth-after-consent', [...base, 'demographics', 'birthDate'], demographics?.birthDate, 'a birth date before consent'));
  }
  const validAge = age !== null && age >= 0 ? age : null;

  // Diagnosis.
  const diagnosis = record.diagnosis;
  const diagnosisDay = diagnosis === undefined ? null : readDate(diagnosis.diagnosisDate, [...base, 'diagnosis', 'diagnosisDate'], issues);
  if (diagnosisDay !== null && enrolment !== null && diagnosisDay > enrolment) {
    issues.push(issue('diagnosis-after-enrolment', [...base, 'diagnosis', 'diagnosisDate'], diagnosis?.diagnosisDate, 'a diagnosis date on or before enrolment'));
  }
  const diagnosisMonths = diagnosisDay !== null && enrolment !== null && diagnosisDay <= enrolment ? daysToMonths(enrolment - diagnosisDay) : null;

  // The protocol's disease variables (stages, histology, ...).
  const disease = protocol.subjectVariables.derive({ record, recordPath: base, ageYears: validAge });
  issues.push(...disease.issues);
  const diseaseValues: Record<string, AdslValue> = {};
  for (const variable of protocol.subjectVariables.variables) diseaseValues[variable.name] = disease.values[variable.name] ?? null;

  // Prior therapy.
  const agents = new Set(record.priorTherapies.flatMap((line) => line.agents.map(normaliseAgent)));
  const priorFlags: Record<string, Flag> = {};
  for (const group of protocol.priorTherapyGroups) priorFlags[group.flag] = flag(group.agents.some((agent) => agents.has(normaliseAgent(agent))));
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

  const lastAlive = inStudy ? lastKnownAlive(protocol, record, base, enrolment, cutoff, died ? deathDay : null, issues) : null;

  const setFlags: Record<string, Flag> = {};
  for (const set of protocol.analysisSets) setFlags[set.flag] = flag(setFlag(set.rule, inStudy, doses, assessmentDays));

  return {
    STUDYID: trial.protocolId,
    USUBJID: `${trial.protocolId}-${form.subjectId}`,
    SUBJID: form.subjectId,
    SITEID: form.siteId,
    ENRLFL: flag(inStudy),
    SCRFREAS: inStudy ? null : (form.screenFailureReason ?? null),
    ...setFlags,
    CONSDT: isoOrNull(consent),
    ENRLDT: isoOrNull(enrolment),
    TRTSDT: isoOrNull(doses.first),
    TRTEDT: isoOrNull(doses.last),
    BRTHDT: isoOrNull(birth),
    AGE: validAge,
    AGEU: 'YEARS',
    AGEGR1: validAge !== null ? ageGroup(validAge, protocol.ageGroups) : null,
    SEX: demographics?.sex ?? null,
    ECOGBL: demographics?.ecog ?? null,
    WEIGHTBL: demographics?.weightKg ?? null,
    HEIGHTBL: demographics?.heightCm ?? null,
    DIAGDT: isoOrNull(diagnosisDay),
    DIAGDURM: diagnosisMonths,
    ...diseaseValues,
    PRLINES: lines,
    ...priorFlags,
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
 * death) among enrolment, doses, dated disease forms, labs, AE dates, disposition and survival contacts
 * reporting the subject alive.
 */
function lastKnownAlive(
  protocol: ProtocolDefinition,
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
  for (const form of protocol.forms) {
    // A deviation's date is when it occurred or was found, not a contact with the subject.
    if (form.role !== 'disease' || form.dateField === undefined || form.sdtmDomain === PROTOCOL_DEVIATION_DOMAIN) continue;
    const field = form.dateField;
    for (const row of record.diseaseForms[form.id] ?? []) if (typeof row[field] === 'string') consider(row[field]);
  }
  record.labs.forEach((row) => consider(row.date));
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
export function createAdsl(trial: TrialData, protocol: ProtocolDefinition): Derivation<AdslRow> {
  const issues: Issue[] = [];
  const cutoff = readDate(trial.dataCutoffDate, ['dataCutoffDate'], issues);
  if (cutoff === null) {
    if (issues.length === 0) issues.push(issue('missing-cutoff', ['dataCutoffDate'], trial.dataCutoffDate, 'the data cutoff date'));
    return finishDerivation([], issues);
  }
  const rows = trial.subjects.map((record, index) => deriveSubject(protocol, trial, record, index, cutoff, issues));
  return finishDerivation(rows, issues);
}
