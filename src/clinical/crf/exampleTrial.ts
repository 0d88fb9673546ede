import { formatIsoDate, parseIsoDate } from '../dates/index.js';
import type { SubjectRecord } from './forms.js';
import type { TrialData } from './trialData.js';

/**
 * Test-fixture builders: a minimal valid subject and trial that each test bends to the case it checks.
 * Defaults are a plausible enrolled subject (61-year-old man, ECOG 1, no forms beyond demographics and
 * diagnosis); every form can be replaced through `overrides`. Protocol-specific fixtures (dosing of a
 * regimen, disease assessments) are built by the protocol's own test support.
 */

/** 'YYYY-MM-DD' plus `days` (may be negative). Throws on a bad date: fixtures are written by hand. */
export function addDays(date: string, days: number): string {
  const day = parseIsoDate(date);
  if (day === null) throw new Error(`fixture date ${date} is not YYYY-MM-DD`);
  return formatIsoDate(day + days);
}

/** Date of day `day` of cycle `cycle` of `cycleLengthDays`-day cycles whose cycle 1 day 1 is `firstDose`. */
export function cycleDay(firstDose: string, cycle: number, day: number, cycleLengthDays: number): string {
  return addDays(firstDose, (cycle - 1) * cycleLengthDays + (day - 1));
}

export interface ExampleSubjectOptions {
  readonly siteId?: string;
  readonly enrolmentDate?: string;
  readonly birthDate?: string;
  readonly overrides?: Partial<SubjectRecord>;
}

/** One enrolled subject '<site>-<sequence>' whose first dose is on the enrolment date. */
export function exampleSubject(sequence: number, options: ExampleSubjectOptions = {}): SubjectRecord {
  const siteId = options.siteId ?? '01';
  const enrolment = options.enrolmentDate ?? '2021-06-01';
  const subjectId = `${siteId}-${String(sequence).padStart(3, '0')}`;
  const base: SubjectRecord = {
    subject: {
      subjectId,
      siteId,
      screeningNumber: `S${siteId}${String(sequence).padStart(3, '0')}`,
      consentDate: addDays(enrolment, -7),
      enrolmentDate: enrolment,
      screenFailure: false,
    },
    demographics: { birthDate: options.birthDate ?? '1960-01-15', sex: 'M', weightKg: 70, heightCm: 170, ecog: 1 },
    diagnosis: { diagnosisDate: addDays(enrolment, -1096) },
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
  return { ...base, ...options.overrides };
}

/** A trial holding `subjects`, with one site per distinct site id, cut off on `dataCutoffDate`. */
export function exampleTrial(subjects: readonly SubjectRecord[], protocol: { readonly id: string; readonly version: string }, dataCutoffDate: string): TrialData {
  const siteIds = [...new Set(subjects.map((record) => record.subject.siteId))];
  return {
    protocolId: protocol.id,
    protocolVersion: protocol.version,
    synthetic: true,
    dataCutoffDate,
    sites: siteIds.map((siteId) => ({ siteId, name: `Site ${siteId}` })),
    subjects: [...subjects],
  };
}
