import { addDays, cycleDay, exampleSubject, exampleTrial } from '../../../clinical/index.js';
import type { DataSource, DosingForm, FormRow, SubjectRecord, TrialData } from '../../../clinical/index.js';
import { RET_CABO_2_PROTOCOL } from '../protocol.js';

/**
 * Test fixtures of RET-CABO-2: a subject on cabozantinib 60 mg daily with tumour reads every 8 weeks.
 * `sums` gives the diameter of target lesion T1 (T2 stays 20 mm) at each read; null leaves the read out.
 */

export function caboDosing(firstDose: string, cycles: number, doseMg: readonly number[] = []): DosingForm[] {
  return Array.from({ length: cycles }, (_v, i) => {
    const mg = doseMg[i] ?? 60;
    return {
      cycle: i + 1,
      drug: 'cabozantinib',
      startDate: cycleDay(firstDose, i + 1, 1, 28),
      endDate: cycleDay(firstDose, i + 1, 28, 28),
      plannedDoseMg: mg,
      plannedDays: 28,
      doseGivenMg: mg,
      daysGiven: 28,
      delayed: false,
      interrupted: false,
      reduced: i > 0 && mg < (doseMg[i - 1] ?? 60),
    };
  });
}

/** A tumour read: T1 at `t1Mm`, T2 20 mm, NT1 present; baseline reads carry kind/nodal/organ. */
export function tumourRead(date: string, visit: string, source: DataSource, t1Mm: number | null, options: { baseline?: boolean; newLesion?: 'no' | 'yes' | 'equivocal'; nt1?: string } = {}): FormRow {
  const baseline = options.baseline === true;
  return {
    date,
    visit,
    source,
    newLesion: options.newLesion ?? 'no',
    lesions: [
      { lesionId: 'T1', ...(baseline ? { kind: 'target', nodal: false, organ: 'lung' } : {}), ...(t1Mm === null ? {} : { diameterMm: t1Mm }) },
      { lesionId: 'T2', ...(baseline ? { kind: 'target', nodal: false, organ: 'liver' } : {}), diameterMm: 20 },
      { lesionId: 'NT1', ...(baseline ? { kind: 'non-target', nodal: false, organ: 'bone' } : {}), status: options.nt1 ?? 'present' },
    ],
  };
}

/** Reads every 56 days from the first dose: index 0 is the baseline (day -7). */
export function tumourReads(firstDose: string, t1: readonly (number | null)[], source: DataSource = 'central'): FormRow[] {
  return t1.map((value, i) =>
    i === 0 ? tumourRead(addDays(firstDose, -7), 'SCREENING', source, value, { baseline: true }) : tumourRead(addDays(firstDose, 56 * i), `TA${i}`, source, value),
  );
}

export interface RetSubjectOptions {
  readonly enrolmentDate?: string;
  readonly cycles?: number;
  /** T1 diameter (mm) per read, baseline first (default 30 mm throughout: stable disease). */
  readonly t1Mm?: readonly (number | null)[];
  readonly overrides?: Partial<SubjectRecord>;
}

export function retSubject(sequence: number, options: RetSubjectOptions = {}): SubjectRecord {
  const enrolment = options.enrolmentDate ?? '2024-03-11';
  const t1 = options.t1Mm ?? [30, 30, 30, 30];
  const base = exampleSubject(sequence, { enrolmentDate: enrolment, birthDate: '1965-07-19' });
  return {
    ...base,
    diagnosis: { diagnosisDate: addDays(enrolment, -400), histology: 'adenocarcinoma', retFusionPartner: 'KIF5B', retTestMethod: 'ngs', smokingStatus: 'never', brainMetastases: false },
    dosing: caboDosing(enrolment, options.cycles ?? 8),
    diseaseForms: { tumourAssessment: [...tumourReads(enrolment, t1, 'central'), ...tumourReads(enrolment, t1, 'local')], protocolDeviation: [] },
    ...options.overrides,
  };
}

export function retTrial(subjects: readonly SubjectRecord[], dataCutoffDate = '2025-06-30'): TrialData {
  return exampleTrial(subjects, { id: RET_CABO_2_PROTOCOL.identity.registryId, version: RET_CABO_2_PROTOCOL.version }, dataCutoffDate);
}
