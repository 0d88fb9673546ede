import type { AdrsRow } from '../../clinical/index.js';
import { RESPONSE_CATEGORIES } from '../../clinical/index.js';
import { computeCohenKappa, type CohenKappaResult } from '../../stats/agreement/index.js';
import { bestResponses } from './bestResponse.js';

export interface ResponseConcordance {
  /** Subjects with a best response from both evaluators. */
  readonly subjects: readonly string[];
  /** Subjects given the same category by both. */
  readonly agreeing: readonly string[];
  /** pairs[i][j]: subjects rated category i by the IRC and j by the investigator (RESPONSE_CATEGORIES order). */
  readonly pairs: readonly (readonly (readonly string[])[])[];
  /** null when no subject has both, or kappa is undefined. */
  readonly kappa: CohenKappaResult | null;
}

/** IRC vs investigator best confirmed response over the given subjects, with Cohen's kappa on the 8 IMWG categories. */
export function computeResponseConcordance(adrs: readonly AdrsRow[], subjects: ReadonlySet<string>, confLevel: number): ResponseConcordance {
  const irc = bestResponses(adrs, 'IRC', subjects);
  const inv = bestResponses(adrs, 'INVESTIGATOR', subjects);
  const both = [...irc.keys()].filter((id) => inv.has(id)).sort();
  const k = RESPONSE_CATEGORIES.length;
  const pairs: string[][][] = Array.from({ length: k }, () => Array.from({ length: k }, () => []));
  const a: string[] = [];
  const b: string[] = [];
  for (const id of both) {
    const x = irc.get(id)?.AVALC ?? 'NE';
    const y = inv.get(id)?.AVALC ?? 'NE';
    a.push(x);
    b.push(y);
    pairs[RESPONSE_CATEGORIES.indexOf(x)][RESPONSE_CATEGORIES.indexOf(y)].push(id);
  }
  const outcome = both.length === 0 ? null : computeCohenKappa({ ratingsA: a, ratingsB: b, categories: RESPONSE_CATEGORIES, confLevel });
  return Object.freeze({
    subjects: Object.freeze(both),
    agreeing: Object.freeze(both.filter((id, i) => a[i] === b[i])),
    pairs: Object.freeze(pairs.map((r) => Object.freeze(r.map((c) => Object.freeze(c))))),
    kappa: outcome !== null && outcome.ok && outcome.value.kappa !== null ? outcome.value : null,
  });
}
