import type { CoxControl } from './coxControl.js';
import { ldlDecompose, ldlInvert, ldlSolve } from './ldlDecomposition.js';

/** Data for the kernel, already validated and sorted by stratum, then by ascending time. */
export interface CoxKernelInput {
  /** Times, ascending within each stratum. */
  readonly time: Float64Array;
  /** 1 = event, 0 = censored. */
  readonly status: Uint8Array;
  /** Covariates row-major: x[row * p + term]. The kernel works on its own copy. */
  readonly x: Float64Array;
  readonly p: number;
  /** 1 on the last row of each stratum (the last row of the data counts as one whatever it holds). */
  readonly stratumEnd: Uint8Array;
  /** 1 where a column is centred and scaled before fitting (R leaves columns of only -1, 0, 1 alone). */
  readonly standardise: Uint8Array;
  readonly efron: boolean;
}

export interface CoxKernelResult {
  /** Coefficients on the scale of the input covariates. */
  readonly coef: Float64Array;
  /** Inverse information at coef, p x p row-major; rows and columns of redundant terms are 0. */
  readonly variance: Float64Array;
  /** Score vector at coef (R's fit u), used to flag coefficients that may be infinite. */
  readonly score: Float64Array;
  /** The means subtracted from standardised columns (0 for the others). */
  readonly means: Float64Array;
  /** Log partial likelihood at 0 and at coef, as R's fit$loglik. */
  readonly logLik: readonly [number, number];
  /** Score test statistic at beta = 0. */
  readonly scoreTest: number;
  readonly iterations: number;
  /** Rank of the information matrix at the end (negative if not non-negative definite). */
  readonly rank: number;
  /** False when iterMax ran out before the log-likelihood settled. */
  readonly converged: boolean;
}

/**
 * Working storage for one pass over the data: the log partial likelihood, score u and information at
 * a beta, built from cumulative risk-set sums while walking each stratum from its largest time down,
 * so each pass is O(n p^2).
 */
class PartialLikelihood {
  readonly u: Float64Array;
  readonly imat: Float64Array;
  private readonly a: Float64Array;
  private readonly a2: Float64Array;
  private readonly cmat: Float64Array;
  private readonly cmat2: Float64Array;

  constructor(
    private readonly data: CoxKernelInput,
    private readonly x: Float64Array,
  ) {
    const p = data.p;
    this.u = new Float64Array(p);
    this.imat = new Float64Array(p * p);
    this.a = new Float64Array(p);
    this.a2 = new Float64Array(p);
    this.cmat = new Float64Array(p * p);
    this.cmat2 = new Float64Array(p * p);
  }

  /** Fills u and imat (upper triangle) at beta and returns the log partial likelihood. */
  evaluate(beta: Float64Array): number {
    const { time, status, stratumEnd, efron, p } = this.data;
    const { x, u, imat, a, a2, cmat, cmat2 } = this;
    const n = time.length;
    u.fill(0);
    imat.fill(0);
    a2.fill(0);
    cmat2.fill(0);
    let logLik = 0;
    let denom = 0;
    let person = n - 1;
    while (person >= 0) {
      if (person === n - 1 || stratumEnd[person] === 1) {
        denom = 0;
        a.fill(0);
        cmat.fill(0);
      }
      const tiedTime = time[person];
      let deaths = 0;
      let deathRisk = 0;
      // Everyone at this time joins the risk set; deaths are kept apart for the tie correction.
      while (person >= 0 && time[person] === tiedTime) {
        const row = person * p;
        let eta = 0;
        for (let i = 0; i < p; i++) eta += beta[i] * x[row + i];
        const risk = Math.exp(eta);
        if (status[person] === 0) {
          denom += risk;
          for (let i = 0; i < p; i++) {
            const xi = risk * x[row + i];
            a[i] += xi;
            for (let j = 0; j <= i; j++) cmat[i * p + j] += xi * x[row + j];
          }
        } else {
          deaths++;
          deathRisk += risk;
          logLik += eta;
          for (let i = 0; i < p; i++) {
            const xi = x[row + i];
            u[i] += xi;
            a2[i] += risk * xi;
            for (let j = 0; j <= i; j++) cmat2[i * p + j] += risk * xi * x[row + j];
          }
        }
        person--;
        if (person >= 0 && stratumEnd[person] === 1) break;
      }
      if (deaths === 0) continue;
      if (!efron || deaths === 1) {
        denom += deathRisk;
        logLik -= deaths * Math.log(denom);
        for (let i = 0; i < p; i++) {
          a[i] += a2[i];
          const mean = a[i] / denom;
          u[i] -= deaths * mean;
          for (let j = 0; j <= i; j++) {
            cmat[i * p + j] += cmat2[i * p + j];
            imat[j * p + i] += (deaths * (cmat[i * p + j] - mean * a[j])) / denom;
          }
        }
      } else {
        // Efron: the k-th of d tied deaths sees the others' risk only in part; the terms are summed in
        // the order R sums them (adding 1/d of the deaths' risk at a time) to share its rounding.
        for (let k = 0; k < deaths; k++) {
          denom += deathRisk / deaths;
          logLik -= Math.log(denom);
          for (let i = 0; i < p; i++) {
            a[i] += a2[i] / deaths;
            const mean = a[i] / denom;
            u[i] -= mean;
            for (let j = 0; j <= i; j++) {
              cmat[i * p + j] += cmat2[i * p + j] / deaths;
              imat[j * p + i] += (cmat[i * p + j] - mean * a[j]) / denom;
            }
          }
        }
      }
      a2.fill(0);
      cmat2.fill(0);
    }
    return logLik;
  }
}

