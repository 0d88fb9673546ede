import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { chiSquareUpperTail, normalQuantile } from '../distributions/index.js';
import { defaultCoxControl, type CoxControl } from './coxControl.js';
import { coxPhKernel } from './coxPhKernel.js';
import { ldlDecompose, ldlSolve } from './ldlDecomposition.js';
import { orderByTime } from '../survival/orderByTime.js';
import { nearTimeChains } from './tieNearTimes.js';

export type CoxTies = 'efron' | 'breslow';

export interface CoxInput {
  /** Follow-up time of each subject, >= 0. */
  readonly time: ArrayLike<number>;
  /** 1 = event, 0 = censored. */
  readonly status: ArrayLike<number>;
  /** One numeric column per term, each as long as time (factors as 0/1 dummy columns). */
  readonly covariates: readonly ArrayLike<number>[];
  /** The name of each covariate column. */
  readonly terms: readonly string[];
  /** Stratum label of each subject: each stratum gets its own baseline hazard. */
  readonly strata?: readonly string[];
  /** Tie handling, default 'efron' as R. */
  readonly ties?: CoxTies;
  /** Two-sided level of the hazard-ratio confidence intervals, default 0.95. */
  readonly confLevel?: number;
  /** From createCoxControl(); default R's coxph.control(). */
  readonly control?: CoxControl;
}

/**
 * One term. A term R reports as NA (constant, or linearly dependent on earlier terms or the strata)
 * keeps its place with every number null and the reason given.
 */
export interface CoxCoefficient {
  readonly term: string;
  readonly coef: number | null;
  /** Hazard ratio exp(coef). */
  readonly hr: number | null;
  readonly se: number | null;
  /** Wald confidence limits of the hazard ratio, exp(coef -/+ z se). */
  readonly lower: number | null;
  readonly upper: number | null;
  readonly z: number | null;
  readonly p: number | null;
  readonly reason: 'constant' | 'collinear' | null;
}

export interface CoxTest {
  readonly chisq: number;
  readonly df: number;
  readonly p: number;
}

export interface CoxFit {
  readonly coefficients: readonly CoxCoefficient[];
  /** Log partial likelihood at beta = 0 and at the estimate, as R's fit$loglik. */
  readonly logLik: readonly [number, number];
  /** Likelihood-ratio, Wald and score (log-rank) tests that all coefficients are 0, as summary(coxph). */
  readonly lrTest: CoxTest;
  readonly waldTest: CoxTest;
  readonly scoreTest: CoxTest;
  readonly iterations: number;
  readonly converged: boolean;
  readonly n: number;
  readonly events: number;
  readonly strata: number;
  readonly ties: CoxTies;
  readonly confLevel: number;
}

const MAX_ISSUES = 100;

/**
 * Cox proportional hazards regression, matching R's coxph (survival 3.5): Newton-Raphson on the
 * partial likelihood with Efron or Breslow ties, strata, and R's convergence and redundancy rules.
 * Constant and collinear terms are kept in the output with null numbers and a warning (R's NA); a
 * coefficient that may be infinite (monotone likelihood) is reported with a warning, as R warns.
 */
