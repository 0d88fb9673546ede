import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summaryCells, SUMMARY_COLUMNS } from './summaryCells.js';

describe('summaryCells', () => {
  it('prints min and max as recorded, mean and quartiles one decimal more, the standard deviation two more', () => {
    const cells = summaryCells([1.5, 2.25, 3, 4].map((value, i) => ({ id: `s${i}`, value })));
    const decimals = cells.map((c) => (c.value.kind === 'number' ? c.value.decimals : null));
    assert.deepEqual(decimals, [null, 3, 4, 3, 3, 3, 2, 2]);
    assert.equal(cells.length, SUMMARY_COLUMNS.length);
  });

  it('caps the decimals of SI-converted values at 4 significant digits of the largest', () => {
    const cells = summaryCells([81.13493, 60.1, 99.98765].map((value, i) => ({ id: `s${i}`, value })));
    assert.deepEqual(cells[6].value, { kind: 'number', value: 60.1, decimals: 2 });
  });

  it('leaves out missing values and says why when none is left', () => {
    const cells = summaryCells([{ id: 'a', value: null }, { id: 'b', value: 7 }]);
    assert.deepEqual(cells[0].value, { kind: 'count', n: 1, N: null });
    assert.deepEqual(cells[0].subjects, ['b']);
    assert.deepEqual(cells[2].value, { kind: 'missing', reason: 'one value: no standard deviation' });
    const none = summaryCells([{ id: 'a', value: null }]);
    assert.deepEqual(none[1].value, { kind: 'missing', reason: 'no subject has a value' });
  });
});
