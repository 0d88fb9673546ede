import type { AdaeRow } from '../../clinical/index.js';
import { sortIds } from './reportTable.js';

/** One preferred term: the subjects with it (worst grade per subject). */
export interface TermSubjects {
  readonly term: string;
  readonly anyGrade: readonly string[];
  readonly grade3OrMore: readonly string[];
}

/**
 * Treatment-emergent events of the given subjects by preferred term, each subject once per term at its
 * worst grade, sorted by any-grade count then term: the same rule as clinical/adam
 * tabulateAdverseEventsByTerm, keeping the subjects.
 */
export function adverseEventTerms(adae: readonly AdaeRow[], subjects: ReadonlySet<string>, filter: (row: AdaeRow) => boolean): readonly TermSubjects[] {
  const worst = new Map<string, Map<string, number>>();
  const names = new Map<string, string>();
  for (const row of adae) {
    if (!subjects.has(row.USUBJID) || row.TRTEMFL !== 'Y' || !filter(row)) continue;
    const key = row.AEDECOD.trim().toLowerCase();
    if (!names.has(key)) names.set(key, row.AEDECOD.trim());
    const bySubject = worst.get(key) ?? new Map<string, number>();
    bySubject.set(row.USUBJID, Math.max(bySubject.get(row.USUBJID) ?? 0, row.AETOXGR));
    worst.set(key, bySubject);
  }
  const out = [...worst.entries()].map(([key, bySubject]) => ({
    term: names.get(key) ?? key,
    anyGrade: Object.freeze(sortIds([...bySubject.keys()])),
    grade3OrMore: Object.freeze(sortIds([...bySubject.entries()].filter(([, grade]) => grade >= 3).map(([id]) => id))),
  }));
  out.sort((a, b) => b.anyGrade.length - a.anyGrade.length || a.term.localeCompare(b.term));
  return Object.freeze(out.map((item) => Object.freeze(item)));
}
