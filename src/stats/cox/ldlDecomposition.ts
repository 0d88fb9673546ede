/**
 * Symmetric LDL' factorisation with redundant-column detection, solve and inverse, on a p x p matrix
 * stored row-major in a Float64Array. The same algorithm as survival's cholesky2/chsolve2/chinv2, so
 * that a column R declares redundant (pivot below tolerance x the largest diagonal) is redundant here
 * too: its pivot is set to 0, its solution component to 0 and its row and column of the inverse to 0.
 * Only the upper triangle (m[i * p + j], j >= i) needs to be filled on entry.
 */

/**
 * Factors m in place (L below the diagonal, D on it). Returns the rank, negated when a pivot is clearly
 * negative (the matrix is not non-negative definite).
 */
export function ldlDecompose(m: Float64Array, p: number, toler: number): number {
  let largest = 0;
  for (let i = 0; i < p; i++) {
    const d = m[i * p + i];
    if (d > largest) largest = d;
    for (let j = i + 1; j < p; j++) m[j * p + i] = m[i * p + j];
  }
  if (largest === 0) {
    // Nothing positive on the diagonal: no column carries information.
    for (let i = 0; i < p; i++) m[i * p + i] = 0;
    return 0;
  }
  const eps = largest * toler;
  let rank = 0;
  let nonNegative = 1;
  for (let i = 0; i < p; i++) {
    const pivot = m[i * p + i];
    if (!Number.isFinite(pivot) || pivot < eps) {
      m[i * p + i] = 0;
      if (pivot < -8 * eps) nonNegative = -1;
      continue;
    }
    rank++;
    for (let j = i + 1; j < p; j++) {
      const ratio = m[j * p + i] / pivot;
      m[j * p + i] = ratio;
      m[j * p + j] -= ratio * ratio * pivot;
      for (let k = j + 1; k < p; k++) m[k * p + j] -= ratio * m[k * p + i];
    }
  }
  return rank * nonNegative;
}

/** Solves A b = y in place from the factorisation; components of redundant columns come out 0. */
export function ldlSolve(m: Float64Array, p: number, y: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let t = y[i];
    for (let j = 0; j < i; j++) t -= y[j] * m[i * p + j];
    y[i] = t;
  }
  for (let i = p - 1; i >= 0; i--) {
    const d = m[i * p + i];
    if (d === 0) {
      y[i] = 0;
      continue;
    }
    let t = y[i] / d;
    for (let j = i + 1; j < p; j++) t -= y[j] * m[j * p + i];
    y[i] = t;
  }
}

/**
 * Replaces the factorisation by the (generalised) inverse of the original matrix, full and symmetric;
 * rows and columns of redundant columns are 0.
 */
export function ldlInvert(m: Float64Array, p: number): void {
  for (let i = 0; i < p; i++) {
    if (m[i * p + i] > 0) {
      m[i * p + i] = 1 / m[i * p + i];
      for (let j = i + 1; j < p; j++) {
        m[j * p + i] = -m[j * p + i];
        for (let k = 0; k < i; k++) m[j * p + k] += m[j * p + i] * m[i * p + k];
      }
    }
  }
  for (let i = 0; i < p; i++) {
    if (m[i * p + i] === 0) {
      for (let j = 0; j < i; j++) m[j * p + i] = 0;
      for (let j = i; j < p; j++) m[i * p + j] = 0;
      continue;
    }
    for (let j = i + 1; j < p; j++) {
      const t = m[j * p + i] * m[j * p + j];
      m[i * p + j] = t;
      for (let k = i; k < j; k++) m[i * p + k] += t * m[j * p + k];
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) m[i * p + j] = m[j * p + i];
}
