import { binomialPmf } from '../distributions/index.js';

/**
 * A Simon two-stage design r1/n1, r/n: treat n1 patients and stop for futility if at most r1 respond;
 * otherwise treat n - n1 more and call the treatment promising if more than r respond in all.
 */
export interface SimonDesign {
  readonly r1: number;
  readonly n1: number;
  readonly r: number;
  readonly n: number;
  /** Expected sample size under p0: n1 + (1 - pet0)(n - n1). */
  readonly en0: number;
  /** Probability of early termination under p0: P(X1 <= r1 | p0). */
  readonly pet0: number;
  /** Attained type I error P(X1 > r1, X1 + X2 > r | p0). */
  readonly alpha: number;
  /** Attained power, the same probability under p1. */
  readonly power: number;
  /** Expected sample size under p1: n1 + (1 - pet1)(n - n1). */
  readonly en1: number;
  /** Probability of early termination under p1: P(X1 <= r1 | p1). */
  readonly pet1: number;
}

export interface SimonSearch {
  /** Minimum EN0 among designs meeting alpha and power; null when none has n <= maxN. */
  readonly optimal: SimonDesign | null;
  /** Minimum n, then minimum EN0; null when none has n <= maxN. */
  readonly minimax: SimonDesign | null;
  readonly maxN: number;
}

/** Binomial pmf tables pmf[m][x] and upper tails tail[m][k] = P(X >= k), for m = 0..maxN. */
function tables(p: number, maxN: number): { pmf: Float64Array[]; tail: Float64Array[] } {
  const pmf: Float64Array[] = [];
  const tail: Float64Array[] = [];
  for (let m = 0; m <= maxN; m++) {
    const f = new Float64Array(m + 1);
    for (let x = 0; x <= m; x++) f[x] = binomialPmf(x, m, p);
    // Summed from the top so that small upper tails keep their digits; tail[m + 1] = 0.
    const t = new Float64Array(m + 2);
    for (let k = m; k >= 0; k--) t[k] = t[k + 1] + f[k];
    pmf.push(f);
    tail.push(t);
  }
  return { pmf, tail };
}

// EN0 values within this relative distance are treated as tied, then broken by the smaller n, n1, r1,
// r, so that rounding in the last bit cannot decide between two designs.
const tieTolerance = 1e-12;

function tied(a: number, b: number): boolean {
  return Math.abs(a - b) <= tieTolerance * Math.max(Math.abs(a), Math.abs(b));
}

function lexicographicallySmaller(a: SimonDesign, b: SimonDesign): boolean {
  if (a.n !== b.n) return a.n < b.n;
  if (a.n1 !== b.n1) return a.n1 < b.n1;
  if (a.r1 !== b.r1) return a.r1 < b.r1;
  return a.r < b.r;
}

function betterOptimal(a: SimonDesign, b: SimonDesign | null): boolean {
  if (b === null) return true;
  if (!tied(a.en0, b.en0)) return a.en0 < b.en0;
  return lexicographicallySmaller(a, b);
}

function betterMinimax(a: SimonDesign, b: SimonDesign | null): boolean {
  if (b === null) return true;
  if (a.n !== b.n) return a.n < b.n;
  if (!tied(a.en0, b.en0)) return a.en0 < b.en0;
  return lexicographicallySmaller(a, b);
}

/**
 * Simon (1989) optimal and minimax two-stage designs by exhaustive search over every n <= maxN,
 * 1 <= n1 < n, 0 <= r1 < n1 and r1 < r < n. For fixed (n1, n, r1) EN0 does not depend on r and power
 * falls as r grows, so only the smallest r meeting alpha is a candidate. The rejection probabilities
 * for all r are accumulated over x1 = n1, n1 - 1, ..., so each r1 costs one pass over r.
 * Trusts its input: 0 < p0 < p1 < 1, 0 < alpha < 0.5, 0 < power < 1, maxN >= 2 whole.
 */
export function simonTwoStageKernel(p0: number, p1: number, alpha: number, power: number, maxN: number): SimonSearch {
  const null0 = tables(p0, maxN);
  const alt1 = tables(p1, maxN);
  let optimal: SimonDesign | null = null;
  let minimax: SimonDesign | null = null;
  const reject0 = new Float64Array(maxN);
  const reject1 = new Float64Array(maxN);

  for (let n1 = 1; n1 < maxN; n1++) {
    const f0 = null0.pmf[n1];
    const f1 = alt1.pmf[n1];
    for (let n = n1 + 1; n <= maxN; n++) {
      const n2 = n - n1;
      const s0 = null0.tail[n2];
      const s1 = alt1.tail[n2];
      reject0.fill(0);
      reject1.fill(0);
      for (let r1 = n1 - 1; r1 >= 0; r1--) {
        // Add the outcome x1 = r1 + 1 to the continuing set: it rejects when X2 >= r - x1 + 1.
        const x1 = r1 + 1;
        for (let r = 0; r < n; r++) {
          const need = r - x1 + 1;
          const k = need <= 0 ? 0 : need;
          if (k > n2) continue;
          reject0[r] += f0[x1] * s0[k];
          reject1[r] += f1[x1] * s1[k];
        }
        let r = r1 + 1;
        while (r < n && reject0[r] > alpha) r++;
        // Fewer responders needed to continue only raises alpha: no smaller r1 can be feasible.
        if (r >= n) break;
        if (reject1[r] < power) continue;
        const pet = sumTo(f0, r1);
        const pet1 = sumTo(f1, r1);
        const design: SimonDesign = Object.freeze({
          r1,
          n1,
          r,
          n,
          en0: n1 + (1 - pet) * n2,
          pet0: pet,
          alpha: reject0[r],
          power: reject1[r],
          en1: n1 + (1 - pet1) * n2,
          pet1,
        });
        if (betterOptimal(design, optimal)) optimal = design;
        if (betterMinimax(design, minimax)) minimax = design;
      }
    }
  }
  return Object.freeze({ optimal, minimax, maxN });
}

function sumTo(f: Float64Array, upTo: number): number {
  let sum = 0;
  for (let x = 0; x <= upTo; x++) sum += f[x];
  return sum;
}
