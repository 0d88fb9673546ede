import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QueryResult, SqlParam } from './sqlClient.js';
import { sendTick, splitRows, type PendingStatement } from './statementBatches.js';

interface Sent {
  readonly member: string;
  readonly sql: string;
  readonly params: readonly SqlParam[];
}

function pending(member: string, sql: string, params: readonly SqlParam[], batch?: string, settingsKey = 'same'): { item: PendingStatement<string>; result: Promise<QueryResult<object>> } {
  let resolve!: (result: QueryResult<object>) => void;
  let reject!: (error: unknown) => void;
  const result = new Promise<QueryResult<object>>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { item: { member, settingsKey, sql, params, batch, resolve, reject }, result };
}

void describe('sendTick', () => {
  void it('keeps each member in order and sends the statements of one batch form and settings once, each member getting its own rows', async () => {
    const sent: Sent[] = [];
    const send = (member: string, sql: string, params: readonly SqlParam[]) => {
      sent.push({ member, sql, params });
      if (sql === 'read batch') return Promise.resolve({ rows: [{ batch_index: 2, v: 'b' }, { batch_index: 1, v: 'a1' }, { batch_index: 1, v: 'a2' }], rowCount: 3 });
      return Promise.resolve({ rows: [{ v: sql }], rowCount: 1 });
    };
    const statements = [
      pending('a', 'read', ['x', 1], 'read batch'),
      pending('a', 'write', ['x']),
      pending('b', 'read', ['y', 2], 'read batch'),
      pending('c', 'read', ['z', 3], 'read batch', 'other'),
    ];
    sendTick(statements.map(({ item }) => item), send, () => assert.fail('no batch failed'));
    assert.deepEqual(sent, [
      { member: 'a', sql: 'read batch', params: [['x', 'y'], [1, 2]] },
      { member: 'c', sql: 'read', params: ['z', 3] },
      { member: 'a', sql: 'write', params: ['x'] },
    ]);
    const results = await Promise.all(statements.map(({ result }) => result));
    assert.deepEqual(results, [
      { rows: [{ v: 'a1' }, { v: 'a2' }], rowCount: 2 },
      { rows: [{ v: 'write' }], rowCount: 1 },
      { rows: [{ v: 'b' }], rowCount: 1 },
      { rows: [{ v: 'read' }], rowCount: 1 },
    ]);
  });

  void it('fails every member of a batch whose rows cannot be told apart, and the group with them', async () => {
    let failed = false;
    const statements = [pending('a', 'read', ['x'], 'read batch'), pending('b', 'read', ['y'], 'read batch')];
    sendTick(statements.map(({ item }) => item), () => Promise.resolve({ rows: [{ batch_index: 3 }], rowCount: 1 }), () => {
      failed = true;
    });
    for (const { result } of statements) await assert.rejects(result, /batch_index 3/);
    assert.equal(failed, true);
  });

  void it('sends a statement whose parameters hold an array as it is', () => {
    const sent: string[] = [];
    const statements = [pending('a', 'read', [['x']], 'read batch'), pending('b', 'read', [['y']], 'read batch')];
    sendTick(statements.map(({ item }) => item), (_member, sql) => {
      sent.push(sql);
      return Promise.resolve({ rows: [], rowCount: 0 });
    }, () => undefined);
    assert.deepEqual(sent, ['read', 'read']);
  });
});

void describe('splitRows', () => {
  void it('refuses a row without a batch_index in range', () => {
    assert.throws(() => splitRows([{ v: 1 }], 2), /batch_index undefined/);
    assert.throws(() => splitRows([{ batch_index: 0 }], 2), /batch_index 0/);
    assert.deepEqual(splitRows([{ batch_index: 2, v: 1 }], 2), [[], [{ v: 1 }]]);
  });
});
