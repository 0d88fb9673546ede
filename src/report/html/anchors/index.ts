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

/** The anchor of a list of distinct ids in sort() order: its count and hash. */
function anchorOfSorted(sorted: readonly string[]): string {
  return `sl-${sorted.length}-${fnv1aJoined(sorted)}`;
}

/** A list's anchor, remembered by the list itself when frozen; `ofSorted` gives it from the sorted ids. */
function anchorFor(subjects: readonly string[], ofSorted: (sorted: readonly string[]) => string): string {
  const frozen = Object.isFrozen(subjects);
  let anchor = frozen ? anchorOfList.get(subjects) : undefined;
  if (anchor === undefined) {
    anchor = ofSorted(sortedDistinctIds(subjects));
    if (frozen) anchorOfList.set(subjects, anchor);
  }
  return anchor;
}

export function subjectListAnchor(subjects: readonly string[]): string {
  return anchorFor(subjects, anchorOfSorted);
}

/** The links a figure drawn for the HTML report uses (see FigureLinks in ../charts). */
export const HTML_FIGURE_LINKS = Object.freeze({
  subjects: (ids: readonly string[]) => `#${subjectListAnchor(ids)}`,
  subject: (id: string) => `#${subjectAnchor(id)}`,
});

/** Whether two lists hold the same ids in the same order. */
function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * subjectListAnchor for one report's lists, remembering those it has hashed by their content: the model
 * makes many lists with the same subjects (every count over a whole population, each cell of a row), and
 * comparing a list with one seen before is several times cheaper than hashing its ids again (a
 * 10,000-subject report hashed 1.9 million ids for 5,600 distinct lists). The anchors are
 * subjectListAnchor's: lists with the same ids have the same hash. Dropped with the report (no list is
 * kept beyond it).
 */
export function subjectListAnchors(): (subjects: readonly string[]) => string {
  const byContent = new Map<string, { readonly ids: readonly string[]; readonly anchor: string }[]>();
  const remembered = (sorted: readonly string[]): string => {
    const n = sorted.length;
    const key = n === 0 ? '0' : `${n}\u0000${sorted[0]}\u0000${sorted[n >> 1]}\u0000${sorted[n - 1]}`;
    let seen = byContent.get(key);
    const same = seen?.find((entry) => sameIds(entry.ids, sorted));
    if (same !== undefined) return same.anchor;
    const anchor = anchorOfSorted(sorted);
    if (seen === undefined) {
      seen = [];
      byContent.set(key, seen);
    }
    seen.push({ ids: sorted, anchor });
    return anchor;
  };
  return (subjects) => anchorFor(subjects, remembered);
}
