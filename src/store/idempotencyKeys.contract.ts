import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoreProvider } from './contractSupport.js';
import { freshId } from './contractSupport.js';
import { lookupIdempotencyKey, saveIdempotencyKey } from './idempotencyKeys.js';
import { isStoreError } from './storeError.js';

/** Idempotency keys: replay the stored answer, refuse a key reused for another request. */
export function idempotencyKeysContract(getStore: StoreProvider): void {
  void describe('idempotency keys', () => {
    void it('is new, then replays the stored response, and refuses another request under the same key', async () => {
      const request = { userId: 'coordinator-a', key: freshId(), requestHash: 'hash-1' };
      assert.deepEqual(await lookupIdempotencyKey(getStore(), request), { kind: 'new' });
      await getStore().transaction((tx) => saveIdempotencyKey(tx, request, 201, { recordId: 7, version: 1 }));
      assert.deepEqual(await lookupIdempotencyKey(getStore(), request), { kind: 'replay', statusCode: 201, response: { recordId: 7, version: 1 } });
      assert.deepEqual(await lookupIdempotencyKey(getStore(), { ...request, requestHash: 'hash-2' }), { kind: 'mismatch' });
      assert.deepEqual(await lookupIdempotencyKey(getStore(), { ...request, userId: 'someone-else' }), { kind: 'new' });
      await assert.rejects(
        getStore().transaction((tx) => saveIdempotencyKey(tx, request, 201, {})),
        (error) => isStoreError(error, 'unique-violation'),
      );
    });
  });
}