/**
 * Newton-Raphson on the Cox partial likelihood from beta = 0, as survival's coxfit6: covariates centred
 * and scaled (by the mean absolute deviation) for stability; a step whose log-likelihood falls is pulled
 * back towards the last good beta, more each time it fails again; convergence when the relative change
 * in log-likelihood is <= eps. Results are returned on the original covariate scale.
 */
export function coxPhKernel(data: CoxKernelInput, control: CoxControl): CoxKernelResult {
  const { p, standardise } = data;
  const n = data.time.length;
  const x = Float64Array.from(data.x);
  const means = new Float64Array(p);
  const scale = new Float64Array(p).fill(1);
  for (let i = 0; i < p; i++) {
    if (standardise[i] !== 1) continue;
    let sum = 0;
    for (let r = 0; r < n; r++) sum += x[r * p + i];
    const mean = sum / n;
    means[i] = mean;
    let absDev = 0;
    for (let r = 0; r < n; r++) {
      const centred = x[r * p + i] - mean;
      x[r * p + i] = centred;
      absDev += Math.abs(centred);
    }
    const s = absDev > 0 ? n / absDev : 1;
    scale[i] = s;
    for (let r = 0; r < n; r++) x[r * p + i] *= s;
  }

  const pl = new PartialLikelihood(data, x);
  const { u, imat } = pl;
  const beta = new Float64Array(p);
  const newBeta = new Float64Array(p);
  const step = new Float64Array(p);

  const logLik0 = pl.evaluate(beta);
  step.set(u);
  let rank = ldlDecompose(imat, p, control.tolerChol);
  ldlSolve(imat, p, step);
  let scoreTest = 0;
  for (let i = 0; i < p; i++) scoreTest += u[i] * step[i];

  const finish = (coef: Float64Array, logLik1: number, iterations: number, converged: boolean): CoxKernelResult => {
    ldlInvert(imat, p);
    const variance = new Float64Array(p * p);
    const score = new Float64Array(p);
    const out = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      out[i] = coef[i] * scale[i];
      score[i] = u[i] / scale[i];
      for (let j = 0; j < p; j++) variance[i * p + j] = imat[i * p + j] * scale[i] * scale[j];
    }
    return { coef: out, variance, score, means, logLik: [logLik0, logLik1], scoreTest, iterations, rank, converged };
  };

  if (control.iterMax === 0 || !Number.isFinite(logLik0)) return finish(beta, logLik0, 0, true);

  let best = logLik0;
  for (let i = 0; i < p; i++) newBeta[i] = beta[i] + step[i];
  let halving = 0;
  let newLogLik = logLik0;
  for (let iter = 1; iter <= control.iterMax; iter++) {
    newLogLik = pl.evaluate(newBeta);
    rank = ldlDecompose(imat, p, control.tolerChol);
    let finite = Number.isFinite(newLogLik);
    for (let i = 0; i < p && finite; i++) {
      if (!Number.isFinite(u[i])) finite = false;
      for (let j = 0; j < p; j++) if (!Number.isFinite(imat[i * p + j])) finite = false;
    }
    if (finite && Math.abs(1 - best / newLogLik) <= control.eps) {
      return finish(newBeta, newLogLik, iter, true);
    }
    if (!finite || newLogLik < best) {
      // The step overshot: retreat towards the last good beta, further each time it fails.
      halving++;
      for (let i = 0; i < p; i++) newBeta[i] = (newBeta[i] + halving * beta[i]) / (halving + 1);
    } else {
      halving = 0;
      best = newLogLik;
      ldlSolve(imat, p, u);
      for (let i = 0; i < p; i++) {
        beta[i] = newBeta[i];
        newBeta[i] += u[i];
      }
    }
  }
  // Out of iterations: report the last good beta with its own score and information (R inverts the
  // unfactored information here; the factorisation is redone so the variance is a true inverse).
  const lastGood = control.iterMax > 1 ? pl.evaluate(beta) : newLogLik;
  if (control.iterMax > 1) rank = ldlDecompose(imat, p, control.tolerChol);
  return finish(beta, lastGood, control.iterMax, false);
}
