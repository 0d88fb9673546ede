import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countCell } from './countCell.js';

describe('countCell', () => {
  it('counts each subject once and lists them in sort() order, whatever order and repeats they come in', () => {
    for (const subjects of [['03', '01', '03', '02'], new Set(['03', '01', '02']), ['01', '02', '02', '03'], ['01', '02', '03']]) {
      const made = countCell(subjects, 10);
      assert.deepEqual(made.value, { kind: 'count', n: 3, N: 10 });
      assert.deepEqual(made.subjects, ['01', '02', '03']);
      assert.ok(Object.isFrozen(made.subjects));
    }
  });

  it("keeps a list already in order as the cell's own frozen copy, leaving the caller's list alone", () => {
    const ids = ['A-1', 'A-2', 'B-1'];
    const made = countCell(ids, null);
    assert.deepEqual(made.value, { kind: 'count', n: 3, N: null });
    assert.notEqual(made.subjects, ids);
    assert.ok(!Object.isFrozen(ids));
    assert.deepEqual(countCell([], 5).value, { kind: 'count', n: 0, N: 5 });
  });
});
