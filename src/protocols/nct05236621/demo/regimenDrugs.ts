import { findDrug, holdReason, type DrugDefinition, type ToxicityEvent } from '../../../clinical/index.js';
import { NCT05236621_REGIMEN } from '../regimen.js';

/** The two drugs of the regimen by their ids (the dosing rows' `drug`, the AE forms' relatedness keys). */
export type RegimenDrug = 'pomalidomide' | 'dexamethasone';

function definition(id: RegimenDrug): DrugDefinition {
  const drug = findDrug(NCT05236621_REGIMEN, id);
  if (drug === undefined) throw new Error(`the NCT05236621 regimen has no drug ${id}`);
  return drug;
}

const DRUGS: Readonly<Record<RegimenDrug, DrugDefinition>> = Object.freeze({ pomalidomide: definition('pomalidomide'), dexamethasone: definition('dexamethasone') });

/** Whether the regimen's ladder holds `drug` for this toxicity (the dose engines' own rule). */
export function holdsDrug(event: ToxicityEvent, drug: RegimenDrug): boolean {
  return holdReason(event, DRUGS[drug]) !== null;
}
