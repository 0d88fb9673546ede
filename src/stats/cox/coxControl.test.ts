import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCoxControl, defaultCoxControl } from './coxControl.js';

describe('createCoxControl', () => {
  it("defaults to R's coxph.control()", () => {
    const outcome = createCoxControl();
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.value, defaultCoxControl);
    assert.equal(outcome.value.eps, 1e-9);
    assert.equal(outcome.value.tolerChol, Math.pow(2 ** -52, 0.75));
    assert.equal(outcome.value.iterMax, 20);
    assert.equal(outcome.value.tolerInf, Math.sqrt(1e-9));
    assert.ok(Object.isFrozen(outcome.value));
  });
  it('derives tolerInf from the eps chosen, as R does', () => {
    const outcome = createCoxControl({ eps: 1e-6 });
    assert.ok(outcome.ok);
    assert.equal(outcome.value.tolerInf, 1e-3);
  });
  it('names each bad setting', () => {
    const outcome = createCoxControl({ eps: 0, iterMax: 2.5, tolerChol: Number.NaN });
    assert.equal(outcome.ok, false);
    assert.deepEqual(outcome.issues.map((i) => i.path), [['control', 'eps'], ['control', 'tolerChol'], ['control', 'iterMax']]);
  });
  it('warns when the Cholesky tolerance is not below eps', () => {
    const outcome = createCoxControl({ eps: 1e-12, tolerChol: 1e-10 });
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.issues.map((i) => [i.code, i.severity]), [['control-tolerance', 'warning']]);
  });
});
