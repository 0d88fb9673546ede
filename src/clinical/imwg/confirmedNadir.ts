/**
 * The nadir against which progression is judged, from the baseline value and the values measured on study
 * before the assessment being judged (in date order, missing values skipped).
 *
 * IMWG 2016 measures progression from the "lowest confirmed response value". For laboratory values that
 * need confirmation (serum and urine M-protein, dFLC) a value is confirmed when the next measurement of
 * the same parameter is at least as low, so each pair of consecutive on-study values confirms the larger
 * of the two, and the nadir is the lowest of the baseline and those confirmed values: one spurious low
 * does not make the next ordinary value look like progression. Baseline needs no confirmation. Bone-marrow
 * and imaging findings need no confirmation (Kumar 2016), so for them every value counts (`confirm` false).
 * With no baseline value and no confirmed pair (a parameter not measured at baseline) the first on-study
 * value is the reference. Null when nothing was measured before.
 *
 * Example (serum M, g/L): baseline 30, then 10, 20, 21 -> pairs (10,20) and (20,21) confirm 20 and 21,
 * nadir 20; a single low of 10 is not the nadir.
 */
export function confirmedNadir(baseline: number | null, onStudy: readonly number[], confirm: boolean): number | null {
  let lowest = baseline;
  if (!confirm) {
    for (const value of onStudy) lowest = lowest === null ? value : Math.min(lowest, value);
    return lowest;
  }
  for (let i = 0; i + 1 < onStudy.length; i++) {
    const confirmed = Math.max(onStudy[i], onStudy[i + 1]);
    lowest = lowest === null ? confirmed : Math.min(lowest, confirmed);
  }
  if (lowest === null && onStudy.length > 0) lowest = onStudy[0];
  return lowest;
}
