import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { computeRecistBestResponse, type RecistBestResponseReason } from './computeRecistBestResponse.js';
import { sumDecimal } from './decimalArithmetic.js';
import { computeRecistTimePoints, type RecistTimePoint } from './computeRecistTimePoints.js';
import { findRecistProgression } from './findRecistProgression.js';
import type { RecistOverallResponse } from './recistCategories.js';
import type { RecistPatientInput } from './recistInput.js';
import { RECIST_1_1, type RecistRuleSet } from './recist11RuleSet.js';
import { validateRecistPatient } from './validateRecistPatient.js';

export interface RecistOptions {
  /** The standard and its thresholds; RECIST 1.1 as published by default. */
  readonly ruleSet?: RecistRuleSet;
  /** Minimum days between a CR/PR and its confirmation; the rule set's (28) by default. */
  readonly confirmationDays?: number;
  /** Minimum days from the baseline date for SD as best response; the rule set's (42) by default. */
  readonly sdMinDays?: number;
}

export type RecistDisease = 'target-and-non-target' | 'target-only' | 'non-target-only';

export interface RecistResult {
  /** e.g. 'recist-1.1 (standard)'. */
  readonly ruleSet: string;
  readonly confirmationDays: number;
  readonly sdMinDays: number;
  readonly disease: RecistDisease;
  /** Sum of the target diameters at baseline; null for non-target-only disease. */
  readonly baselineSumMm: number | null;
  readonly assessments: readonly RecistTimePoint[];
  readonly bestOverallResponse: RecistOverallResponse;
  readonly bestOverallResponseReason: RecistBestResponseReason;
  /** True exactly when the best overall response is a confirmed CR or PR (false for SD, PD, NE...). */
  readonly confirmed: boolean;
  /** The first assessment of the first confirmed CR or PR; null without a confirmed response. */
  readonly firstResponseDate: string | null;
  /** The first PD, dated back to the first of the equivocal scans when a new lesion became unequivocal. */
  readonly progressionDate: string | null;
  /** The assessment where the new lesion became unequivocal, when progressionDate was dated back to it. */
  readonly progressionBackdatedFrom: string | null;
}

function validateDays(value: number, name: string, issues: Issue[]): void {
  if (!Number.isInteger(value) || value < 0) issues.push(issue('invalid-option', ['options', name], value, 'a whole number of days >= 0'));
}

function diseaseOf(input: RecistPatientInput): RecistDisease {
  const kinds = new Set(input.baseline.lesions.map((lesion) => lesion.kind));
  if (!kinds.has('target')) return 'non-target-only';
  return kinds.has('non-target') ? 'target-and-non-target' : 'target-only';
}

/**
 * RECIST 1.1 response of one patient: target, non-target and overall response at every assessment (Tables
 * 1 and 2), the best overall response with confirmation (Table 3), the date of the first confirmed
 * response and of progression. The input is validated first; any data problem is a failure with every
 * issue's path, value and expectation. See README.md in this folder for each reading of the standard.
 */
export function computeRecistResponse(input: RecistPatientInput, options: RecistOptions = {}): Outcome<RecistResult> {
  const ruleSet = options.ruleSet ?? RECIST_1_1;
  const confirmationDays = options.confirmationDays ?? ruleSet.thresholds.confirmationDays;
  const sdMinDays = options.sdMinDays ?? ruleSet.thresholds.stableDiseaseMinimumDays;
  const issues: Issue[] = [];
  validateDays(confirmationDays, 'confirmationDays', issues);
  validateDays(sdMinDays, 'sdMinDays', issues);
  issues.push(...validateRecistPatient(input, ruleSet.thresholds));
  if (issues.length > 0) return failure(issues);

  const points = computeRecistTimePoints(input, ruleSet);
  const progression = findRecistProgression(points);
  const disease = diseaseOf(input);
  const best = computeRecistBestResponse(points, progression.index, {
    confirmationDays,
    sdMinDays,
    maxNotEvaluableBetween: ruleSet.thresholds.confirmationMaxNotEvaluableBetween,
    nonTargetOnly: disease === 'non-target-only',
  });
  const dateAt = (index: number | null): string | null => (index === null ? null : points[index].date);
  const targets = input.baseline.lesions.filter((lesion) => lesion.kind === 'target');
  return success(
    Object.freeze({
      ruleSet: `${ruleSet.id} (${ruleSet.variant})`,
      confirmationDays,
      sdMinDays,
      disease,
      baselineSumMm: targets.length === 0 ? null : sumDecimal(targets.map((lesion) => lesion.diameterMm ?? 0)),
      assessments: Object.freeze(points),
      bestOverallResponse: best.bestOverallResponse,
      bestOverallResponseReason: best.reason,
      confirmed: best.confirmed,
      firstResponseDate: dateAt(best.firstResponseIndex),
      progressionDate: dateAt(progression.index),
      progressionBackdatedFrom: dateAt(progression.backdatedFromIndex),
    }),
  );
}
