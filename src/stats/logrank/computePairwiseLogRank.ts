import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { computeLogRank } from './computeLogRank.js';
import { validateLogRankInput, type LogRankInput } from './validateLogRankInput.js';

export interface PairwiseLogRank {
  readonly groupA: string;
  readonly groupB: string;
  readonly chisq: number;
  readonly df: number;
  readonly p: number;
  readonly n: number;
  readonly observedA: number;
  readonly expectedA: number;
  readonly observedB: number;
  readonly expectedB: number;
}

/**
 * Log-rank tests of every pair of groups, each on the subset of subjects in the two groups (as a paper's
 * "stage I vs stage III" is computed), stratified when `strata` is given. Pairs follow the group order
 * (`levels`, default sorted labels): (1,2), (1,3), ..., (k-1,k). No multiplicity adjustment.
 * Warnings of a pair's test (e.g. no events in the pair) are returned with the pair named in the path.
 */
export function computePairwiseLogRank(input: LogRankInput): Outcome<readonly PairwiseLogRank[]> {
  const checked = validateLogRankInput(input);
  if (!checked.ok) return failure(checked.issues);
  const { levels } = checked.coded;
  const pairs: PairwiseLogRank[] = [];
  const warnings: Issue[] = [];
  for (let a = 0; a < levels.length - 1; a++) {
    for (let b = a + 1; b < levels.length; b++) {
      const groupA = levels[a];
      const groupB = levels[b];
      const rows: number[] = [];
      input.group.forEach((label, i) => {
        if (label === groupA || label === groupB) rows.push(i);
      });
      const outcome = computeLogRank({
        time: rows.map((i) => input.time[i]),
        status: rows.map((i) => input.status[i]),
        group: rows.map((i) => input.group[i]),
        strata: input.strata === undefined ? undefined : rows.map((i) => (input.strata ?? [])[i]),
        levels: [groupA, groupB],
      });
      // The full input passed validation, so a subset cannot fail it.
      if (!outcome.ok) return failure(outcome.issues);
      for (const w of outcome.issues) {
        warnings.push(issue(w.code, [`${groupA} vs ${groupB}`, ...w.path], w.value, w.expected, w.severity));
      }
      const [ga, gb] = outcome.value.groups;
      pairs.push(
        Object.freeze({
          groupA,
          groupB,
          chisq: outcome.value.chisq,
          df: outcome.value.df,
          p: outcome.value.p,
          n: rows.length,
          observedA: ga.observed,
          expectedA: ga.expected,
          observedB: gb.observed,
          expectedB: gb.expected,
        }),
      );
    }
  }
  return success(Object.freeze(pairs), warnings);
}
