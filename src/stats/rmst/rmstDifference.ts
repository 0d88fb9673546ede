import { normalQuantile, normalTwoSidedP } from '../distributions/index.js';
import type { RestrictedMean } from './restrictedMeanKernel.js';

/** The difference in restricted mean survival between a group and the reference group. */
export interface RmstDifference {
  readonly group: string;
  readonly reference: string;
  readonly tau: number;
  /** RMST(group) - RMST(reference). */
  readonly estimate: number;
  /** sqrt(se(group)^2 + se(reference)^2): the groups are independent samples. */
  readonly se: number;
  readonly lower: number;
  readonly upper: number;
  readonly z: number;
  /** Two-sided normal p-value of the difference. */
  readonly p: number;
  readonly confLevel: number;
}

/**
 * Kernel: the difference of two independent restricted means with its normal (Wald) confidence
 * interval, as survRM2's rmst2 forms it from the two curves' estimates and standard errors.
 */
export function rmstDifference(
  group: string,
  value: RestrictedMean,
  reference: string,
  referenceValue: RestrictedMean,
  confLevel: number,
): RmstDifference {
  const estimate = value.estimate - referenceValue.estimate;
  const se = Math.sqrt(value.se * value.se + referenceValue.se * referenceValue.se);
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const statistic = estimate / se;
  return Object.freeze({
    group,
    reference,
    tau: value.tau,
    estimate,
    se,
    lower: estimate - z * se,
    upper: estimate + z * se,
    z: statistic,
    p: se > 0 ? normalTwoSidedP(statistic) : Number.NaN,
    confLevel,
  });
}
