// Thresholds are met with a relative tolerance of 1e-9, so that a value exactly on a threshold in decimal
// (a sum of 7.07 mm is exactly 30% below 10.1 mm) meets it despite binary rounding; "below" stays strict.

const TOLERANCE = 1e-9;

function slack(value: number, threshold: number): number {
  return TOLERANCE * Math.max(1, Math.abs(value), Math.abs(threshold));
}

/** value >= threshold, up to binary rounding. */
export function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - slack(value, threshold);
}

/** value < threshold, and not merely by binary rounding. */
export function below(value: number, threshold: number): boolean {
  return value < threshold - slack(value, threshold);
}
