import { parseIsoDate } from '../dates/index.js';
import { percentChangeDecimal, sumDecimal } from './decimalArithmetic.js';
import type { RecistNonTargetResponse, RecistOverallResponse, RecistTargetResponse } from './recistCategories.js';
import type { RecistNewLesion, RecistNonTargetObservation, RecistPatientInput, RecistTargetMeasurement } from './recistInput.js';
import type { RecistRuleSet } from './recist11RuleSet.js';
import { findOverallRule } from './recist11OverallRules.js';
import type { RecistNonTargetContext, RecistRule, RecistTargetContext } from './recistRule.js';

/** One assessment as RECIST reads it. */
export interface RecistTimePoint {
  readonly date: string;
  /** Days since the baseline date. */
  readonly daysFromBaseline: number;
  /** Sum of target diameters; null when a target lesion was not evaluated or there is no target disease. */
  readonly sumMm: number | null;
  /** The PD reference: the smallest complete sum at baseline or an earlier assessment; null without targets. */
  readonly nadirMm: number | null;
  /** Full precision; null when the sum is null. */
  readonly percentFromBaseline: number | null;
  /** Full precision; null when the sum is null or the nadir is 0. */
  readonly percentFromNadir: number | null;
  readonly target: RecistTargetResponse;
  readonly targetRule: string;
  readonly nonTarget: RecistNonTargetResponse;
  readonly nonTargetRule: string;
  readonly newLesion: RecistNewLesion;
  /** The time-point response of Table 1 or 2 (an equivocal new lesion reads as none). */
  readonly overall: RecistOverallResponse;
  readonly overallRule: string;
}

function firstApplying<C, R>(rules: readonly RecistRule<C, R>[], context: C, what: string): RecistRule<C, R> {
  const rule = rules.find((r) => r.applies(context));
  if (rule === undefined) throw new Error(`the ${what} rules must end with a rule that always applies`);
  return rule;
}

/**
 * Target, non-target and overall response at every assessment of a validated patient (see
 * `validateRecistPatient`), in date order. The nadir and "after an overall CR" carry forward from one
 * assessment to the next, so each time point depends only on the baseline and the assessments up to it.
 */
export function computeRecistTimePoints(input: RecistPatientInput, ruleSet: RecistRuleSet): RecistTimePoint[] {
  const { thresholds } = ruleSet;
  const baselineDay = parseIsoDate(input.baseline.date) ?? 0;
  const targets = input.baseline.lesions.filter((lesion) => lesion.kind === 'target');
  const nonTargets = input.baseline.lesions.filter((lesion) => lesion.kind === 'non-target');
  const baselineSumMm = targets.length === 0 ? null : sumDecimal(targets.map((lesion) => lesion.diameterMm ?? 0));

  let nadirMm = baselineSumMm;
  let afterOverallCr = false;
  return input.assessments.map((assessment): RecistTimePoint => {
    const results = new Map(assessment.lesions.map((result) => [result.id, result]));
    const targetLesions = targets.map((lesion) => ({
      id: lesion.id,
      nodal: lesion.nodal,
      diameterMm: (results.get(lesion.id) as RecistTargetMeasurement).diameterMm,
    }));
    const measured = targetLesions.flatMap((lesion) => (lesion.diameterMm === null ? [] : [lesion.diameterMm]));
    const sumMm = targets.length > 0 && measured.length === targets.length ? sumDecimal(measured) : null;
    const targetContext: RecistTargetContext = {
      thresholds,
      lesions: targetLesions,
      baselineSumMm,
      nadirMm,
      sumMm,
      evaluatedSumMm: sumDecimal(measured),
      afterOverallCr,
    };
    const nonTargetContext: RecistNonTargetContext = {
      lesions: nonTargets.map((lesion) => ({
        id: lesion.id,
        nodal: lesion.nodal,
        status: (results.get(lesion.id) as RecistNonTargetObservation).status,
      })),
      afterOverallCr,
    };
    const targetRule = firstApplying(ruleSet.targetRules, targetContext, 'target');
    const nonTargetRule = firstApplying(ruleSet.nonTargetRules, nonTargetContext, 'non-target');
    const overallRule = findOverallRule(ruleSet.overallRules, targetRule.category, nonTargetRule.category, assessment.newLesion === 'yes' ? 'yes' : 'no');
    if (overallRule === undefined) {
      throw new Error(`no overall rule for target ${targetRule.category}, non-target ${nonTargetRule.category} (validation lets no patient without disease through)`);
    }
    const point: RecistTimePoint = Object.freeze({
      date: assessment.date,
      daysFromBaseline: (parseIsoDate(assessment.date) ?? baselineDay) - baselineDay,
      sumMm,
      nadirMm,
      percentFromBaseline: sumMm === null || baselineSumMm === null ? null : percentChangeDecimal(sumMm, baselineSumMm),
      percentFromNadir: sumMm === null || nadirMm === null ? null : percentChangeDecimal(sumMm, nadirMm),
      target: targetRule.category,
      targetRule: targetRule.id,
      nonTarget: nonTargetRule.category,
      nonTargetRule: nonTargetRule.id,
      newLesion: assessment.newLesion,
      overall: overallRule.overall,
      overallRule: overallRule.id,
    });
    if (sumMm !== null && nadirMm !== null && sumMm < nadirMm) nadirMm = sumMm;
    if (overallRule.overall === 'CR') afterOverallCr = true;
    return point;
  });
}
