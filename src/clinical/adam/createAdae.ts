import type { Issue } from '../../result/index.js';
import { issue } from '../../result/index.js';
import type { AeAction, AeOutcome, Relationship, TrialData } from '../crf/index.js';
import { RELATED_CATEGORIES } from '../crf/index.js';
import { studyDay } from '../dates/index.js';
import type { DayNumber } from '../dates/index.js';
import type { ProtocolDefinition } from '../protocol/index.js';
import { aeGroupsOf } from './adslVariables.js';
import type { AdslRow } from './createAdsl.js';
import type { Derivation, Flag } from './derivation.js';
import { dayOf, finishDerivation, flag, isoOrNull, readDate } from './derivation.js';

export interface AdaeRow {
  readonly STUDYID: string;
  readonly USUBJID: string;
  readonly AESEQ: number;
  readonly AETERM: string;
  readonly AEDECOD: string;
  readonly AEBODSYS: string | null;
  readonly ASTDT: string;
  /** End date, null when ongoing at the data cutoff. */
  readonly AENDT: string | null;
  /** Study day of onset relative to the first dose. */
  readonly ASTDY: number | null;
  /** CTCAE grade recorded by the investigator. */
  readonly AETOXGR: number;
  readonly AESER: Flag;
  /** Causality per drug of the regimen (drug id -> relationship), as recorded. */
  readonly AERELS: Readonly<Record<string, Relationship>>;
  /** Action taken per drug of the regimen (drug id -> action), as recorded. */
  readonly AEACNS: Readonly<Record<string, AeAction>>;
  /** Drug ids the event is related to (possible, probable or definite). */
  readonly RELDRUGS: readonly string[];
  /** Related to any drug of the regimen. */
  readonly RELFL: Flag;
  /** Related to an investigational drug of the regimen. */
  readonly RELINVFL: Flag;
  readonly TRTEMFL: Flag;
  /** A study drug was reduced or interrupted for the AE. */
  readonly DOSADJFL: Flag;
  /** A study drug was withdrawn for the AE. */
  readonly DRGWDFL: Flag;
  /** The AE led to discontinuation of the study. */
  readonly STDYDCFL: Flag;
  readonly AEOUT: AeOutcome;
  /** Fatal outcome or grade 5. */
  readonly FATALFL: Flag;
  /** Ids of the AE groups of interest the event belongs to (aeGroupings). */
  readonly AEGRPS: readonly string[];
  /**
   * Worst occurrence for the subject and preferred term among treatment-emergent events (highest grade,
   * then earliest onset, then lowest AESEQ); null for non-treatment-emergent events.
   */
  readonly WORSTFL: Flag | null;
}

function related(relationship: Relationship): boolean {
  return RELATED_CATEGORIES.includes(relationship);
}

/**
 * ADAE: one row per adverse event with onset on or before the data cutoff, for subjects in ADSL.
 * Treatment-emergent: onset from the first dose to the protocol's window after the last dose.
 */
export function createAdae(trial: TrialData, protocol: ProtocolDefinition, adsl: readonly AdslRow[]): Derivation<AdaeRow> {
  const drugs = protocol.regimen.drugs;
  const investigational = new Set(drugs.filter((drug) => drug.role === 'investigational').map((drug) => drug.id));
  const issues: Issue[] = [];
  const cutoff = readDate(trial.dataCutoffDate, ['dataCutoffDate'], issues);
  if (cutoff === null) return finishDerivation([], issues);
  const bySubject = new Map(adsl.map((row) => [row.SUBJID, row]));
  const rows: (AdaeRow & { onset: DayNumber })[] = [];

  trial.subjects.forEach((record, index) => {
    const subject = bySubject.get(record.subject.subjectId);
    if (subject === undefined || subject.ENRLFL !== 'Y') return;
    const first = dayOf(subject.TRTSDT);
    const last = dayOf(subject.TRTEDT);
    record.adverseEvents.forEach((ae, i) => {
      const path = ['subjects', index, 'adverseEvents', i] as const;
      const onset = readDate(ae.onsetDate, [...path, 'onsetDate'], issues);
      if (onset === null || onset > cutoff) return;
      let end = readDate(ae.endDate, [...path, 'endDate'], issues);
      if (end !== null && end < onset) {
        issues.push(issue('end-before-onset', [...path, 'endDate'], ae.endDate, `a date on or after onset ${ae.onsetDate}`));
        end = null;
      }
      if (end !== null && end > cutoff) end = null;
      const emergent = first !== null && last !== null && onset >= first && onset <= last + protocol.teaeWindowDaysAfterLastDose;
      const actions = drugs.map((drug) => ae.actionTaken[drug.id] as AeAction | undefined);
      const relatedDrugs = drugs.map((drug) => drug.id).filter((id) => {
        const relationship = ae.relatedness[id];
        return relationship !== undefined && related(relationship);
      });
      rows.push({
        onset,
        STUDYID: subject.STUDYID,
        USUBJID: subject.USUBJID,
        AESEQ: ae.sequence,
        AETERM: ae.reportedTerm,
        AEDECOD: ae.preferredTerm,
        AEBODSYS: ae.systemOrganClass ?? null,
        ASTDT: ae.onsetDate,
        AENDT: isoOrNull(end),
        ASTDY: first === null ? null : studyDay(onset, first),
        AETOXGR: ae.grade,
        AESER: flag(ae.serious),
        AERELS: Object.freeze({ ...ae.relatedness }),
        AEACNS: Object.freeze({ ...ae.actionTaken }),
        RELDRUGS: Object.freeze(relatedDrugs),
        RELFL: flag(relatedDrugs.length > 0),
        RELINVFL: flag(relatedDrugs.some((id) => investigational.has(id))),
        TRTEMFL: flag(emergent),
        DOSADJFL: flag(actions.some((action) => action === 'dose-reduced' || action === 'interrupted')),
        DRGWDFL: flag(actions.includes('withdrawn')),
        STDYDCFL: flag(ae.ledToStudyDiscontinuation),
        AEOUT: ae.outcome,
        FATALFL: flag(ae.outcome === 'fatal' || ae.grade === 5),
        AEGRPS: Object.freeze(aeGroupsOf(ae.preferredTerm, ae.systemOrganClass, protocol.aeGroups)),
        WORSTFL: null,
      });
    });
  });

  // Worst grade per subject and preferred term among treatment-emergent events.
  const worst = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    if (row.TRTEMFL !== 'Y') continue;
    const key = `${row.USUBJID}\u0000${row.AEDECOD.trim().toLowerCase()}`;
    const current = worst.get(key);
    const better =
      current === undefined ||
      row.AETOXGR > current.AETOXGR ||
      (row.AETOXGR === current.AETOXGR && (row.onset < current.onset || (row.onset === current.onset && row.AESEQ < current.AESEQ)));
    if (better) worst.set(key, row);
  }
  const chosen = new Set(worst.values());
  const out: AdaeRow[] = rows.map(({ onset: _onset, ...row }, i) => ({
    ...row,
    WORSTFL: row.TRTEMFL === 'Y' ? flag(chosen.has(rows[i])) : null,
  }));
  return finishDerivation(out, issues);
}