export function computeCoxPh(input: CoxInput): Outcome<CoxFit> {
  const { time, status, covariates, terms } = input;
  const ties = input.ties ?? 'efron';
  const confLevel = input.confLevel ?? 0.95;
  const control = input.control ?? defaultCoxControl;
  const n = time.length;
  const issues: Issue[] = [];
  const add = (item: Issue): void => {
    if (issues.length < MAX_ISSUES) issues.push(item);
  };

  if (n === 0) add(issue('empty-input', ['time'], n, 'at least one subject'));
  if (status.length !== n) add(issue('length-mismatch', ['status'], status.length, `${n} values, one per time`));
  if (terms.length === 0) add(issue('no-covariates', ['terms'], 0, 'at least one covariate'));
  if (covariates.length !== terms.length) {
    add(issue('length-mismatch', ['covariates'], covariates.length, `${terms.length} columns, one per term`));
  }
  const seen = new Set<string>();
  terms.forEach((term, i) => {
    if (seen.has(term)) add(issue('duplicate-term', ['terms', i], term, 'distinct term names'));
    seen.add(term);
  });
  covariates.forEach((column, i) => {
    if (column.length !== n) add(issue('length-mismatch', ['covariates', terms[i] ?? i], column.length, `${n} values, one per time`));
  });
  if (input.strata !== undefined && input.strata.length !== n) {
    add(issue('length-mismatch', ['strata'], input.strata.length, `${n} values, one per time`));
  }
  if (ties !== 'efron' && ties !== 'breslow') add(issue('bad-ties', ['ties'], ties, "'efron' or 'breslow'"));
  if (!(confLevel > 0 && confLevel < 1)) add(issue('bad-conf-level', ['confLevel'], confLevel, 'a level between 0 and 1'));
  if (issues.length > 0) return failure(issues);

  let events = 0;
  for (let r = 0; r < n; r++) {
    const t = time[r];
    if (!Number.isFinite(t)) add(issue('missing-value', ['time', r], t, 'a finite time >= 0'));
    else if (t < 0) add(issue('negative-time', ['time', r], t, 'a time >= 0'));
    const s = status[r];
    if (s === 1) events++;
    else if (s !== 0) add(issue('bad-status', ['status', r], s, '1 (event) or 0 (censored)'));
  }
  covariates.forEach((column, i) => {
    for (let r = 0; r < n; r++) {
      if (!Number.isFinite(column[r])) add(issue('missing-covariate', ['covariates', terms[i], r], column[r], 'a finite number'));
    }
  });
  if (issues.length > 0) return failure(issues);
  if (events === 0) return failure([issue('no-events', ['status'], 0, 'at least one event (status 1)')]);

  // Constant columns carry no information (R: NA); they are left out of the fit and reported.
  const warnings: Issue[] = [];
  const kept: number[] = [];
  covariates.forEach((column, i) => {
    let constant = true;
    for (let r = 1; r < n && constant; r++) if (column[r] !== column[0]) constant = false;
    if (constant) {
      warnings.push(issue('constant-covariate', ['covariates', terms[i]], column[0], 'a covariate that varies (its coefficient is not estimable; reported as null)', 'warning'));
    } else kept.push(i);
  });

  // Sort by stratum (labels in sorted order, as R's factor levels), then time; stable for equal keys.
  const stratumCode = new Uint32Array(n);
  let strataCount = 1;
  if (input.strata !== undefined) {
    const labels = [...new Set(input.strata)].sort();
    const codeOf = new Map(labels.map((label, code) => [label, code]));
    for (let r = 0; r < n; r++) stratumCode[r] = codeOf.get(input.strata[r]) ?? 0;
    strataCount = labels.length;
  }
  const { order, fixedTime } = stratumTimeOrder(Float64Array.from(time), stratumCode, strataCount, control.timefix);

  const p = kept.length;
  const sortedTime = new Float64Array(n);
  const sortedStatus = new Uint8Array(n);
  const stratumEnd = new Uint8Array(n);
  const x = new Float64Array(n * p);
  for (let k = 0; k < n; k++) {
    const r = order[k];
    sortedTime[k] = fixedTime[r];
    sortedStatus[k] = status[r];
    if (k === n - 1 || stratumCode[order[k + 1]] !== stratumCode[r]) stratumEnd[k] = 1;
  }
  kept.forEach((column, j) => gatherColumn(covariates[column], order, x, p, j));
  const standardise = new Uint8Array(p);
  kept.forEach((column, j) => {
    const values = covariates[column];
    for (let r = 0; r < n; r++) {
      const v = values[r];
      if (v !== 0 && v !== 1 && v !== -1) {
        standardise[j] = 1;
        return;
      }
    }
  });

  const fit = coxPhKernel(
    { time: sortedTime, status: sortedStatus, x, p, stratumEnd, standardise, efron: ties === 'efron' },
    control,
  );

  // R marks a term redundant when its pivot fell below tolerChol: its variance row is all 0.
  const redundant = new Uint8Array(p);
  if (fit.rank < p) for (let j = 0; j < p; j++) if (fit.variance[j * p + j] === 0) redundant[j] = 1;

  if (!fit.converged) {
    warnings.push(issue('not-converged', ['control', 'iterMax'], control.iterMax, 'convergence within the iteration limit (ran out of iterations)', 'warning'));
    let maxLp = -Infinity;
    for (let k = 0; k < n; k++) {
      let lp = 0;
      for (let j = 0; j < p; j++) lp += fit.coef[j] * (x[k * p + j] - fit.means[j]);
      if (lp > maxLp) maxLp = lp;
    }
    if (maxLp > 500 || !infiniteScores(fit.score, fit.variance, p).every(Number.isFinite)) {
      warnings.push(issue('infinite-coefficient', ['covariates'], null, 'finite coefficients (one or more may be infinite)', 'warning'));
    }
  } else if (control.iterMax > 1) {
    const drift = infiniteScores(fit.score, fit.variance, p);
    for (let j = 0; j < p; j++) {
      if (redundant[j] === 1) continue;
      const flagged = !Number.isFinite(fit.score[j]) || (drift[j] > control.eps && drift[j] > control.tolerInf * Math.abs(fit.coef[j]));
      if (flagged) {
        warnings.push(issue('infinite-coefficient', ['covariates', terms[kept[j]]], fit.coef[j],
          'a finite coefficient (the log-likelihood converged while this one still grew: it may be infinite, e.g. no events in one group)', 'warning'));
      }
    }
  }

  const zQuantile = normalQuantile((1 + confLevel) / 2);
  const nullCoefficient = (term: string, reason: 'constant' | 'collinear'): CoxCoefficient =>
    Object.freeze({ term, coef: null, hr: null, se: null, lower: null, upper: null, z: null, p: null, reason });
  const estimated: number[] = [];
  const coefficients = terms.map((term, i) => {
    const j = kept.indexOf(i);
    if (j < 0) return nullCoefficient(term, 'constant');
    if (redundant[j] === 1) {
      warnings.push(issue('collinear-covariate', ['covariates', term], term, 'a covariate not determined by the earlier ones or the strata (reported as null)', 'warning'));
      return nullCoefficient(term, 'collinear');
    }
    estimated.push(j);
    const coef = fit.coef[j];
    const se = Math.sqrt(fit.variance[j * p + j]);
    const z = coef / se;
    return Object.freeze({
      term,
      coef,
      hr: Math.exp(coef),
      se,
      lower: Math.exp(coef - zQuantile * se),
      upper: Math.exp(coef + zQuantile * se),
      z,
      p: chiSquareUpperTail(z * z, 1),
      reason: null,
    });
  });

  const df = estimated.length;
  const test = (chisq: number): CoxTest => Object.freeze({ chisq, df, p: df === 0 ? Number.NaN : chiSquareUpperTail(chisq, df) });
  const [logLikNull, logLikFit] = fit.logLik;
  const value: CoxFit = Object.freeze({
    coefficients: Object.freeze(coefficients),
    logLik: Object.freeze([logLikNull, logLikFit] as const),
    lrTest: test(2 * (logLikFit - logLikNull)),
    waldTest: test(waldStatistic(fit.coef, fit.variance, p, estimated, control.tolerChol)),
    scoreTest: test(fit.scoreTest),
    iterations: fit.iterations,
    converged: fit.converged,
    n,
    events,
    strata: strataCount,
    ties,
    confLevel,
  });
  return success(value, warnings);
}

