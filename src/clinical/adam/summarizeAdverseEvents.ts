import type { AdaeRow } from './createAdae.js';
import type { AdslRow } from './createAdsl.js';

/** Subjects (n) with at least one event meeting a condition, out of N in the safety set. */
export interface SubjectCount {
  readonly n: number;
  readonly N: number;
}

/** Number of distinct subjects of the safety set with at least one AE row satisfying `predicate`. */
export function countSubjects(adae: readonly AdaeRow[], adsl: readonly AdslRow[], predicate: (row: AdaeRow) => boolean, safetyFlag: string): SubjectCount {
  const safety = new Set(adsl.filter((row) => row[safetyFlag] === 'Y').map((row) => row.USUBJID));
  const hit = new Set<string>();
  for (const row of adae) if (safety.has(row.USUBJID) && predicate(row)) hit.add(row.USUBJID);
  return Object.freeze({ n: hit.size, N: safety.size });
}

const teae = (row: AdaeRow): boolean => row.TRTEMFL === 'Y';
const related = (row: AdaeRow): boolean => row.RELINVFL === 'Y';

/** The overview of treatment-emergent AEs (safety population), as subject counts; "related" = to an investigational drug. */
export interface TeaeOverview {
  readonly anyTeae: SubjectCount;
  readonly grade3Teae: SubjectCount;
  readonly relatedTeae: SubjectCount;
  readonly relatedGrade3Teae: SubjectCount;
  readonly tesae: SubjectCount;
  readonly relatedTesae: SubjectCount;
  readonly teaeDoseAdjustment: SubjectCount;
  readonly relatedTeaeDoseAdjustment: SubjectCount;
  readonly teaeDrugDiscontinuation: SubjectCount;
  readonly relatedTeaeDrugDiscontinuation: SubjectCount;
  /** Any AE (treatment-emergent or not) leading to discontinuation of the study. */
  readonly aeStudyDiscontinuation: SubjectCount;
  readonly relatedTeaeStudyDiscontinuation: SubjectCount;
  /** Treatment-emergent AEs with a fatal outcome. */
  readonly death: SubjectCount;
  readonly relatedDeath: SubjectCount;
}

export function summarizeAdverseEvents(adae: readonly AdaeRow[], adsl: readonly AdslRow[], safetyFlag: string): TeaeOverview {
  const count = (predicate: (row: AdaeRow) => boolean): SubjectCount => countSubjects(adae, adsl, predicate, safetyFlag);
  return Object.freeze({
    anyTeae: count(teae),
    grade3Teae: count((r) => teae(r) && r.AETOXGR >= 3),
    relatedTeae: count((r) => teae(r) && related(r)),
    relatedGrade3Teae: count((r) => teae(r) && related(r) && r.AETOXGR >= 3),
    tesae: count((r) => teae(r) && r.AESER === 'Y'),
    relatedTesae: count((r) => teae(r) && related(r) && r.AESER === 'Y'),
    teaeDoseAdjustment: count((r) => teae(r) && r.DOSADJFL === 'Y'),
    relatedTeaeDoseAdjustment: count((r) => teae(r) && related(r) && r.DOSADJFL === 'Y'),
    teaeDrugDiscontinuation: count((r) => teae(r) && r.DRGWDFL === 'Y'),
    relatedTeaeDrugDiscontinuation: count((r) => teae(r) && related(r) && r.DRGWDFL === 'Y'),
    aeStudyDiscontinuation: count((r) => r.STDYDCFL === 'Y'),
    relatedTeaeStudyDiscontinuation: count((r) => teae(r) && related(r) && r.STDYDCFL === 'Y'),
    death: count((r) => teae(r) && r.FATALFL === 'Y'),
    relatedDeath: count((r) => teae(r) && related(r) && r.FATALFL === 'Y'),
  });
}

/** One preferred term of Table 3: subjects with the term at any grade and at grade >= 3. */
export interface TermCount {
  readonly term: string;
  readonly anyGrade: number;
  readonly grade3OrMore: number;
  readonly N: number;
}

/**
 * Treatment-emergent events by preferred term (related to an investigational drug only when `relatedOnly`), each subject
 * counted once per term at its worst grade; sorted by any-grade count, then term.
 */
export function tabulateAdverseEventsByTerm(
  adae: readonly AdaeRow[],
  adsl: readonly AdslRow[],
  options: { readonly safetyFlag: string; readonly relatedOnly?: boolean },
): readonly TermCount[] {
  const safety = new Set(adsl.filter((row) => row[options.safetyFlag] === 'Y').map((row) => row.USUBJID));
  const worst = new Map<string, Map<string, number>>();
  const names = new Map<string, string>();
  for (const row of adae) {
    if (!safety.has(row.USUBJID) || row.TRTEMFL !== 'Y') continue;
    if (options.relatedOnly === true && row.RELINVFL !== 'Y') continue;
    const key = row.AEDECOD.trim().toLowerCase();
    if (!names.has(key)) names.set(key, row.AEDECOD.trim());
    const bySubject = worst.get(key) ?? new Map<string, number>();
    bySubject.set(row.USUBJID, Math.max(bySubject.get(row.USUBJID) ?? 0, row.AETOXGR));
    worst.set(key, bySubject);
  }
  const out: TermCount[] = [...worst.entries()].map(([key, bySubject]) => ({
    term: names.get(key) ?? key,
    anyGrade: bySubject.size,
    grade3OrMore: [...bySubject.values()].filter((grade) => grade >= 3).length,
    N: safety.size,
  }));
  out.sort((a, b) => b.anyGrade - a.anyGrade || a.term.localeCompare(b.term));
  return Object.freeze(out.map((row) => Object.freeze(row)));
}
