import type { AdrsRow, ResponseScale } from '../../clinical/index.js';
import { computeCohenKappa, type CohenKappaResult } from '../../stats/agreement/index.js';
import { bestResponses } from './bestResponse.js';

export interface ResponseConcordance {
  /** Subjects with a best response from both evaluators. */
  readonly subjects: readonly string[];
  /** Subjects given the same category by both. */
  readonly agreeing: readonly string[];
  /** pairs[i][j]: subjects rated category i by evaluator A and j by evaluator B (the scale's order). */
  readonly pairs: readonly (readonly (readonly string[])[])[];
  /** null when no subject has both, or kappa is undefined. */
  readonly kappa: CohenKappaResult | null;
}

/**
 * Two evaluators' best confirmed responses over the given subjects, with Cohen's kappa on the categories
 * of the scale. A code that is not on the scale (a derivation bug) is left out of the pairs, not miscounted.
 */
export function computeResponseConcordance(adrs: readonly AdrsRow[], evaluatorA: string, evaluatorB: string, scale: ResponseScale, subjects: ReadonlySet<string>, confLevel: number): ResponseConcordance {
  const codes = scale.categories.map((c) => c.code);
  const a = bestResponses(adrs, evaluatorA, subjects);
  const b = bestResponses(adrs, evaluatorB, subjects);
  const both = [...a.keys()].filter((id) => b.has(id) && codes.includes(a.get(id)?.AVALC ?? '') && codes.includes(b.get(id)?.AVALC ?? '')).sort();
  const k = codes.length;
  const pairs: string[][][] = Array.from({ length: k }, () => Array.from({ length: k }, () => []));
  const ratingsA: string[] = [];
  const ratingsB: string[] = [];
  for (const id of both) {
    const x = a.get(id)?.AVALC ?? scale.notEvaluable;
    const y = b.get(id)?.AVALC ?? scale.notEvaluable;
    ratingsA.push(x);
    ratingsB.push(y);
    pairs[codes.indexOf(x)][codes.indexOf(y)].push(id);
  }
  const outcome = both.length === 0 ? null : computeCohenKappa({ ratingsA, ratingsB, categories: codes, confLevel });
  return Object.freeze({
    subjects: Object.freeze(both),
    agreeing: Object.freeze(both.filter((_, i) => ratingsA[i] === ratingsB[i])),
    pairs: Object.freeze(pairs.map((r) => Object.freeze(r.map((c) => Object.freeze(c))))),
    kappa: outcome !== null && outcome.ok && outcome.value.kappa !== null ? outcome.value : null,
  });
}
