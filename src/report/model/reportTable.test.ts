import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStrictlyAscending, sortIds, subjectList } from './reportTable.js';

/** Ids as a large trial has them: '0001' ... in order. */
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => String(from + i).padStart(5, '0'));

describe('sortIds and subjectList', () => {
  it('sortIds is [...ids].sort(), repeats kept, for short and long lists in any order', () => {
    const long = ids(600);
    const shuffled = [...long].reverse();
    const repeated = [...long.slice(0, 300), ...long.slice(100, 400)];
    for (const list of [long, shuffled, repeated, ['b', 'a', 'b'], ids(300, 1000).concat(ids(300))]) {
      assert.deepEqual(sortIds(list), [...list].sort());
    }
    const input = ids(400);
    assert.notEqual(sortIds(input), input);
  });

  it('subjectList is the distinct ids in sort() order, frozen', () => {
    const long = ids(700);
    for (const list of [long, [...long].reverse(), [...long, ...long], new Set([...long].reverse())]) {
      const made = subjectList(list);
      assert.deepEqual(made, long);
      assert.ok(Object.isFrozen(made));
    }
    assert.ok(!Object.isFrozen(long));
  });

  it('isStrictlyAscending is false for a repeat or a step back', () => {
    assert.ok(isStrictlyAscending(['a', 'b', 'c']) && isStrictlyAscending([]));
    assert.ok(!isStrictlyAscending(['a', 'a']) && !isStrictlyAscending(['b', 'a']));
  });
});
