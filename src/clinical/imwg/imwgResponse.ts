/**
 * IMWG response categories (Kumar et al., Lancet Oncol 2016;17:e328), best first. PD and NE are not on
 * the depth scale: PD ends the search for a best response, NE means the assessment could not be judged.
 */
export type ImwgResponse = 'sCR' | 'CR' | 'VGPR' | 'PR' | 'MR' | 'SD' | 'PD' | 'NE';

export const IMWG_RESPONSES: readonly ImwgResponse[] = Object.freeze(['sCR', 'CR', 'VGPR', 'PR', 'MR', 'SD', 'PD', 'NE']);

const DEPTH: Readonly<Record<ImwgResponse, number | null>> = Object.freeze({
  sCR: 6,
  CR: 5,
  VGPR: 4,
  PR: 3,
  MR: 2,
  SD: 1,
  PD: null,
  NE: null,
});

/**
 * Depth of a non-progression category (sCR 6 ... SD 1), null for PD and NE. The categories are nested:
 * an assessment at a given depth also meets every shallower category, which is what lets "a PR followed
 * by a VGPR" confirm PR.
 */
export function responseDepth(response: ImwgResponse): number | null {
  return DEPTH[response];
}

/** The category at a depth (inverse of responseDepth). */
export function responseAtDepth(depth: number): ImwgResponse {
  const found = IMWG_RESPONSES.find((r) => DEPTH[r] === depth);
  if (found === undefined) throw new RangeError(`no IMWG category has depth ${depth}`);
  return found;
}

/** Responders for ORR: PR or better (sCR + CR + VGPR + PR). */
export function isResponder(response: ImwgResponse | null): boolean {
  if (response === null) return false;
  const depth = DEPTH[response];
  return depth !== null && depth >= 3;
}
