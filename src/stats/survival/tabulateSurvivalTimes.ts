/**
 * The distinct times of a survival data set with the events and censorings at each, per group: all a
 * Kaplan-Meier curve (or its reverse) needs. Works on typed arrays without per-subject objects.
 */
export interface SurvivalTimeTable {
  /** Distinct observed times, ascending. */
  readonly times: Float64Array;
  readonly groupCount: number;
  /** events[g * times.length + k]: events of group g at times[k]. */
  readonly events: Uint32Array;
  /** censored[g * times.length + k]: censorings of group g at times[k]. */
  readonly censored: Uint32Array;
}

/**
 * Kernel: trusts that times are finite and >= 0, status is 0/1 and group codes are < groupCount.
 * Whole-number times over a range not much wider than the data (days, months) are counted directly,
 * in linear time; any other times are sorted once and each subject found by binary search.
 */
export function tabulateSurvivalTimes(
  time: Float64Array,
  status: Uint8Array,
  groupCodes?: Uint32Array,
  groupCount = 1,
): SurvivalTimeTable {
  const n = time.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const t = time[i];
    if (t < min) min = t;
    if (t > max) max = t;
    if (whole && t !== Math.floor(t)) whole = false;
  }
  const slot = new Uint32Array(n);
  let times: Float64Array;
  const range = max - min + 1;
  if (n > 0 && whole && range <= 4 * n + 4096) {
    const seen = new Int32Array(range).fill(-1);
    for (let i = 0; i < n; i++) seen[time[i] - min] = 0;
    let count = 0;
    for (let v = 0; v < range; v++) if (seen[v] === 0) seen[v] = count++;
    times = new Float64Array(count);
    for (let v = 0; v < range; v++) if (seen[v] >= 0) times[seen[v]] = v + min;
    for (let i = 0; i < n; i++) slot[i] = seen[time[i] - min];
  } else {
    const sorted = Float64Array.from(time).sort();
    let count = 0;
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[count - 1]) sorted[count++] = sorted[i];
    times = sorted.slice(0, count);
    for (let i = 0; i < n; i++) {
      const t = time[i];
      let lo = 0;
      let hi = count - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (times[mid] < t) lo = mid + 1;
        else hi = mid;
      }
      slot[i] = lo;
    }
  }
  const width = times.length;
  const events = new Uint32Array(width * groupCount);
  const censored = new Uint32Array(width * groupCount);
  for (let i = 0; i < n; i++) {
    const cell = (groupCodes === undefined ? 0 : groupCodes[i] * width) + slot[i];
    if (status[i] === 1) events[cell] += 1;
    else censored[cell] += 1;
  }
  return Object.freeze({ times, groupCount, events, censored });
}
