import { failure, issue, success, type Outcome } from '../../result/index.js';
import { encodeGroups } from './encodeGroups.js';
import { kaplanMeierFromCounts, validateConfidenceOptions, validateSurvivalData, type KaplanMeierCurve } from './kaplanMeier.js';
import type { ConfType } from './survivalConfidenceLimits.js';
import { tabulateSurvivalTimes } from './tabulateSurvivalTimes.js';

export interface GroupCurve {
  /** The label as given. */
  readonly group: string;
  readonly curve: KaplanMeierCurve;
}

export interface KaplanMeierByGroupInput {
  readonly time: ArrayLike<number>;
  readonly status: ArrayLike<number>;
  readonly group: readonly string[];
  readonly confType?: ConfType;
  readonly confLevel?: number;
}

/** Kernel: one curve per group code, from a single pass over the data. */
export function kaplanMeierByGroupKernel(
  time: Float64Array,
  status: Uint8Array,
  codes: Uint32Array,
  labels: readonly string[],
  confType: ConfType,
  confLevel: number,
): readonly GroupCurve[] {
  const table = tabulateSurvivalTimes(time, status, codes, labels.length);
  const width = table.times.length;
  return Object.freeze(
    labels.map((group, g) =>
      Object.freeze({
        group,
        curve: kaplanMeierFromCounts(
          table.times,
          table.events.subarray(g * width, (g + 1) * width),
          table.censored.subarray(g * width, (g + 1) * width),
          confType,
          confLevel,
        ),
      }),
    ),
  );
}

/**
 * Kaplan-Meier curves by group, one per distinct label, in order of first appearance (R's
 * `survfit(Surv(time, status) ~ group)` gives the same curves, in its factor-level order).
 */
export function computeKaplanMeierByGroup(input: KaplanMeierByGroupInput): Outcome<readonly GroupCurve[]> {
  const confType = input.confType ?? 'log-log';
  const confLevel = input.confLevel ?? 0.95;
  const checked = validateSurvivalData(input.time, input.status);
  const issues = [...validateConfidenceOptions(confType, confLevel), ...checked.issues];
  if (input.group.length !== input.time.length) {
    issues.push(issue('length-mismatch', ['group'], input.group.length, `${input.time.length} labels, one per time`));
  } else {
    let bad = 0;
    input.group.forEach((label, i) => {
      if ((typeof label !== 'string' || label === '') && bad++ < 50) issues.push(issue('bad-group', ['group', i], label, 'a non-empty label'));
    });
  }
  if (issues.length > 0) return failure(issues);
  const { codes, labels } = encodeGroups(input.group);
  return success(kaplanMeierByGroupKernel(checked.time, checked.status, codes, labels, confType, confLevel));
}