/**
 * Row indices sorted by stratum, then time, then row (a stable sort), and the times after R's timefix
 * (near-equal times tied): a radix sort by time, then a counting sort by stratum.
 */
function stratumTimeOrder(time: Float64Array, stratum: Uint32Array, strata: number, timefix: boolean): { order: Uint32Array; fixedTime: Float64Array } {
  const n = time.length;
  let order = orderByTime(time);
  let fixedTime = time;
  if (timefix && n > 1) {
    // The distinct times, in order; each row's rank among them only when some are to be tied.
    const distinct = new Float64Array(n);
    let count = 0;
    for (let k = 0; k < n; k++) {
      const t = time[order[k]];
      if (count === 0 || t !== distinct[count - 1]) distinct[count++] = t;
    }
    const chains = nearTimeChains(distinct.subarray(0, count));
    if (chains !== undefined) {
      const rank = new Uint32Array(n);
      let d = -1;
      for (let k = 0; k < n; k++) {
        const r = order[k];
        if (d < 0 || time[r] !== distinct[d]) d++;
        rank[r] = chains[d];
      }
      fixedTime = new Float64Array(n);
      for (let r = 0; r < n; r++) fixedTime[r] = distinct[rank[r]];
      // Rows whose times were tied now order by row, as R orders the fixed times.
      const rows = new Uint32Array(n);
      for (let r = 0; r < n; r++) rows[r] = r;
      order = countingSort(rows, rank, count);
    }
  }
  if (strata > 1) order = countingSort(order, stratum, strata);
  return { order, fixedTime };
}

/** `items` stably reordered by key[item], keys from 0 to size - 1. */
function countingSort(items: Uint32Array, key: Uint32Array, size: number): Uint32Array {
  const start = new Uint32Array(size + 1);
  for (let k = 0; k < items.length; k++) start[key[items[k]] + 1] += 1;
  for (let v = 0; v < size; v++) start[v + 1] += start[v];
  const out = new Uint32Array(items.length);
  for (let k = 0; k < items.length; k++) out[start[key[items[k]]]++] = items[k];
  return out;
}

/** Column `values` in row order `order` into column j of the row-major n x p matrix x. */
function gatherColumn(values: ArrayLike<number>, order: Uint32Array, x: Float64Array, p: number, j: number): void {
  for (let k = 0; k < order.length; k++) x[k * p + j] = values[order[k]];
}


/** |u' V| per term: how far the score still pushes each coefficient once the log-likelihood has settled. */
function infiniteScores(score: Float64Array, variance: Float64Array, p: number): Float64Array {
  const out = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let sum = 0;
    for (let i = 0; i < p; i++) sum += score[i] * variance[i * p + j];
    out[j] = Math.abs(sum);
  }
  return out;
}

/** b' V^-1 b over the estimated terms, solved through the same factorisation as R's coxph.wtest. */
function waldStatistic(coef: Float64Array, variance: Float64Array, p: number, terms: readonly number[], toler: number): number {
  const k = terms.length;
  if (k === 0) return 0;
  const v = new Float64Array(k * k);
  const b = new Float64Array(k);
  terms.forEach((ti, a) => {
    b[a] = coef[ti];
    terms.forEach((tj, c) => (v[a * k + c] = variance[ti * p + tj]));
  });
  const solved = Float64Array.from(b);
  ldlDecompose(v, k, toler);
  ldlSolve(v, k, solved);
  let sum = 0;
  for (let a = 0; a < k; a++) sum += b[a] * solved[a];
  return sum;
}
