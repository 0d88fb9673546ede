/**
 * Brent's root finder exactly as R's uniroot (R_zeroin2 in R's stats/src/zeroin.c), with uniroot's
 * defaults: tol = .Machine$double.eps^0.25, maxiter = 1000. fisher.test's odds-ratio estimate and
 * confidence limits are uniroot roots, only as precise as that tolerance (about 1e-4 on the search
 * scale); repeating R's iteration step for step is what reproduces R's printed values to 1e-6 and
 * better, where a more precise root finder would differ from R in the fourth digit.
 * f(ax) and f(bx) must not have the same sign (uniroot checks this before calling zeroin).
 */
export const unirootTolerance = Math.pow(2 ** -52, 0.25);

export function zeroin(
  f: (x: number) => number,
  ax: number,
  bx: number,
  tol: number = unirootTolerance,
  maxIterations = 1000,
): number {
  let a = ax;
  let b = bx;
  let fa = f(a);
  let fb = f(b);
  let c = a;
  let fc = fa;
  const epsilon = 2 ** -52;
  if (fa === 0) return a;
  if (fb === 0) return b;

  for (let iteration = 0; iteration <= maxIterations; iteration++) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      // Swap so that b is the best approximation.
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * epsilon * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return b;

    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      // Interpolation may be tried.
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        q = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1));
        q = (q - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  // Not converged: uniroot warns and returns the last approximation; so do we.
  return b;
}
