/**
 * Anchor ids of the HTML report's traceability sections. A subject list's id is a hash of its sorted
 * USUBJIDs, so every cell or figure mark with the same subjects links to one section (the file stays
 * small) and a figure drawn apart from the page can compute the same link.
 */

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function subjectAnchor(usubjid: string): string {
  return `s-${slug(usubjid)}`;
}

/** Whether the ids are already in sort() order with no repeat (a cell's subjects are: see ReportCell). */
function isStrictlyAscending(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i += 1) if (!(ids[i - 1] < ids[i])) return false;
  return true;
}

/**
 * FNV-1a, 32 bits (stable, fast, and collisions are caught by also keeping the count in the id), of the
 * ids joined by NUL, hashed id by id: a list of thousands of ids is not first copied into
 * one string (the HTML report hashes every count's list).
 */
function fnv1aJoined(ids: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (let k = 0; k < ids.length; k += 1) {
    // The separator: NUL, code 0, so the xor leaves the hash as it is; the multiply is still done.
    if (k > 0) hash = Math.imul(hash, 0x01000193) >>> 0;
    const text = ids[k];
    for (let i = 0; i < text.length; i += 1) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash.toString(16).padStart(8, '0');
}

/** The ids distinct and in sort() order: the list itself when it is already (a cell's subjects are). */
export function sortedDistinctIds(subjects: readonly string[]): readonly string[] {
  return isStrictlyAscending(subjects) ? subjects : [...new Set(subjects)].sort();
}

/**
 * Each list's anchor, by the list itself: the model shares one frozen list among the cells and marks with
 * the same subjects (a population's ids), which are then hashed once. Only frozen lists, which cannot change.
 */
const anchorOfList = new WeakMap<readonly string[], string>();

export function subjectListAnchor(subjects: readonly string[]): string {
  const frozen = Object.isFrozen(subjects);
  let anchor = frozen ? anchorOfList.get(subjects) : undefined;
  if (anchor === undefined) {
    const sorted = sortedDistinctIds(subjects);
    anchor = `sl-${sorted.length}-${fnv1aJoined(sorted)}`;
    if (frozen) anchorOfList.set(subjects, anchor);
  }
  return anchor;
}

/** The links a figure drawn for the HTML report uses (see FigureLinks in ../charts). */
export const HTML_FIGURE_LINKS = Object.freeze({
  subjects: (ids: readonly string[]) => `#${subjectListAnchor(ids)}`,
  subject: (id: string) => `#${subjectAnchor(id)}`,
});
