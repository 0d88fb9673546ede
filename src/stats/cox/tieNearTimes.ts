/**
 * R's timefix (survival's aeqSurv): times that differ from their neighbour by at most `tolerance`,
 * absolutely or relative to the mean absolute distinct time, are the same time written with rounding
 * noise (e.g. 1/3 of a month computed two ways), so each chain of such times takes its smallest value.
 * Returns the input itself when nothing needs merging.
 */
export function tieNearTimes(time: Float64Array, tolerance = Math.sqrt(2 ** -52)): Float64Array {
  const distinct = Float64Array.from(new Set(time)).sort();
  if (distinct.length < 2) return time;
  let meanAbs = 0;
  for (const t of distinct) meanAbs += Math.abs(t);
  meanAbs /= distinct.length;
  const merged = new Map<number, number>();
  let cut = distinct[0];
  for (let i = 1; i < distinct.length; i++) {
    const gap = distinct[i] - distinct[i - 1];
    if (gap <= tolerance || gap / meanAbs <= tolerance) merged.set(distinct[i], cut);
    else cut = distinct[i];
  }
  if (merged.size === 0) return time;
  return time.map((t) => merged.get(t) ?? t);
}
