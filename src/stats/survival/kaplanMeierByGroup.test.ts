import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeKaplanMeier } from './kaplanMeier.js';
import { computeKaplanMeierByGroup } from './kaplanMeierByGroup.js';
import { encodeGroups } from './encodeGroups.js';

describe('computeKaplanMeierByGroup', () => {
  it('gives each group the curve of its own subjects, labels in first-appearance order', () => {
    const time = [5, 3, 8, 1, 9, 4, 4, 2];
    const status = [1, 0, 1, 1, 0, 1, 0, 1];
    const group = ['B', 'A', 'B', 'A', 'B', 'A', 'B', 'A'];
    const out = computeKaplanMeierByGroup({ time, status, group, confType: 'log' });
    assert.ok(out.ok);
    assert.deepEqual(out.value.map((g) => g.group), ['B', 'A']);
    for (const { group: label, curve } of out.value) {
      const own = time.flatMap((t, i) => (group[i] === label ? [i] : []));
      const alone = computeKaplanMeier({ time: own.map((i) => time[i]), status: own.map((i) => status[i]), confType: 'log' });
      assert.ok(alone.ok);
      assert.deepEqual(curve, alone.value);
    }
  });

  it('rejects unequal lengths and empty labels', () => {
    const out = computeKaplanMeierByGroup({ time: [1, 2], status: [1, 1], group: ['a'] });
    assert.ok(!out.ok);
    assert.equal(out.issues[0].code, 'length-mismatch');
    const empty = computeKaplanMeierByGroup({ time: [1, 2], status: [1, 1], group: ['a', ''] });
    assert.ok(!empty.ok);
    assert.deepEqual(empty.issues[0].path, ['group', 1]);
  });

  it('encodes labels to codes', () => {
    const { codes, labels } = encodeGroups(['x', 'y', 'x', 'z']);
    assert.deepEqual([...codes], [0, 1, 0, 2]);
    assert.deepEqual(labels, ['x', 'y', 'z']);
  });
});
