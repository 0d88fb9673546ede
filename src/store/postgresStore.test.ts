import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { auditSealContract } from './auditSeal.contract.js';
import { auditTrailContract } from './auditTrail.contract.js';
import { crfRecordsContract } from './crfRecords.contract.js';
import { idempotencyKeysContract } from './idempotencyKeys.contract.js';
import { locksContract } from './locks.contract.js';
import { queriesContract } from './queries.contract.js';
import { reviewMarksContract } from './reviewMarks.contract.js';
import { migrateContract } from './migrate.contract.js';
import { openStore } from './openStore.js';
import { postgresTestTarget } from './postgresTestTarget.js';
import { openPostgresStore } from './postgresStore.js';
import type { Store } from './sqlClient.js';
import { sqlClientContract } from './sqlClient.contract.js';
import { trialProtocolContract } from './trialProtocol.contract.js';
import { sealAuditQueue } from './sealAuditQueue.js';
import { verifyAuditChain } from './verifyAuditChain.js';
import { withAuditContext } from './withAuditContext.js';
import { postgresReachable } from '../testing/index.js';

// The same contracts against a PostgreSQL server, in a schema of its own that is dropped afterwards.
const target = postgresTestTarget('trialkit_test');
const { url, schema, dropSchema } = target;

if (await postgresReachable(target, 'PostgreSQL store contract')) {
  let store: Store | undefined;
  const getStore = (): Store => {
    if (store === undefined) throw new Error('the PostgreSQL store did not open (see the before hook)');
    return store;
  };

  describe(`PostgreSQL store (schema ${schema})`, () => {
    before(async () => {
      store = await openPostgresStore({ url, schema });
    });
    after(async () => {
      await store?.close();
      await dropSchema();
    });
    sqlClientContract(getStore);
    migrateContract(getStore);
    auditTrailContract(getStore);
    auditSealContract(getStore);
    crfRecordsContract(getStore);
    locksContract(getStore);
    queriesContract(getStore);
    reviewMarksContract(getStore);
    idempotencyKeysContract(getStore);
    trialProtocolContract(getStore);

    it('keeps its tables in its own schema', async () => {
      const { rows } = await getStore().query<{ schema: string }>("SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'audit_log' AND table_schema = current_schema()");
      assert.deepEqual(rows, [{ schema }]);
    });

    it('applies nothing when the same schema is opened again through openStore', async () => {
      const again = await openStore({ databaseUrl: url, schema });
      try {
        assert.equal(again.engine, 'postgres');
        assert.deepEqual(again.migrationsApplied, []);
      } finally {
        await again.close();
      }
    });

    it('keeps the chain out of the commit path: a writer in its transaction holds up neither another writer nor the sealer', async () => {
      const slowId = `SLOW${Date.now().toString(36)}`;
      const fastId = `FAST${Date.now().toString(36)}`;
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      let wrote = (): void => undefined;
      const written = new Promise<void>((resolve) => (wrote = resolve));
      const slow = withAuditContext(getStore(), { user: 'slow-writer' }, async (tx) => {
        await tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [slowId, 'Slow']);
        wrote();
        await held;
      });
      await written;
      try {
        // with the chain lock taken at each write (before migration 4) this waited for the slow COMMIT: lock_timeout makes that a failure
        await withAuditContext(getStore(), { user: 'fast-writer' }, async (tx) => {
          await tx.query("SET LOCAL lock_timeout = '5s'");
          await tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [fastId, 'Fast']);
        });
        await getStore().transaction(async (tx) => {
          await tx.query("SET LOCAL lock_timeout = '5s'");
          await sealAuditQueue(tx);
        });
      } finally {
        release();
        await slow;
      }
      await getStore().transaction((tx) => sealAuditQueue(tx));
      const { rows } = await getStore().query<{ record_id: string; changed_by: string }>(
        "SELECT record_id, changed_by FROM audit_log WHERE table_name = 'sites' AND record_id IN ($1, $2) ORDER BY audit_id",
        [slowId, fastId],
      );
      assert.deepEqual(rows, [{ record_id: fastId, changed_by: 'fast-writer' }, { record_id: slowId, changed_by: 'slow-writer' }], 'chained in the order they were sealed');
      assert.equal((await verifyAuditChain(getStore())).ok, true);
    });

    it('refuses a schema name that is not a plain identifier', async () => {
      await assert.rejects(openPostgresStore({ url, schema: 'x; DROP TABLE y' }), /schema 'x; DROP TABLE y' must match/);
    });
  });
}
