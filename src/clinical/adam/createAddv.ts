import type { Issue } from '../../result/index.js';
import { issue } from '../../result/index.js';
import { findDeviationForm, readProtocolDeviations } from '../crf/index.js';
import type { TrialData } from '../crf/index.js';
import { studyDay } from '../dates/index.js';
import type { ProtocolDefinition } from '../protocol/index.js';
import type { AdslRow } from './createAdsl.js';
import type { Derivation } from './derivation.js';
import { dayOf, finishDerivation, readDate } from './derivation.js';

export interface AddvRow {
  readonly STUDYID: string;
  readonly USUBJID: string;
  /** Sequence of the deviation within the subject, by date (then as recorded). */
  readonly DVSEQ: number;
  /** What happened, as recorded. */
  readonly DVTERM: string;
  /** The protocol's category code (its DVCAT code list). */
  readonly DVCAT: string;
  /** 'MAJOR' (an important deviation, ICH E3 10.2) or 'MINOR'. */
  readonly DVSEV: 'MAJOR' | 'MINOR';
  readonly ASTDT: string;
  /** Study day relative to the first dose (null when untreated). */
  readonly ASTDY: number | null;
  readonly VISIT: string | null;
  readonly DVACTION: string | null;
}

/**
 * ADDV (OCCDS): one row per protocol deviation of an enrolled subject (ADSL ENRLFL) recorded on the
 * protocol's deviation log (the form of SDTM domain DV) and dated on or before the data cutoff. A protocol
 * without such a form has no rows, and the report says the deviations were not collected rather than none.
 */
export function createAddv(trial: TrialData, protocol: ProtocolDefinition, adsl: readonly AdslRow[]): Derivation<AddvRow> {
  const issues: Issue[] = [];
  const form = findDeviationForm(protocol.forms);
  const cutoff = readDate(trial.dataCutoffDate, [], []);
  if (form === undefined || cutoff === null) return finishDerivation([], issues);
  const bySubject = new Map(adsl.map((row) => [row.SUBJID, row]));
  const rows: AddvRow[] = [];
  trial.subjects.forEach((record, subjectIndex) => {
    const subject = bySubject.get(record.subject.subjectId);
    if (subject === undefined || subject.ENRLFL !== 'Y') return;
    const first = dayOf(subject.TRTSDT);
    const dated = readProtocolDeviations(record, form)
      .map((deviation, index) => ({ deviation, index, day: readDate(deviation.date, ['subjects', subjectIndex, 'diseaseForms', form.id, index, 'date'], issues) }))
      .filter((entry): entry is typeof entry & { day: number } => entry.day !== null && entry.day <= cutoff)
      .sort((a, b) => a.day - b.day || a.index - b.index);
    dated.forEach(({ deviation, index, day }, k) => {
      if (deviation.description.trim() === '') issues.push(issue('deviation-without-description', ['subjects', subjectIndex, 'diseaseForms', form.id, index, 'description'], deviation.description, 'what happened', 'warning'));
      rows.push({
        STUDYID: subject.STUDYID,
        USUBJID: subject.USUBJID,
        DVSEQ: k + 1,
        DVTERM: deviation.description,
        DVCAT: deviation.category,
        DVSEV: deviation.severity === 'major' ? 'MAJOR' : 'MINOR',
        ASTDT: deviation.date,
        ASTDY: first === null ? null : studyDay(day, first),
        VISIT: deviation.visit,
        DVACTION: deviation.action,
      });
    });
  });
  return finishDerivation(rows, issues);
}
