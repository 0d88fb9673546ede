import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { orderByTime } from './orderByTime.js';

describe('orderByTime', () => {
  it('orders by time, ties by index, as a stable comparison sort', () => {
    const time = fc.oneof(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 50 }), fc.constantFrom(0, -0, 1e-300, 5e-324, 0.1, 0.30000000000000004));
    fc.assert(
      fc.property(fc.array(time, { maxLength: 300 }), (values) => {
        const t = Float64Array.from(values);
        const expected = Array.from({ length: t.length }, (_, i) => i).sort((a, b) => t[a] - t[b] || a - b);
        assert.deepEqual(Array.from(orderByTime(t)), expected);
      }),
    );
  });
});
