import type { AdaeRow } from './createAdae.js';
import type { AdslRow } from './createAdsl.js';

/** Subjects (n) with at least one event meeting a condition, out of N in the safety set. */
export interface SubjectCount {
  readonly n: number;
  readonly N: number;
}

/** Number of distinct subjects of the safety set with at least one AE row satisfying `predicate`. */
export function countSubjects(adae: readonly AdaeRow[], adsl: readonly AdslRow[], predicate: (row: AdaeRow) => boolean): SubjectCount {
  const safety = new Set(adsl.filter((row) => row.SAFFL === 'Y').map((row) => row.USUBJID));
  const hit = new Set<string>();
  for (const row of adae) if (safety.has(row.USUBJID) && predicate(row)) hit.add(row.USUBJID);
  return Object.freeze({ n: hit.size, N: safety.size });
}

const teae = (row: AdaeRow): boolean => row.TRTEMFL === 'Y';
const pom = (row: AdaeRow): boolean => row.RELPOMFL === 'Y';

/** The overview rows of the paper's Table 2 (safety population), as subject counts. */
export interface TeaeOverview {
  readonly anyTeae: SubjectCount;
  readonly grade3Teae: SubjectCount;
  readonly pomRelatedTeae: SubjectCount;
  readonly pomRelatedGrade3Teae: SubjectCount;
  readonly tesae: SubjectCount;
  readonly pomRelatedTesae: SubjectCount;
  readonly teaeDoseAdjustment: SubjectCount;
  readonly pomRelatedTeaeDoseAdjustment: SubjectCount;
  readonly teaeDrugDiscontinuation: SubjectCount;
  readonly pomRelatedTeaeDrugDiscontinuation: SubjectCount;
  /** Any AE (treatment-emergent or not) leading to discontinuation of the study. */
  readonly aeStudyDiscontinuation: SubjectCount;
  readonly pomRelatedTeaeStudyDiscontinuation: SubjectCount;
  /** Treatment-emergent AEs with a fatal outcome. */
  readonly death: SubjectCount;
  readonly pomRelatedDeath: SubjectCount;
}

export function summarizeAdverseEvents(adae: readonly AdaeRow[], adsl: readonly AdslRow[]): TeaeOverview {
  const count = (predicate: (row: AdaeRow) => boolean): SubjectCount => countSubjects(adae, adsl, predicate);
  return Object.freeze({
    anyTeae: count(teae),
    grade3Teae: count((r) => teae(r) && r.AETOXGR >= 3),
    pomRelatedTeae: count((r) => teae(r) && pom(r)),
    pomRelatedGrade3Teae: count((r) => teae(r) && pom(r) && r.AETOXGR >= 3),
    tesae: count((r) => teae(r) && r.AESER === 'Y'),
    pomRelatedTesae: count((r) => teae(r) && pom(r) && r.AESER === 'Y'),
    teaeDoseAdjustment: count((r) => teae(r) && r.DOSADJFL === 'Y'),
    pomRelatedTeaeDoseAdjustment: count((r) => teae(r) && pom(r) && r.DOSADJFL === 'Y'),
    teaeDrugDiscontinuation: count((r) => teae(r) && r.DRGWDFL === 'Y'),
    pomRelatedTeaeDrugDiscontinuation: count((r) => teae(r) && pom(r) && r.DRGWDFL === 'Y'),
    aeStudyDiscontinuation: count((r) => r.STDYDCFL === 'Y'),
    pomRelatedTeaeStudyDiscontinuation: count((r) => teae(r) && pom(r) && r.STDYDCFL === 'Y'),
    death: count((r) => teae(r) && r.FATALFL === 'Y'),
    pomRelatedDeath: count((r) => teae(r) && pom(r) && r.FATALFL === 'Y'),
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
 * Treatment-emergent events by preferred term (pomalidomide-related only when `relatedOnly`), each subject
 * counted once per term at its worst grade; sorted by any-grade count, then term.
 */
export function tabulateAdverseEventsByTerm(
  adae: readonly AdaeRow[],
  adsl: readonly AdslRow[],
  options: { readonly relatedOnly?: boolean } = {},
): readonly TermCount[] {
  const safety = new Set(adsl.filter((row) => row.SAFFL === 'Y').map((row) => row.USUBJID));
  const worst = new Map<string, Map<string, number>>();
  const names = new Map<string, string>();
  for (const row of adae) {
    if (!safety.has(row.USUBJID) || row.TRTEMFL !== 'Y') continue;
    if (options.relatedOnly === true && row.RELPOMFL !== 'Y') continue;
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
