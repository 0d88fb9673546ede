import type { AdrsRow, ResponseScale } from '../../clinical/index.js';
import { rememberedGrouping } from './groupRows.js';

/**
 * Each ADRS's BOR rows by evaluator, in ADRS order, found once per dataset: the model asks for best responses
 * a dozen times (tables, figures, subgroups), and a 10,000-subject ADRS has 140,000 rows, most of them visits.
 */
const borRowsByEvaluator = rememberedGrouping<AdrsRow>((row) => (row.PARAMCD === 'BOR' ? row.EVALUATOR : null));

/** Each subject's best confirmed response (ADRS PARAMCD = BOR) by one evaluator, for the given subjects. */
export function bestResponses(adrs: readonly AdrsRow[], evaluator: string, subjects: ReadonlySet<string>): ReadonlyMap<string, AdrsRow> {
  const out = new Map<string, AdrsRow>();
  for (const row of borRowsByEvaluator(adrs).get(evaluator) ?? []) if (subjects.has(row.USUBJID)) out.set(row.USUBJID, row);
  return out;
}

/** A subject's best response code; a subject without a BOR row is not evaluable on the scale. */
export function bestCode(bor: ReadonlyMap<string, AdrsRow>, id: string, scale: ResponseScale): string {
  return bor.get(id)?.AVALC ?? scale.notEvaluable;
}

/** Subjects whose best response is `category`; a subject without a BOR row counts as not evaluable. */
export function subjectsWithResponse(bor: ReadonlyMap<string, AdrsRow>, subjects: ReadonlySet<string>, category: string, scale: ResponseScale): string[] {
  return [...subjects].filter((id) => bestCode(bor, id, scale) === category);
}

/** Objective responders on the scale (ADRS RSPFL). */
export function responders(bor: ReadonlyMap<string, AdrsRow>): string[] {
  return [...bor.values()].filter((row) => row.RSPFL === 'Y').map((row) => row.USUBJID);
}

/** Subjects with disease control on the scale (ADRS DCRFL). */
export function diseaseControlled(bor: ReadonlyMap<string, AdrsRow>): string[] {
  return [...bor.values()].filter((row) => row.DCRFL === 'Y').map((row) => row.USUBJID);
}
