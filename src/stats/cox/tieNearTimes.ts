/**
 * R's timefix (survival's aeqSurv): times that differ from their neighbour by at most `tolerance`,
 * absolutely or relative to the mean absolute distinct time, are the same time written with rounding
 * noise (e.g. 1/3 of a month computed two ways), so each chain of such times takes its smallest value.
 * Returns the input itself when nothing needs merging.
 */
export function tieNearTimes(time: Float64Array, tolerance = defaultTimeTolerance): Float64Array {
  const distinct = sortedDistinct(time);
  const chains = nearTimeChains(distinct, tolerance);
  if (chains === undefined) return time;
  return time.map((t) => distinct[chains[indexOfSorted(distinct, t)]]);
}

export const defaultTimeTolerance = Math.sqrt(2 ** -52);

/**
 * For ascending distinct times: the index of the first time of each one's chain of near-equal times
 * (see tieNearTimes), or undefined when no two are near.
 */
export function nearTimeChains(distinct: Float64Array, tolerance = defaultTimeTolerance): Uint32Array | undefined {
  const count = distinct.length;
  if (count < 2) return undefined;
  let meanAbs = 0;
  for (let k = 0; k < count; k++) meanAbs += Math.abs(distinct[k]);
  meanAbs /= count;
  let chains: Uint32Array | undefined;
  for (let k = 1; k < count; k++) {
    const gap = distinct[k] - distinct[k - 1];
    if (gap <= tolerance || gap / meanAbs <= tolerance) {
      if (chains === undefined) {
        chains = new Uint32Array(count);
        for (let i = 0; i < count; i++) chains[i] = i;
      }
      chains[k] = chains[k - 1];
    }
  }
  return chains;
}

/** The distinct values of `values`, ascending (a typed-array sort: no comparator, no Set). */
export function sortedDistinct(values: Float64Array): Float64Array {
  const sorted = Float64Array.from(values).sort();
  let count = 0;
  for (let i = 0; i < sorted.length; i++) if (count === 0 || sorted[i] !== sorted[count - 1]) sorted[count++] = sorted[i];
  return sorted.subarray(0, count);
}

/** The index of `value` in an ascending array that holds it (binary search). */
export function indexOfSorted(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
