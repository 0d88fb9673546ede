/**
 * R's pretty(c(lo, hi), n) (R 4.2, R_pretty with its defaults: min.n = n %/% 3, shrink.sml 0.75,
 * high.u.bias 1.5, u5.bias 2.75, bounds = TRUE): about n + 1 round values covering [lo, hi]. cmprsk's
 * print.cuminc shows its estimates at these values (without the ends), so `trialkit cif` does when no
 * --at is given. The breaks are computed as R computes them (from + i * step), last bits included.
 */
export function prettyBreaks(lo: number, hi: number, n = 5): number[] {
  const minN = Math.floor(n / 3);
  const h = 1.5;
  const h5 = 0.5 + 1.5 * h;
  const roundingEps = 1e-10;
  const dx = hi - lo;
  let cell: number;
  let small: boolean;
  if (dx === 0 && hi === 0) {
    cell = 1;
    small = true;
  } else {
    cell = Math.max(Math.abs(lo), Math.abs(hi));
    let u = 1 + (h5 >= 1.5 * h + 0.5 ? 1 / (1 + h) : 1.5 / (1 + h5));
    u *= Math.max(1, n) * Number.EPSILON;
    small = dx < cell * u * 3;
  }
  if (small) {
    if (cell > 10) cell = 9 + cell / 10;
    cell *= 0.75;
    if (minN > 1) cell /= minN;
  } else {
    cell = dx;
    if (n > 1) cell /= n;
  }
  // C's pow(10, k), correctly rounded (V8's Math.pow(10, -4) is not): a division by an exact power.
  const exponent = Math.floor(Math.log10(cell));
  const base = exponent >= 0 ? 10 ** exponent : 1 / 10 ** -exponent;
  let unit = base;
  if (2 * base - cell < h * (cell - unit)) {
    unit = 2 * base;
    if (5 * base - cell < h5 * (cell - unit)) {
      unit = 5 * base;
      if (10 * base - cell < h * (cell - unit)) unit = 10 * base;
    }
  }
  let ns = Math.floor(lo / unit + roundingEps);
  let nu = Math.ceil(hi / unit - roundingEps);
  while (ns * unit > lo + roundingEps * unit) ns--;
  while (nu * unit < hi - roundingEps * unit) nu++;
  let k = Math.trunc(0.5 + nu - ns);
  if (k < minN) {
    k = minN - k;
    if (ns >= 0) {
      nu += Math.trunc(k / 2);
      ns -= Math.trunc(k / 2) + (k % 2);
    } else {
      ns -= Math.trunc(k / 2);
      nu += Math.trunc(k / 2) + (k % 2);
    }
    k = minN;
  }
  const from = Math.min(ns * unit, lo);
  const to = Math.max(nu * unit, hi);
  if (k === 0) return [from];
  // seq.int(from, to, length.out = k + 1): from, from + i * by, ..., to.
  const by = (to - from) / k;
  const out = [from];
  for (let i = 1; i < k; i++) out.push(from + i * by);
  out.push(to);
  const delta = (to - from) / k;
  return out.map((s) => (Math.abs(s) < 1e-14 * delta ? 0 : s));
}
