import { CTCAE_V5_LAB_CRITERIA, type CtcaeLabCriterion } from './ctcaeV5LabCriteria.js';

function termKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const BY_NAME: ReadonlyMap<string, CtcaeLabCriterion> = new Map(
  CTCAE_V5_LAB_CRITERIA.flatMap((criterion) =>
    [criterion.term, ...criterion.aliases].map((name) => [termKey(name), criterion] as const),
  ),
);

/** The criterion of a CTCAE v5.0 term or one of its documented aliases (case and spacing ignored), or null. */
export function findCtcaeTerm(term: string): CtcaeLabCriterion | null {
  return BY_NAME.get(termKey(term)) ?? null;
}

/** The exact CTCAE terms trialkit grades, for messages. */
export const CTCAE_V5_LAB_TERMS: readonly string[] = Object.freeze(CTCAE_V5_LAB_CRITERIA.map((criterion) => criterion.term));
