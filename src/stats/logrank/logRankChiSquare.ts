import { chiSquareUpperTail } from '../distributions/index.js';

export interface LogRankTest {
  readonly chisq: number;
  readonly df: number;
  readonly p: number;
  /** Groups left in the test: survdiff drops groups with no expected events (never at risk at an event). */
  readonly tested: readonly boolean[];
}

/** Relative pivot tolerance below which a direction of the variance matrix counts as singular. */
const singularTolerance = 1e-9;

/**
 * The k-group log-rank statistic as survdiff forms it: (O - E)' V^- (O - E) over the groups with
 * expected > 0, dropping the first of them (the sums over groups are 0, so the full V is singular).
 * R uses solve() on the reduced matrix; a generalised inverse from a pivot-tolerant Cholesky gives the
 * same value whenever solve() succeeds and a finite answer (with df = rank) when it would fail.
 * No test (p NaN, df 0) when fewer than two groups have expected events.
 */
export function logRankChiSquare(observed: Float64Array, expected: Float64Array, variance: Float64Array): LogRankTest {
  const k = observed.length;
  const tested = Array.from(expected, (e) => e > 0);
  const kept: number[] = [];
  for (let g = 0; g < k; g++) if (tested[g]) kept.push(g);
  if (kept.length < 2) return { chisq: 0, df: 0, p: Number.NaN, tested };

  const used = kept.slice(1);
  const m = used.length;
  const a = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    b[r] = observed[used[r]] - expected[used[r]];
    for (let c = 0; c < m; c++) a[r * m + c] = variance[used[r] * k + used[c]];
  }
  const { chisq, rank } = quadraticFormGeneralisedInverse(a, b, m);
  const df = rank;
  if (df === 0) return { chisq: 0, df: 0, p: Number.NaN, tested };
  return { chisq, df, p: chiSquareUpperTail(chisq, df), tested };
}

/**
 * b' A^- b for symmetric positive semi-definite A via an LDL' Cholesky that skips pivots below
 * tolerance * max diagonal (as survival's cholesky2), so singular directions drop out.
 */
function quadraticFormGeneralisedInverse(a: Float64Array, b: Float64Array, m: number): { chisq: number; rank: number } {
  let maxDiag = 0;
  for (let i = 0; i < m; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * m + i]));
  const eps = singularTolerance * maxDiag;
  const l = Float64Array.from(a);
  const diag = new Float64Array(m);
  const skip = new Uint8Array(m);
  let rank = 0;
  for (let i = 0; i < m; i++) {
    let pivot = l[i * m + i];
    for (let j = 0; j < i; j++) if (skip[j] === 0) pivot -= l[i * m + j] * l[i * m + j] * diag[j];
    if (!(pivot > eps) || maxDiag === 0) {
      skip[i] = 1;
      continue;
    }
    diag[i] = pivot;
    rank++;
    for (let r = i + 1; r < m; r++) {
      let v = l[r * m + i];
      for (let j = 0; j < i; j++) if (skip[j] === 0) v -= l[r * m + j] * l[i * m + j] * diag[j];
      l[r * m + i] = v / pivot;
    }
  }
  // Forward solve L y = b on the kept pivots; b' A^- b = sum y_i^2 / D_i.
  const y = Float64Array.from(b);
  let chisq = 0;
  for (let i = 0; i < m; i++) {
    if (skip[i] === 1) continue;
    let v = y[i];
    for (let j = 0; j < i; j++) if (skip[j] === 0) v -= l[i * m + j] * y[j];
    y[i] = v;
    chisq += (v * v) / diag[i];
  }
  return { chisq: Math.max(0, chisq), rank };
}
