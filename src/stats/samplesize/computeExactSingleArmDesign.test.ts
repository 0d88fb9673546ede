import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeExactSingleArmDesign } from './computeExactSingleArmDesign.js';

const paper = { p0: 0.12, p1: 0.25, alpha: 0.025, power: 0.8 };

function codes(input: Parameters<typeof computeExactSingleArmDesign>[0]): string[] {
  const outcome = computeExactSingleArmDesign(input);
  assert.equal(outcome.ok, false);
  return outcome.issues.map((i) => `${i.code}@${i.path.join('.')}`);
}

describe('computeExactSingleArmDesign', () => {
  it('gives the paper design, 66 evaluable and 79 enrolled with 20% dropout (multiply, the default)', () => {
    const outcome = computeExactSingleArmDesign({ ...paper, dropout: 0.2 });
    assert.ok(outcome.ok);
    assert.equal(outcome.value.n, 66);
    assert.equal(outcome.value.r, 14);
    assert.equal(outcome.value.dropoutMethod, 'multiply');
    assert.equal(outcome.value.nEnrolled, 79);
    assert.ok(outcome.value.alpha <= 0.025 && outcome.value.power >= 0.8);
    assert.ok(Object.isFrozen(outcome.value));
  });

  it('enrols 83 under the divide convention', () => {
    const outcome = computeExactSingleArmDesign({ ...paper, dropout: 0.2, dropoutMethod: 'divide' });
    assert.ok(outcome.ok);
    assert.equal(outcome.value.nEnrolled, 83);
  });

  it('enrols n itself without dropout', () => {
    const outcome = computeExactSingleArmDesign(paper);
    assert.ok(outcome.ok);
    assert.equal(outcome.value.nEnrolled, 66);
    assert.equal(outcome.value.searchMaxN, 1000);
  });

  it('names each bad argument', () => {
    assert.deepEqual(codes({ ...paper, p0: 0 }), ['bad-p0@p0']);
    assert.deepEqual(codes({ ...paper, p1: 0.1 }), ['p1-not-above-p0@p1']);
    assert.deepEqual(codes({ ...paper, p1: 1 }), ['bad-p1@p1']);
    assert.deepEqual(codes({ ...paper, alpha: 0.5 }), ['bad-alpha@alpha']);
    assert.deepEqual(codes({ ...paper, power: 1 }), ['bad-power@power']);
    assert.deepEqual(codes({ ...paper, dropout: 1 }), ['bad-dropout@dropout']);
    assert.deepEqual(codes({ ...paper, dropout: -0.1 }), ['bad-dropout@dropout']);
    assert.deepEqual(codes({ ...paper, dropoutMethod: 'add' }), ['bad-dropout-method@dropoutMethod']);
    assert.deepEqual(codes({ ...paper, searchMaxN: 10.5 }), ['bad-search-max-n@searchMaxN']);
    assert.deepEqual(codes({ ...paper, searchMaxN: 60 }), ['no-design-within-search@searchMaxN']);
    assert.equal(codes({ p0: 'a', p1: null, alpha: undefined, power: -1 }).length, 4);
  });
});
