import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computeTreatmentContrasts } from './treatmentContrasts.js';

describe('computeTreatmentContrasts', () => {
  it('codes every level but the first as a 0/1 column named as R names it', () => {
    const outcome = computeTreatmentContrasts({ name: 'rx', codes: [2, 0, 1, 1, 0], levels: ['Lev', 'Lev+5FU', 'Obs'] });
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.value.terms, ['rxLev+5FU', 'rxObs']);
    assert.equal(outcome.value.reference, 'Lev');
    assert.deepEqual(outcome.value.columns.map((c) => Array.from(c)), [
      [0, 0, 1, 1, 0],
      [1, 0, 0, 0, 0],
    ]);
  });
  it('refuses a factor with one level, as R', () => {
    const outcome = computeTreatmentContrasts({ name: 'sex', codes: [0, 0], levels: ['F'] });
    assert.ok(!outcome.ok);
    assert.equal(outcome.issues[0].code, 'too-few-levels');
  });
  it('rows sum to at most 1 and the reference rows are all 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }).chain((k) => fc.tuple(fc.constant(k), fc.array(fc.integer({ min: 0, max: k - 1 }), { maxLength: 40 }))), ([k, codes]) => {
        const levels = Array.from({ length: k }, (_, i) => `L${i}`);
        const outcome = computeTreatmentContrasts({ name: 'x', codes, levels });
        assert.ok(outcome.ok);
        codes.forEach((code, row) => {
          const sum = outcome.value.columns.reduce((s, c) => s + c[row], 0);
          assert.equal(sum, code === 0 ? 0 : 1);
        });
      }),
    );
  });
});
