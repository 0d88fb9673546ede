import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Slots } from './slots.js';

describe('Slots', () => {
  it('runs at most `count` works at a time, the others in the order they came', async () => {
    const slots = new Slots(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const work = (i: number) => async () => {
      started.push(i);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return i * 10;
    };
    const results = await Promise.all([0, 1, 2, 3, 4].map((i) => slots.run(work(i))));
    assert.deepEqual(results, [0, 10, 20, 30, 40]);
    assert.equal(most, 2);
    assert.deepEqual(started, [0, 1, 2, 3, 4]);
  });

  it('gives the slot back when the work fails', async () => {
    const slots = new Slots(1);
    await assert.rejects(slots.run(() => Promise.reject(new Error('no'))), /no/);
    assert.equal(await slots.run(() => Promise.resolve('next')), 'next');
  });

  it('refuses a count that is not a positive integer', () => {
    assert.throws(() => new Slots(0), RangeError);
    assert.throws(() => new Slots(1.5), RangeError);
  });
});
