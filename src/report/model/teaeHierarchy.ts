import { findCtcaeSystemOrganClass, type AdaeRow } from '../../clinical/index.js';

/** Where a system organ class of the SOC tables comes from. */
export type SocSource = 'recorded' | 'ctcae' | 'not-coded';

/** The subjects of a group with each one's worst grade in it. */
export type WorstGrades = ReadonlyMap<string, number>;

export interface TeaeTerm {
  readonly term: string;
  readonly worst: WorstGrades;
}

export interface TeaeSystemOrganClass {
  /** The SOC as printed; null when not coded. */
  readonly soc: string | null;
  readonly worst: WorstGrades;
  readonly terms: readonly TeaeTerm[];
}

export interface TeaeHierarchy {
  /** Every subject with a treatment-emergent event, at the worst grade of all. */
  readonly worst: WorstGrades;
  /** Most frequent SOC first; the not-coded group, if any, last. */
  readonly socs: readonly TeaeSystemOrganClass[];
  /** Preferred terms whose SOC came from CTCAE v5.0 (not recorded on the form), and terms with none. */
  readonly fromCtcae: readonly string[];
  readonly notCoded: readonly string[];
}

/** The SOC of an event: as recorded on the AE form; else the one CTCAE v5.0 files its term under; else none. */
export function systemOrganClassOf(row: Pick<AdaeRow, 'AEBODSYS' | 'AEDECOD'>): { readonly soc: string | null; readonly source: SocSource } {
  const recorded = row.AEBODSYS?.trim() ?? '';
  if (recorded !== '') return { soc: recorded, source: 'recorded' };
  const ctcae = findCtcaeSystemOrganClass(row.AEDECOD);
  return ctcae === null ? { soc: null, source: 'not-coded' } : { soc: ctcae.systemOrganClass, source: 'ctcae' };
}

function keep(map: Map<string, number>, subject: string, grade: number): void {
  map.set(subject, Math.max(map.get(subject) ?? 0, grade));
}

/** Descending subject count, then alphabetical: the order SAS and rtables shells sort AE tables in. */
function byFrequency<T extends { readonly worst: WorstGrades }>(name: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => b.worst.size - a.worst.size || name(a).localeCompare(name(b));
}

/**
 * Treatment-emergent events of the given subjects grouped by system organ class and preferred term, each
 * subject once per group at its worst grade in the group. Preferred terms group case- and space-insensitively
 * (as clinical/adam tabulateAdverseEventsByTerm), printed as first coded.
 */
export function createTeaeHierarchy(adae: readonly AdaeRow[], subjects: ReadonlySet<string>): TeaeHierarchy {
  const worst = new Map<string, number>();
  interface Group {
    readonly soc: string | null;
    readonly worst: Map<string, number>;
    readonly terms: Map<string, { readonly term: string; readonly worst: Map<string, number> }>;
  }
  const socs = new Map<string, Group>();
  const fromCtcae = new Set<string>();
  const notCoded = new Set<string>();
  for (const row of adae) {
    if (!subjects.has(row.USUBJID) || row.TRTEMFL !== 'Y') continue;
    const term = row.AEDECOD.trim();
    const { soc, source } = systemOrganClassOf(row);
    if (source === 'ctcae') fromCtcae.add(term);
    if (source === 'not-coded') notCoded.add(term);
    const socKey = soc === null ? '\u0000' : soc.toLowerCase();
    const group: Group = socs.get(socKey) ?? { soc, worst: new Map<string, number>(), terms: new Map() };
    socs.set(socKey, group);
    const termKey = term.replace(/\s+/g, ' ').toLowerCase();
    const entry = group.terms.get(termKey) ?? { term, worst: new Map<string, number>() };
    group.terms.set(termKey, entry);
    keep(worst, row.USUBJID, row.AETOXGR);
    keep(group.worst, row.USUBJID, row.AETOXGR);
    keep(entry.worst, row.USUBJID, row.AETOXGR);
  }
  const coded = [...socs.values()].filter((g) => g.soc !== null);
  const uncoded = [...socs.values()].filter((g) => g.soc === null);
  const ordered = [...coded.sort(byFrequency((g) => g.soc ?? '')), ...uncoded].map((g) =>
    Object.freeze({
      soc: g.soc,
      worst: g.worst,
      terms: Object.freeze([...g.terms.values()].sort(byFrequency((t) => t.term)).map((t) => Object.freeze({ term: t.term, worst: t.worst }))),
    }),
  );
  return Object.freeze({
    worst,
    socs: Object.freeze(ordered),
    fromCtcae: Object.freeze([...fromCtcae].sort()),
    notCoded: Object.freeze([...notCoded].sort()),
  });
}

/** The row key of a SOC group: 'soc:<SOC as printed>' or 'soc:not-coded'. */
export function socKey(soc: string | null): string {
  return soc === null ? 'soc:not-coded' : `soc:${soc}`;
}

export const NOT_CODED_SOC_LABEL = 'System organ class not coded';

/** The footnote that says where each SOC came from, naming the terms that were not recorded with one. */
export function socSourceFootnote(hierarchy: TeaeHierarchy, ctcaeSource: string): string {
  const parts = ['System organ class as recorded on the adverse event form.'];
  if (hierarchy.fromCtcae.length > 0) parts.push(`Where the form records none, the class under which ${ctcaeSource} files the term: ${hierarchy.fromCtcae.join(', ')}.`);
  if (hierarchy.notCoded.length > 0) parts.push(`${NOT_CODED_SOC_LABEL}: no class recorded and the term is not a CTCAE v5.0 term (${hierarchy.notCoded.join(', ')}).`);
  return parts.join(' ');
}
