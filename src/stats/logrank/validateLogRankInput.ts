import { issue, type Issue } from '../../result/index.js';

export interface LogRankInput {
  readonly time: ArrayLike<number>;
  /** 1 = event, 0 = censored. */
  readonly status: ArrayLike<number>;
  readonly group: readonly string[];
  readonly strata?: readonly string[];
  /**
   * The groups and their order in the result. Default: the distinct labels sorted by code point, so the
   * result does not depend on row order. A listed group with no subjects is an error.
   */
  readonly levels?: readonly string[];
}

/** Input checked and coded for the kernel. */
export interface CodedLogRankInput {
  readonly time: Float64Array;
  readonly status: Uint8Array;
  readonly groupIndex: Int32Array;
  readonly stratumIndex: Int32Array;
  readonly levels: readonly string[];
  readonly nStrata: number;
}

function codeLabels(values: readonly string[], levels: readonly string[]): Int32Array {
  const index = new Map(levels.map((label, i) => [label, i]));
  return Int32Array.from(values, (v) => index.get(v) ?? -1);
}

/** Checks log-rank input (the shared front half of computeLogRank and computePairwiseLogRank). */
export function validateLogRankInput(
  input: LogRankInput,
): { ok: true; coded: CodedLogRankInput } | { ok: false; issues: readonly Issue[] } {
  const issues: Issue[] = [];
  const { time, status, group, strata, levels } = input;
  const size = time.length;
  if (size === 0) issues.push(issue('empty-input', ['time'], size, 'at least one subject'));
  if (status.length !== size) {
    issues.push(issue('length-mismatch', ['status'], status.length, `as many values as time (${size})`));
  }
  if (group.length !== size) {
    issues.push(issue('length-mismatch', ['group'], group.length, `as many values as time (${size})`));
  }
  if (strata !== undefined && strata.length !== size) {
    issues.push(issue('length-mismatch', ['strata'], strata.length, `as many values as time (${size})`));
  }
  for (let i = 0; i < size; i++) {
    const t = time[i];
    if (typeof t !== 'number' || !Number.isFinite(t)) {
      issues.push(issue('invalid-time', ['time', i], t, 'a finite time >= 0'));
    } else if (t < 0) {
      issues.push(issue('negative-time', ['time', i], t, 'a time >= 0'));
    }
  }
  for (let i = 0; i < status.length; i++) {
    const s = status[i];
    if (s !== 0 && s !== 1) issues.push(issue('invalid-status', ['status', i], s, '1 (event) or 0 (censored)'));
  }
  for (let i = 0; i < group.length; i++) {
    if (typeof group[i] !== 'string') issues.push(issue('invalid-group', ['group', i], group[i], 'a group label (string)'));
  }
  if (strata !== undefined) {
    for (let i = 0; i < strata.length; i++) {
      if (typeof strata[i] !== 'string') {
        issues.push(issue('invalid-stratum', ['strata', i], strata[i], 'a stratum label (string)'));
      }
    }
  }

  const present = new Set(group);
  let order: string[];
  if (levels === undefined) {
    order = [...present].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } else {
    order = [...levels];
    const listed = new Set<string>();
    levels.forEach((label, i) => {
      if (listed.has(label)) issues.push(issue('duplicate-level', ['levels', i], label, 'each group listed once'));
      listed.add(label);
      if (!present.has(label)) issues.push(issue('empty-group', ['levels', i], label, 'a group with at least one subject'));
    });
    group.forEach((label, i) => {
      if (!listed.has(label)) issues.push(issue('unknown-group', ['group', i], label, `one of ${levels.join(', ')}`));
    });
  }
  if (order.length < 2) {
    issues.push(issue('too-few-groups', ['group'], order.length, 'at least 2 groups to compare'));
  }
  if (issues.length > 0) return { ok: false, issues };

  const strataLevels = strata === undefined ? [] : [...new Set(strata)].sort();
  return {
    ok: true,
    coded: {
      time: Float64Array.from(time),
      status: Uint8Array.from(status),
      groupIndex: codeLabels(group, order),
      stratumIndex: strata === undefined ? new Int32Array(size) : codeLabels(strata, strataLevels),
      levels: order,
      nStrata: Math.max(1, strataLevels.length),
    },
  };
}
