import { zeroin } from './zeroin.js';

export interface FisherExact2x2 {
  /** Two-sided: total probability of the tables no more probable than the observed one (R's relative tolerance 1 + 1e-7). */
  readonly p: number;
  /** P(first cell <= a): alternative "odds ratio < 1". */
  readonly pLess: number;
  /** P(first cell >= a): alternative "odds ratio > 1". */
  readonly pGreater: number;
  /** Conditional maximum-likelihood odds ratio (not the sample ad/bc); 0 or Infinity at the ends of the support. */
  readonly oddsRatio: number;
  readonly oddsRatioLower: number;
  readonly oddsRatioUpper: number;
  readonly confLevel: number;
}

/** R's tolerance for "no more probable than observed", against rounding in the densities. */
const relativeTolerance = 1 + 1e-7;

/**
 * Fisher's exact test of a 2 x 2 table with rows (a b) and (c d), following R's fisher.test line by
 * line: with the margins fixed the first cell has a (noncentral) hypergeometric distribution on
 * lo..hi; the odds-ratio estimate and the limits solve mean and tail equations in the noncentrality
 * with R's uniroot (zeroin). Trusts its input: non-negative integers, 0 < confLevel < 1.
 */
export function fisherExact2x2Kernel(a: number, b: number, c: number, d: number, confLevel: number): FisherExact2x2 {
  const m = a + c;
  const n = b + d;
  const k = a + b;
  const x = a;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const size = hi - lo + 1;

  // log of the central hypergeometric densities up to a constant, by the ratio of successive terms
  // (exact products of integers, one rounding per step), so no large log-factorials cancel.
  const logdc = new Float64Array(size);
  for (let i = 1; i < size; i++) {
    const s = lo + i - 1;
    logdc[i] = logdc[i - 1] + Math.log(((m - s) * (k - s)) / ((s + 1) * (n - k + s + 1)));
  }

  const dnhyper = (ncp: number): Float64Array => {
    const logNcp = Math.log(ncp);
    const out = new Float64Array(size);
    let max = -Infinity;
    for (let i = 0; i < size; i++) {
      out[i] = logdc[i] + logNcp * (lo + i);
      if (out[i] > max) max = out[i];
    }
    let sum = 0;
    for (let i = 0; i < size; i++) {
      out[i] = Math.exp(out[i] - max);
      sum += out[i];
    }
    for (let i = 0; i < size; i++) out[i] /= sum;
    return out;
  };
  const central = dnhyper(1);
  const xi = x - lo;
  let pLess = 0;
  let pGreater = 0;
  for (let i = 0; i < size; i++) {
    if (i <= xi) pLess += central[i];
    if (i >= xi) pGreater += central[i];
  }
  pLess = Math.min(1, pLess);
  pGreater = Math.min(1, pGreater);

  const mnhyper = (ncp: number): number => {
    if (ncp === 0) return lo;
    if (ncp === Infinity) return hi;
    const dens = dnhyper(ncp);
    let mean = 0;
    for (let i = 0; i < size; i++) mean += (lo + i) * dens[i];
    return mean;
  };
  const pnhyper = (ncp: number, upperTail: boolean): number => {
    if (ncp === 1) return upperTail ? pGreater : pLess;
    if (ncp === 0) return Number(upperTail ? x <= lo : x >= lo);
    if (ncp === Infinity) return Number(upperTail ? x <= hi : x >= hi);
    const dens = dnhyper(ncp);
    let sum = 0;
    for (let i = 0; i < size; i++) if (upperTail ? i >= xi : i <= xi) sum += dens[i];
    return sum;
  };

  let p = 0;
  const threshold = central[xi] * relativeTolerance;
  for (let i = 0; i < size; i++) if (central[i] <= threshold) p += central[i];
  p = Math.min(1, p);

  const tiny = 2 ** -52;
  let oddsRatio: number;
  if (x === lo) oddsRatio = 0;
  else if (x === hi) oddsRatio = Infinity;
  else {
    const mu = mnhyper(1);
    if (mu > x) oddsRatio = zeroin((t) => mnhyper(t) - x, 0, 1);
    else if (mu < x) oddsRatio = 1 / zeroin((t) => mnhyper(1 / t) - x, tiny, 1);
    else oddsRatio = 1;
  }

  const alpha = (1 - confLevel) / 2;
  let upper: number;
  if (x === hi) upper = Infinity;
  else {
    const p0 = pnhyper(1, false);
    if (p0 < alpha) upper = zeroin((t) => pnhyper(t, false) - alpha, 0, 1);
    else if (p0 > alpha) upper = 1 / zeroin((t) => pnhyper(1 / t, false) - alpha, tiny, 1);
    else upper = 1;
  }
  let lower: number;
  if (x === lo) lower = 0;
  else {
    const p0 = pnhyper(1, true);
    if (p0 > alpha) lower = zeroin((t) => pnhyper(t, true) - alpha, 0, 1);
    else if (p0 < alpha) lower = 1 / zeroin((t) => pnhyper(1 / t, true) - alpha, tiny, 1);
    else lower = 1;
  }

  return Object.freeze({ p, pLess, pGreater, oddsRatio, oddsRatioLower: lower, oddsRatioUpper: upper, confLevel });
}
