import { failure, issue, success, type Outcome } from '../../result/index.js';
import { designInputIssues, isFiniteNumber } from './designInputIssues.js';
import { simonTwoStageKernel, type SimonDesign } from './simonTwoStage.js';

export interface SimonTwoStageInput {
  readonly p0: unknown;
  readonly p1: unknown;
  /** One-sided significance level. */
  readonly alpha: unknown;
  readonly power: unknown;
  /** Largest total n searched; default 100, as clinfun::ph2simon's nmax. */
  readonly maxN?: unknown;
}

export interface SimonTwoStage {
  readonly p0: number;
  readonly p1: number;
  readonly targetAlpha: number;
  readonly targetPower: number;
  readonly maxN: number;
  readonly optimal: SimonDesign;
  readonly minimax: SimonDesign;
}

export const defaultSimonMaxN = 100;
// The search costs about maxN^4 / 12 steps: 300 takes seconds, beyond that minutes.
const largestSimonMaxN = 300;

/** Simon (1989) optimal and minimax two-stage designs for H0: p <= p0 against p1. */
export function computeSimonTwoStage(input: SimonTwoStageInput): Outcome<SimonTwoStage> {
  const issues = designInputIssues(input);
  const maxN = input.maxN ?? defaultSimonMaxN;
  if (!(isFiniteNumber(maxN) && Number.isInteger(maxN) && maxN >= 2 && maxN <= largestSimonMaxN)) {
    issues.push(issue('bad-max-n', ['maxN'], maxN, `a whole number from 2 to ${largestSimonMaxN}`));
  }
  const { p0, p1, alpha, power } = input;
  if (issues.length > 0 || !isFiniteNumber(p0) || !isFiniteNumber(p1) || !isFiniteNumber(alpha) || !isFiniteNumber(power) || !isFiniteNumber(maxN)) {
    return failure(issues);
  }
  const search = simonTwoStageKernel(p0, p1, alpha, power, maxN);
  if (search.optimal === null || search.minimax === null) {
    return failure([issue('no-design-within-search', ['maxN'], maxN, `a larger maxN: no two-stage design with n <= ${maxN} meets alpha and power`)]);
  }
  return success(Object.freeze({ p0, p1, targetAlpha: alpha, targetPower: power, maxN, optimal: search.optimal, minimax: search.minimax }));
}
