import type { Issue } from '../../result/index.js';
import type { TrialData } from '../crf/index.js';
import { studyDay } from '../dates/index.js';
import type { AdslRow } from './createAdsl.js';
import type { Derivation } from './derivation.js';
import { dayOf, finishDerivation, readDate } from './derivation.js';

/** The category of every ADCM row trialkit derives: only subsequent therapies are collected as medications. */
export const SUBSEQUENT_THERAPY_CATEGORY = 'SUBSEQUENT ANTICANCER THERAPY';

export interface AdcmRow {
  readonly STUDYID: string;
  readonly USUBJID: string;
  /** Sequence of the therapy record within the subject (1-based, as recorded). */
  readonly CMSEQ: number;
  /** One agent of the therapy (generic name as recorded). */
  readonly CMTRT: string;
  readonly CMCAT: typeof SUBSEQUENT_THERAPY_CATEGORY;
  readonly ASTDT: string;
  /** Study day of the start relative to the first dose (null when untreated). */
  readonly ASTDY: number | null;
}

/**
 * ADCM (OCCDS): one row per agent of each subsequent anticancer therapy (the protocol's new-therapy form)
 * started on or before the data cutoff, for the enrolled subjects of ADSL. A start date (or cutoff) that
 * cannot be read is left out here and reported once, by ADSL (whose NTRTDT reads the same form).
 */
export function createAdcm(trial: TrialData, adsl: readonly AdslRow[]): Derivation<AdcmRow> {
  // Dates that cannot be read are reported by ADSL, which reads the same fields; not twice.
  const issues: Issue[] = [];
  const cutoff = readDate(trial.dataCutoffDate, [], []);
  if (cutoff === null) return finishDerivation([], issues);
  const bySubject = new Map(adsl.map((row) => [row.SUBJID, row]));
  const rows: AdcmRow[] = [];
  for (const record of trial.subjects) {
    const subject = bySubject.get(record.subject.subjectId);
    if (subject === undefined || subject.ENRLFL !== 'Y') continue;
    const first = dayOf(subject.TRTSDT);
    record.newTherapies.forEach((therapy, index) => {
      const day = readDate(therapy.startDate, [], []);
      if (day === null || day > cutoff) return;
      for (const agent of therapy.agents) {
        rows.push({
          STUDYID: subject.STUDYID,
          USUBJID: subject.USUBJID,
          CMSEQ: index + 1,
          CMTRT: agent.trim(),
          CMCAT: SUBSEQUENT_THERAPY_CATEGORY,
          ASTDT: therapy.startDate,
          ASTDY: first === null ? null : studyDay(day, first),
        });
      }
    });
  }
  return finishDerivation(rows, issues);
}
