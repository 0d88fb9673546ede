import type { RecistNonTargetResponse, RecistTargetResponse } from './recistCategories.js';
import type { RecistNewLesionFinding, RecistOverallRule } from './recistRule.js';

// RECIST 1.1 time-point (overall) response, Eisenhauer EA et al., Eur J Cancer 2009;45:228-247:
// Table 1 (target disease, with or without non-target disease) and Table 2 (non-target disease only), row
// by row in the paper's order. The first row that matches gives the overall response; PD rows overlap and
// agree. Two readings are trialkit's: a patient without non-target disease ('NA') reads like non-target CR
// (nothing left to respond), and a target NE with a non-target NE is NE (Table 1 lists only "non-PD").

const ANY_TARGET: readonly RecistTargetResponse[] = Object.freeze(['CR', 'PR', 'SD', 'PD', 'NE']);
const ANY_NON_TARGET: readonly RecistNonTargetResponse[] = Object.freeze(['CR', 'NON-CR/NON-PD', 'PD', 'NE', 'NA']);
const NON_PD_OR_NOT_ALL_EVALUATED: readonly RecistNonTargetResponse[] = Object.freeze(['CR', 'NON-CR/NON-PD', 'NE', 'NA']);
const NO: readonly RecistNewLesionFinding[] = Object.freeze(['no']);
const YES_OR_NO: readonly RecistNewLesionFinding[] = Object.freeze(['no', 'yes']);

function row(rule: RecistOverallRule): RecistOverallRule {
  return Object.freeze({ ...rule, target: Object.freeze([...rule.target]), nonTarget: Object.freeze([...rule.nonTarget]), newLesion: Object.freeze([...rule.newLesion]) });
}

export const RECIST_11_TABLE_1: readonly RecistOverallRule[] = Object.freeze([
  row({ id: 't1-cr', source: 'Table 1, row 1', target: ['CR'], nonTarget: ['CR', 'NA'], newLesion: NO, overall: 'CR', wording: 'Target CR, non-target CR (or none), no new lesion: CR' }),
  row({ id: 't1-cr-non-cr', source: 'Table 1, row 2', target: ['CR'], nonTarget: ['NON-CR/NON-PD'], newLesion: NO, overall: 'PR', wording: 'Target CR, non-target non-CR/non-PD, no new lesion: PR' }),
  row({ id: 't1-cr-ne', source: 'Table 1, row 3', target: ['CR'], nonTarget: ['NE'], newLesion: NO, overall: 'PR', wording: 'Target CR, non-target not evaluated, no new lesion: PR' }),
  row({ id: 't1-pr', source: 'Table 1, row 4', target: ['PR'], nonTarget: NON_PD_OR_NOT_ALL_EVALUATED, newLesion: NO, overall: 'PR', wording: 'Target PR, non-target non-PD or not all evaluated, no new lesion: PR' }),
  row({ id: 't1-sd', source: 'Table 1, row 5', target: ['SD'], nonTarget: NON_PD_OR_NOT_ALL_EVALUATED, newLesion: NO, overall: 'SD', wording: 'Target SD, non-target non-PD or not all evaluated, no new lesion: SD' }),
  row({ id: 't1-ne', source: 'Table 1, row 6', target: ['NE'], nonTarget: NON_PD_OR_NOT_ALL_EVALUATED, newLesion: NO, overall: 'NE', wording: 'Target not all evaluated, non-target non-PD, no new lesion: NE' }),
  row({ id: 't1-target-pd', source: 'Table 1, row 7', target: ['PD'], nonTarget: ANY_NON_TARGET, newLesion: YES_OR_NO, overall: 'PD', wording: 'Target PD, any non-target, new lesion yes or no: PD' }),
  row({ id: 't1-non-target-pd', source: 'Table 1, row 8', target: ANY_TARGET, nonTarget: ['PD'], newLesion: YES_OR_NO, overall: 'PD', wording: 'Any target, non-target PD, new lesion yes or no: PD' }),
  row({ id: 't1-new-lesion', source: 'Table 1, row 9', target: ANY_TARGET, nonTarget: ANY_NON_TARGET, newLesion: ['yes'], overall: 'PD', wording: 'Any target, any non-target, new lesion: PD' }),
]);

export const RECIST_11_TABLE_2: readonly RecistOverallRule[] = Object.freeze([
  row({ id: 't2-cr', source: 'Table 2, row 1', target: ['NA'], nonTarget: ['CR'], newLesion: NO, overall: 'CR', wording: 'Non-target CR, no new lesion: CR' }),
  row({ id: 't2-non-cr-non-pd', source: 'Table 2, row 2', target: ['NA'], nonTarget: ['NON-CR/NON-PD'], newLesion: NO, overall: 'NON-CR/NON-PD', wording: 'Non-target non-CR/non-PD, no new lesion: NON-CR/NON-PD' }),
  row({ id: 't2-ne', source: 'Table 2, row 3', target: ['NA'], nonTarget: ['NE'], newLesion: NO, overall: 'NE', wording: 'Non-target not all evaluated, no new lesion: NE' }),
  row({ id: 't2-non-target-pd', source: 'Table 2, row 4', target: ['NA'], nonTarget: ['PD'], newLesion: YES_OR_NO, overall: 'PD', wording: 'Non-target unequivocal PD, new lesion yes or no: PD' }),
  row({ id: 't2-new-lesion', source: 'Table 2, row 5', target: ['NA'], nonTarget: ['CR', 'NON-CR/NON-PD', 'PD', 'NE'], newLesion: ['yes'], overall: 'PD', wording: 'Any non-target, new lesion: PD' }),
]);

/** Tables 1 and 2 as one ordered list (their rows never overlap: Table 2 rows need target 'NA'). */
export const RECIST_11_OVERALL_RULES: readonly RecistOverallRule[] = Object.freeze([...RECIST_11_TABLE_1, ...RECIST_11_TABLE_2]);

/** The first row matching the combination, or undefined when none does (both columns NA: no disease). */
export function findOverallRule(
  rules: readonly RecistOverallRule[],
  target: RecistTargetResponse,
  nonTarget: RecistNonTargetResponse,
  newLesion: RecistNewLesionFinding,
): RecistOverallRule | undefined {
  return rules.find((rule) => rule.target.includes(target) && rule.nonTarget.includes(nonTarget) && rule.newLesion.includes(newLesion));
}
