import type { AdrsEvaluator, AdrsRow, ResponseCategory } from '../../clinical/index.js';

export const RESPONSE_LABELS: Readonly<Record<ResponseCategory, string>> = Object.freeze({
  sCR: 'Stringent complete response (sCR)',
  CR: 'Complete response (CR)',
  VGPR: 'Very good partial response (VGPR)',
  PR: 'Partial response (PR)',
  MR: 'Minimal response (MR)',
  SD: 'Stable disease (SD)',
  PD: 'Progressive disease (PD)',
  NE: 'Not evaluable (NE)',
});

export const RESPONDER_CATEGORIES: readonly ResponseCategory[] = Object.freeze(['sCR', 'CR', 'VGPR', 'PR']);

/** Each subject's best confirmed response (ADRS PARAMCD = BOR) by one evaluator, for the given subjects. */
export function bestResponses(adrs: readonly AdrsRow[], evaluator: AdrsEvaluator, subjects: ReadonlySet<string>): ReadonlyMap<string, AdrsRow> {
  const out = new Map<string, AdrsRow>();
  for (const row of adrs) if (row.PARAMCD === 'BOR' && row.EVALUATOR === evaluator && subjects.has(row.USUBJID)) out.set(row.USUBJID, row);
  return out;
}

/** Subjects whose best response is `category`; a subject without a BOR row counts as NE. */
export function subjectsWithResponse(bor: ReadonlyMap<string, AdrsRow>, subjects: ReadonlySet<string>, category: ResponseCategory): string[] {
  return [...subjects].filter((id) => (bor.get(id)?.AVALC ?? 'NE') === category);
}

export function responders(bor: ReadonlyMap<string, AdrsRow>): string[] {
  return [...bor.values()].filter((row) => row.RSPFL === 'Y').map((row) => row.USUBJID);
}

export function diseaseControlled(bor: ReadonlyMap<string, AdrsRow>): string[] {
  return [...bor.values()].filter((row) => row.DCRFL === 'Y').map((row) => row.USUBJID);
}

