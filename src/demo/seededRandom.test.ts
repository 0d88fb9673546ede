import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SeededRandom } from './seededRandom.js';

describe('SeededRandom', () => {
  it('repeats its draws for a seed and differs between seeds', () => {
    const draw = (seed: number): number[] => {
      const r = new SeededRandom(seed);
      return [r.int(0, 1000), r.float(), r.normal(), ...r.shuffle([1, 2, 3, 4, 5])];
    };
    assert.deepEqual(draw(7), draw(7));
    assert.notDeepEqual(draw(7), draw(8));
  });

  it('keeps integers in range and shuffles as a permutation', () => {
    const r = new SeededRandom(3);
    for (let k = 0; k < 1000; k++) {
      const v = r.int(-2, 4);
      assert.ok(Number.isInteger(v) && v >= -2 && v <= 4);
    }
    assert.deepEqual(
      r.shuffle([5, 1, 4, 2, 3]).sort((a, b) => a - b),
      [1, 2, 3, 4, 5],
    );
  });

  it('draws weighted indices in proportion to the weights', () => {
    const r = new SeededRandom(11);
    const counts = [0, 0, 0];
    for (let k = 0; k < 30000; k++) counts[r.weighted([1, 2, 0])] += 1;
    assert.equal(counts[2], 0);
    assert.ok(Math.abs(counts[1] / counts[0] - 2) < 0.1, `${counts[1] / counts[0]}`);
  });
});
