// Diameters are decimal measurements (e.g. 10.1 mm). Summing them in binary floating point gives 10.1 + 20.2
// = 30.299999999999997; the sum of diameters and its percent changes are shown to people and compared with
// thresholds, so they are computed on integers scaled by the largest number of decimals in play, which is
// exact, with one correctly rounded division at the end.

const MAX_DECIMALS = 6;

/** Digits after the decimal point in the shortest form of x; null when it has more than MAX_DECIMALS. */
function decimalPlaces(x: number): number | null {
  const text = String(x);
  if (/e/i.test(text)) return null;
  const dot = text.indexOf('.');
  const places = dot === -1 ? 0 : text.length - dot - 1;
  return places > MAX_DECIMALS ? null : places;
}

/** 10^d for the most decimals among the values, or null when one of them is not a short decimal. */
function commonScale(values: readonly number[]): number | null {
  let places = 0;
  for (const value of values) {
    const p = decimalPlaces(value);
    if (p === null || Math.abs(value) * 10 ** MAX_DECIMALS > Number.MAX_SAFE_INTEGER) return null;
    places = Math.max(places, p);
  }
  return 10 ** places;
}

/** The exact decimal sum of decimal numbers (plain floating-point summation for anything longer). */
export function sumDecimal(values: readonly number[]): number {
  const scale = commonScale(values);
  if (scale === null) return values.reduce((total, value) => total + value, 0);
  let total = 0;
  for (const value of values) total += Math.round(value * scale);
  return total / scale;
}

/** 100 * (value - reference) / reference, correctly rounded for decimal inputs; null when reference is 0. */
export function percentChangeDecimal(value: number, reference: number): number | null {
  if (reference === 0) return null;
  const scale = commonScale([value, reference]);
  if (scale === null) return ((value - reference) / reference) * 100;
  const v = Math.round(value * scale);
  const r = Math.round(reference * scale);
  return ((v - r) * 100) / r;
}
