import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';

/**
 * The numerical settings of a Cox fit, in one validated object so that every fit (and every test of
 * one) runs with the same, explicit convergence rules. Defaults are R's coxph.control() (survival 3.5).
 */
export interface CoxControl {
  /** Converged when |1 - loglik_old / loglik_new| <= eps. */
  readonly eps: number;
  /** Relative pivot tolerance of the Cholesky (LDL') factorisation: smaller pivots mark a column as redundant. */
  readonly tolerChol: number;
  /** Most Newton-Raphson iterations. */
  readonly iterMax: number;
  /** An |u' V| above this (relative to |coef|) at convergence means the coefficient may be infinite. */
  readonly tolerInf: number;
  /** Treat times that differ by less than sqrt(machine epsilon) (absolute or relative) as tied, as R's timefix. */
  readonly timefix: boolean;
}

export type CoxControlOptions = Partial<CoxControl>;

const machineEpsilon = 2 ** -52;

/** Builds a CoxControl from partial options; tolerInf defaults to sqrt(eps) of the eps actually chosen, as in R. */
export function createCoxControl(options: CoxControlOptions = {}): Outcome<CoxControl> {
  const eps = options.eps ?? 1e-9;
  const tolerChol = options.tolerChol ?? machineEpsilon ** 0.75;
  const iterMax = options.iterMax ?? 20;
  const tolerInf = options.tolerInf ?? Math.sqrt(eps);
  const timefix = options.timefix ?? true;
  const issues: Issue[] = [];
  const positive = (name: keyof CoxControl, value: number): void => {
    if (!(Number.isFinite(value) && value > 0)) issues.push(issue('bad-control', ['control', name], value, 'a finite number > 0'));
  };
  positive('eps', eps);
  positive('tolerChol', tolerChol);
  // A derived tolerInf is only as bad as the eps it came from, which is reported already.
  if (options.tolerInf !== undefined) positive('tolerInf', tolerInf);
  if (!(Number.isInteger(iterMax) && iterMax >= 0)) {
    issues.push(issue('bad-control', ['control', 'iterMax'], iterMax, 'a whole number >= 0'));
  }
  if (typeof timefix !== 'boolean') issues.push(issue('bad-control', ['control', 'timefix'], timefix, 'true or false'));
  if (issues.length === 0 && eps <= tolerChol) {
    // R warns here too: the factorisation would then be coarser than the convergence test it serves.
    issues.push(issue('control-tolerance', ['control', 'tolerChol'], tolerChol, `a Cholesky tolerance below eps (${eps})`, 'warning'));
  }
  if (issues.some((item) => item.severity === 'error')) return failure(issues);
  return success(Object.freeze({ eps, tolerChol, iterMax, tolerInf, timefix }), issues);
}

/** R's defaults: eps 1e-9, toler.chol .Machine$double.eps^0.75, iter.max 20, toler.inf sqrt(eps), timefix. */
export const defaultCoxControl: CoxControl = Object.freeze({
  eps: 1e-9,
  tolerChol: machineEpsilon ** 0.75,
  iterMax: 20,
  tolerInf: Math.sqrt(1e-9),
  timefix: true,
});
