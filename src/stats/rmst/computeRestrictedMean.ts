import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { kaplanMeierFromCounts, tabulateSurvivalTimes, validateSurvivalData } from '../survival/index.js';
import { restrictedMeanOfCurve, type RestrictedMean } from './restrictedMeanKernel.js';
import { rmstDifference, type RmstDifference } from './rmstDifference.js';

export interface RestrictedMeanInput {
  readonly time: ArrayLike<number>;
  /** 1 = event, 0 = censored. */
  readonly status: ArrayLike<number>;
  /** Group label of each subject; without it, one curve for all. */
  readonly group?: readonly string[];
  /**
   * The groups in output order, the first being the reference of the differences; default: the labels
   * in order of first appearance. Every label in `group` must be listed.
   */
  readonly levels?: readonly string[];
  /** The upper limit of the area, > 0 (survival's rmean). */
  readonly tau: number;
  /** Level of the confidence intervals of the differences, default 0.95. */
  readonly confLevel?: number;
}

export interface RestrictedMeanCurve {
  /** null for the single curve of ungrouped data. */
  readonly group: string | null;
  readonly n: number;
  readonly events: number;
  readonly rmst: RestrictedMean;
}

export interface RestrictedMeanResult {
  readonly tau: number;
  readonly curves: readonly RestrictedMeanCurve[];
  /** Each group against the first (the reference); empty without groups. */
  readonly differences: readonly RmstDifference[];
}

const MAX_ISSUES = 50;

/**
 * Restricted mean survival time up to tau per group, as survival's `print(survfit(...), rmean = tau)`
 * (the Kaplan-Meier curve held flat past its last time), and each group's difference from the
 * reference group with a normal confidence interval.
 */
export function computeRestrictedMean(input: RestrictedMeanInput): Outcome<RestrictedMeanResult> {
  const confLevel = input.confLevel ?? 0.95;
  const checked = validateSurvivalData(input.time, input.status);
  const issues: Issue[] = [...checked.issues];
  if (typeof input.tau !== 'number' || !Number.isFinite(input.tau) || !(input.tau > 0)) {
    issues.push(issue('bad-tau', ['tau'], input.tau, 'a finite time > 0 up to which the mean is restricted'));
  }
  if (typeof confLevel !== 'number' || !(confLevel > 0 && confLevel < 1)) {
    issues.push(issue('bad-conf-level', ['confLevel'], confLevel, 'a number strictly between 0 and 1, e.g. 0.95'));
  }
  const n = checked.time.length;
  let codes: Uint32Array | undefined;
  let labels: readonly string[] = [''];
  if (input.group !== undefined) {
    if (input.group.length !== n) {
      issues.push(issue('length-mismatch', ['group'], input.group.length, `${n} labels, one per time`));
    } else {
      const order = input.levels ?? [...new Set(input.group)];
      const index = new Map(order.map((level, i) => [level, i]));
      if (index.size !== order.length) issues.push(issue('duplicate-level', ['levels'], order, 'distinct levels'));
      codes = new Uint32Array(n);
      let bad = 0;
      for (let i = 0; i < n; i++) {
        const code = index.get(input.group[i]);
        if (code === undefined) {
          if (bad++ < MAX_ISSUES) issues.push(issue('unknown-group', ['group', i], input.group[i], `one of the levels ${order.join(', ')}`));
        } else codes[i] = code;
      }
      labels = order;
    }
  }
  if (issues.length === 0 && n > 0) {
    // R refuses a truncation point before every observed time (survmean: "Truncation point for the
    // mean time in state is < smallest survival").
    let smallest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) if (checked.time[i] < smallest) smallest = checked.time[i];
    if (input.tau < smallest) issues.push(issue('tau-before-first-time', ['tau'], input.tau, `a time >= the smallest observed time, ${smallest}`));
  }
  if (issues.length > 0) return failure(issues);
  return success(restrictedMeanByGroupKernel(checked.time, checked.status, codes, labels, input.tau, confLevel, input.group !== undefined));
}

/** Kernel: trusts validated arrays; codes index labels (undefined: one curve). */
export function restrictedMeanByGroupKernel(
  time: Float64Array,
  status: Uint8Array,
  codes: Uint32Array | undefined,
  labels: readonly string[],
  tau: number,
  confLevel: number,
  grouped: boolean,
): RestrictedMeanResult {
  const table = tabulateSurvivalTimes(time, status, codes, labels.length);
  const width = table.times.length;
  const curves = labels.map((label, g) => {
    const curve = kaplanMeierFromCounts(
      table.times,
      table.events.subarray(g * width, (g + 1) * width),
      table.censored.subarray(g * width, (g + 1) * width),
      'log',
      0.95,
    );
    return Object.freeze({ group: grouped ? label : null, n: curve.n, events: curve.events, rmst: restrictedMeanOfCurve(curve, tau) });
  });
  const differences = grouped
    ? curves.slice(1).map((c) => rmstDifference(c.group ?? '', c.rmst, curves[0].group ?? '', curves[0].rmst, confLevel))
    : [];
  return Object.freeze({ tau, curves: Object.freeze(curves), differences: Object.freeze(differences) });
}
