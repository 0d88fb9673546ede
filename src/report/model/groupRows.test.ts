import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupRows, rememberedGrouping } from './groupRows.js';

interface Row {
  readonly id: string;
  readonly kind: string;
}

const rows: readonly Row[] = Object.freeze([
  { id: '1', kind: 'a' },
  { id: '2', kind: 'b' },
  { id: '3', kind: 'a' },
  { id: '4', kind: 'skip' },
]);
const byKind = (row: Row) => (row.kind === 'skip' ? null : row.kind);

describe('groupRows', () => {
  it('groups in the order keys are first met, each group in the rows order, leaving out null keys', () => {
    assert.deepEqual([...groupRows(rows, byKind)].map(([key, group]) => [key, group.map((r) => r.id)]), [['a', ['1', '3']], ['b', ['2']]]);
    assert.equal(groupRows([], byKind).size, 0);
  });
});

describe('rememberedGrouping', () => {
  it('groups a frozen dataset once, and a list that can still change each time', () => {
    const grouping = rememberedGrouping(byKind);
    assert.equal(grouping(rows), grouping(rows));
    assert.deepEqual(grouping(rows).get('a')?.map((r) => r.id), ['1', '3']);
    const open = [...rows];
    const before = grouping(open);
    open.push({ id: '5', kind: 'b' });
    assert.notEqual(grouping(open), before);
    assert.deepEqual(grouping(open).get('b')?.map((r) => r.id), ['2', '5']);
  });
});
