import { issue, type Issue } from '../../result/index.js';

/** The response rates and error rates every single-arm design needs, once checked. */
export interface DesignRates {
  readonly p0: number;
  readonly p1: number;
  readonly alpha: number;
  readonly power: number;
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Checks 0 < p0 < p1 < 1 (a design to show the rate exceeds p0), 0 < alpha < 0.5 (one-sided) and
 * 0 < power < 1; each problem becomes an issue naming the argument.
 */
export function designInputIssues(input: { readonly p0: unknown; readonly p1: unknown; readonly alpha: unknown; readonly power: unknown }): Issue[] {
  const issues: Issue[] = [];
  const { p0, p1, alpha, power } = input;
  const p0Ok = isFiniteNumber(p0) && p0 > 0 && p0 < 1;
  if (!p0Ok) issues.push(issue('bad-p0', ['p0'], p0, 'a null response rate strictly between 0 and 1'));
  if (!(isFiniteNumber(p1) && p1 > 0 && p1 < 1)) {
    issues.push(issue('bad-p1', ['p1'], p1, 'an alternative response rate strictly between 0 and 1'));
  } else if (p0Ok && p1 <= p0) {
    issues.push(issue('p1-not-above-p0', ['p1'], p1, `an alternative response rate above p0 = ${p0}`));
  }
  if (!(isFiniteNumber(alpha) && alpha > 0 && alpha < 0.5)) {
    issues.push(issue('bad-alpha', ['alpha'], alpha, 'a one-sided significance level strictly between 0 and 0.5, e.g. 0.025'));
  }
  if (!(isFiniteNumber(power) && power > 0 && power < 1)) {
    issues.push(issue('bad-power', ['power'], power, 'a target power strictly between 0 and 1, e.g. 0.8'));
  }
  return issues;
}
