import { logRankChiSquare } from '../logrank/index.js';
import type { SurvivalTimeTable } from './tabulateSurvivalTimes.js';

export interface LogRankFromTable {
  readonly chisq: number;
  readonly df: number;
  /** NaN when there is nothing to test (fewer than two groups with expected events). */
  readonly p: number;
  readonly groups: readonly {
    readonly group: string;
    readonly n: number;
    readonly observed: number;
    readonly expected: number;
    readonly tested: boolean;
  }[];
}

/**
 * Kernel: the log-rank test (R survdiff, rho = 0) from a table of events and censorings per distinct
 * time, for tables tabulated with code = stratum * groups + group. It forms the same sums, in the same
 * order, as src/stats/logrank's kernel and hands them to its logRankChiSquare, but works per distinct
 * time instead of per subject: no per-subject sort, so a million subjects take milliseconds.
 * computeLogRank stays the validating front end; the tests check that both agree.
 */
export function logRankFromTable(table: SurvivalTimeTable, labels: readonly string[]): LogRankFromTable {
  const k = labels.length;
  const width = table.times.length;
  const strata = table.groupCount / k;
  const n = new Float64Array(k);
  const observed = new Float64Array(k);
  const expected = new Float64Array(k);
  const variance = new Float64Array(k * k);
  const atRisk = new Float64Array(k);
  for (let s = 0; s < strata; s++) {
    let nRisk = 0;
    for (let g = 0; g < k; g++) {
      let total = 0;
      const base = (s * k + g) * width;
      for (let t = 0; t < width; t++) {
        total += table.events[base + t] + table.censored[base + t];
        observed[g] += table.events[base + t];
      }
      atRisk[g] = total;
      n[g] += total;
      nRisk += total;
    }
    for (let t = 0; t < width; t++) {
      let d = 0;
      let leaving = 0;
      for (let g = 0; g < k; g++) {
        const cell = (s * k + g) * width + t;
        d += table.events[cell];
        leaving += table.events[cell] + table.censored[cell];
      }
      if (d > 0) {
        for (let g = 0; g < k; g++) expected[g] += (d * atRisk[g]) / nRisk;
        // With one subject at risk the hypergeometric variance is 0 (and the formula divides by 0).
        if (nRisk > 1) {
          const scale = (d * (nRisk - d)) / (nRisk * (nRisk - 1));
          for (let g = 0; g < k; g++) {
            const ng = atRisk[g];
            if (ng === 0) continue;
            variance[g * k + g] += scale * ng;
            for (let h = 0; h < k; h++) variance[g * k + h] -= (scale * ng * atRisk[h]) / nRisk;
          }
        }
      }
      for (let g = 0; g < k; g++) {
        const cell = (s * k + g) * width + t;
        atRisk[g] -= table.events[cell] + table.censored[cell];
      }
      nRisk -= leaving;
    }
  }
  const test = logRankChiSquare(observed, expected, variance);
  return Object.freeze({
    chisq: test.chisq,
    df: test.df,
    p: test.p,
    groups: Object.freeze(
      labels.map((group, g) => Object.freeze({ group, n: n[g], observed: observed[g], expected: expected[g], tested: test.tested[g] })),
    ),
  });
}
