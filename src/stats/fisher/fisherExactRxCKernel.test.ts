import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClose } from '../../testing/index.js';
import { countTablesWithin, fisherExactRxCKernel } from './fisherExactRxCKernel.js';

describe('countTablesWithin', () => {
  it('counts 2 x 2 tables: the size of the first cell support', () => {
    // Margins rows (5, 7), columns (6, 6): first cell 0..5.
    assert.equal(countTablesWithin(Float64Array.of(3, 2, 3, 4), 2, 2, 1e6), 6);
  });

  it('counts 3 x 3 tables with all margins 1: the 3! permutation matrices', () => {
    assert.equal(countTablesWithin(Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1), 3, 3, 1e6), 6);
  });

  it('reports Infinity above the limit', () => {
    assert.equal(countTablesWithin(Float64Array.of(3, 2, 3, 4), 2, 2, 5), Infinity);
  });
});

describe('fisherExactRxCKernel', () => {
  it('permutation matrices: the identity is one of 3! equally likely tables, so p = 1', () => {
    assertClose(fisherExactRxCKernel(Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1), 3, 3), 1, { rel: 1e-12 }, 'p');
  });

  it('2 x 2 with margins (3, 3) x (3, 3): the extreme tables have probability 1/20 each', () => {
    assertClose(fisherExactRxCKernel(Float64Array.of(3, 0, 0, 3), 2, 2), 2 / 20, { rel: 1e-12 }, 'p');
  });
});
