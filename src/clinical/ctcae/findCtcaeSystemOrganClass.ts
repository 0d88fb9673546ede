import { CTCAE_V5_SYSTEM_ORGAN_CLASSES, type CtcaeSystemOrganClassEntry } from './ctcaeV5SystemOrganClasses.js';

function termKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const BY_NAME: ReadonlyMap<string, CtcaeSystemOrganClassEntry> = new Map(
  CTCAE_V5_SYSTEM_ORGAN_CLASSES.flatMap((entry) => [entry.term, ...entry.aliases].map((name) => [termKey(name), entry] as const)),
);

/**
 * The CTCAE v5.0 term and MedDRA system organ class of an adverse event term (the CTCAE term or a listed
 * spelling of it, case and spacing ignored), or null when the term is not in the table: never a guess.
 */
export function findCtcaeSystemOrganClass(term: string): CtcaeSystemOrganClassEntry | null {
  return BY_NAME.get(termKey(term)) ?? null;
}
