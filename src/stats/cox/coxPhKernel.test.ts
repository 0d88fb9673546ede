import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../testing/index.js';
import { defaultCoxControl } from './coxControl.js';
import { coxPhKernel, type CoxKernelInput } from './coxPhKernel.js';

const closedForm = { rel: 1e-12, abs: 1e-14 };

function input(time: number[], status: number[], x: number[], ends: number[], efron = true): CoxKernelInput {
  return {
    time: Float64Array.from(time),
    status: Uint8Array.from(status),
    x: Float64Array.from(x),
    p: 1,
    stratumEnd: Uint8Array.from(ends),
    standardise: Uint8Array.from([0]),
    efron,
  };
}

describe('coxPhKernel', () => {
  it('gives the hand-computed log-likelihood and score test at beta = 0', () => {
    // Four deaths at distinct times, x = 1, 0, 1, 0. Risk-set means 1/2, 1/3, 1/2, 0 give the
    // score U = 2/3 and information 1/4 + 2/9 + 1/4 = 13/18, so the score test is (4/9)/(13/18) = 8/13.
    const fit = coxPhKernel(input([1, 2, 3, 4], [1, 1, 1, 1], [1, 0, 1, 0], [0, 0, 0, 1]), defaultCoxControl);
    assertClose(fit.logLik[0], -Math.log(24), closedForm, 'loglik at 0');
    assertClose(fit.scoreTest, 8 / 13, closedForm, 'score test');
    assert.ok(fit.converged);
    assert.ok(fit.logLik[1] >= fit.logLik[0]);
  });
  it('keeps strata apart: each stratum has its own risk sets', () => {
    // Two strata of two subjects each: the later subject of each stratum is alone in its last risk set.
    const fit = coxPhKernel(input([1, 2, 1, 2], [1, 1, 1, 1], [1, 0, 0, 1], [0, 1, 0, 1]), defaultCoxControl);
    assertClose(fit.logLik[0], -2 * Math.log(2), closedForm, 'stratified loglik at 0');
    // U = (1 - 1/2) + (0 - 1/2) = 0: the strata cancel.
    assertClose(fit.scoreTest, 0, closedForm, 'score test');
  });
  it('applies the Efron correction to tied deaths only when asked', () => {
    // Two tied deaths among three at risk, x = 1, 0, 0: Breslow -2 log 3, Efron -log 3 - log 2.
    const data = [[1, 1, 2], [1, 1, 0], [1, 0, 0], [0, 0, 1]] as const;
    const breslow = coxPhKernel(input([...data[0]], [...data[1]], [...data[2]], [...data[3]], false), defaultCoxControl);
    const efron = coxPhKernel(input([...data[0]], [...data[1]], [...data[2]], [...data[3]], true), defaultCoxControl);
    assertClose(breslow.logLik[0], -2 * Math.log(3), closedForm, 'Breslow');
    assertClose(efron.logLik[0], -Math.log(3) - Math.log(2), closedForm, 'Efron');
  });
});
