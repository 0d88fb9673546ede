/**
 * The log-rank sums of survdiff (rho = 0): per group the observed and expected events and the
 * hypergeometric covariance matrix, each summed over strata. The kernel trusts its input: times finite
 * and >= 0, status 0/1, group and stratum codes in range.
 */
export interface LogRankSums {
  /** Subjects per group. */
  readonly n: Float64Array;
  readonly observed: Float64Array;
  readonly expected: Float64Array;
  /** Row-major nGroups x nGroups covariance of observed - expected. */
  readonly variance: Float64Array;
}

export function logRankKernel(
  time: Float64Array,
  status: Uint8Array,
  groupIndex: Int32Array,
  nGroups: number,
  stratumIndex: Int32Array,
): LogRankSums {
  const size = time.length;
  const n = new Float64Array(nGroups);
  const observed = new Float64Array(nGroups);
  const expected = new Float64Array(nGroups);
  const variance = new Float64Array(nGroups * nGroups);
  const atRisk = new Float64Array(nGroups);
  const deaths = new Float64Array(nGroups);

  const order = new Int32Array(size);
  for (let i = 0; i < size; i++) order[i] = i;
  order.sort((a, b) => stratumIndex[a] - stratumIndex[b] || time[a] - time[b]);

  for (let i = 0; i < size; i++) {
    n[groupIndex[i]] += 1;
    observed[groupIndex[i]] += status[i];
  }

  let start = 0;
  while (start < size) {
    // One stratum: everyone in it is at risk at its first time.
    const stratum = stratumIndex[order[start]];
    let end = start;
    atRisk.fill(0);
    while (end < size && stratumIndex[order[end]] === stratum) {
      atRisk[groupIndex[order[end]]] += 1;
      end++;
    }
    let nRisk = end - start;
    let i = start;
    while (i < end) {
      const t = time[order[i]];
      deaths.fill(0);
      let d = 0;
      let j = i;
      while (j < end && time[order[j]] === t) {
        if (status[order[j]] === 1) {
          deaths[groupIndex[order[j]]] += 1;
          d++;
        }
        j++;
      }
      if (d > 0) {
        for (let g = 0; g < nGroups; g++) expected[g] += (d * atRisk[g]) / nRisk;
        // With one subject at risk the hypergeometric variance is 0 (and the formula divides by 0).
        if (nRisk > 1) {
          const scale = (d * (nRisk - d)) / (nRisk * (nRisk - 1));
          for (let g = 0; g < nGroups; g++) {
            const ng = atRisk[g];
            if (ng === 0) continue;
            variance[g * nGroups + g] += scale * ng;
            for (let h = 0; h < nGroups; h++) variance[g * nGroups + h] -= (scale * ng * atRisk[h]) / nRisk;
          }
        }
      }
      for (let r = i; r < j; r++) atRisk[groupIndex[order[r]]] -= 1;
      nRisk -= j - i;
      i = j;
    }
    start = end;
  }
  return { n, observed, expected, variance };
}
