import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoreProvider } from './contractSupport.js';
import { countRows, freshId, inRolledBackTransaction, passThroughTransactions } from './contractSupport.js';
import { migrate, migrationChecksum } from './migrate.js';
import { migrations } from './migrations.js';
import { isStoreError } from './storeError.js';

/** Versioned migrations: recorded, idempotent, only new ones applied, history protected. */
export function migrateContract(getStore: StoreProvider): void {
  void describe('migrations', () => {
    void it('recorded every migration with its checksum when the store opened', async () => {
      const { rows } = await getStore().query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations ORDER BY version');
      assert.deepEqual(
        rows,
        migrations.map((migration) => ({ version: migration.version, checksum: migrationChecksum(migration) })),
      );
    });

    void it('applies nothing when run again', async () => {
      const before = await countRows(getStore(), 'SELECT 1 FROM schema_migrations');
      assert.deepEqual(await migrate(getStore()), []);
      assert.deepEqual(await migrate(getStore()), []);
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM schema_migrations'), before);
    });

    void it('applies only a new migration, once', async () => {
      const table = `probe_${freshId()}`;
      const extended = [...migrations, { version: 999999, name: 'probe', sql: `CREATE TABLE ${table} (id integer PRIMARY KEY)` }];
      // inside a rolled-back transaction, so the shared store keeps the code's migration history
      const [first, second, rows] = await inRolledBackTransaction(getStore(), async (tx) => {
        const client = passThroughTransactions(tx);
        return [await migrate(client, extended), await migrate(client, extended), await countRows(tx, `SELECT 1 FROM ${table}`)] as const;
      });
      assert.deepEqual(first, [999999]);
      assert.deepEqual(second, []);
      assert.equal(rows, 0);
    });

    void it('refuses a database whose applied migration was edited', async () => {
      const edited = migrations.map((migration, index) => (index === 0 ? { ...migration, sql: `${migration.sql}\n-- edited` } : migration));
      await assert.rejects(migrate(getStore(), edited), (error) => isStoreError(error, 'migration-mismatch') && /changed after/.test(error.message));
    });

    void it('refuses a database that has a migration the code does not know', async () => {
      const error = await inRolledBackTransaction(getStore(), async (tx) => {
        await tx.query("INSERT INTO schema_migrations (version, name, checksum) VALUES (999998, 'from the future', 'x')");
        return migrate(passThroughTransactions(tx)).then(
          () => undefined,
          (failure: unknown) => failure,
        );
      });
      assert.ok(isStoreError(error, 'migration-mismatch') && /does not know/.test(error.message), String(error));
    });

    void it('leaves nothing behind when a migration fails', async () => {
      const table = `probe_${freshId()}`;
      const version = 999997;
      const broken = [...migrations, { version, name: 'broken', sql: `CREATE TABLE ${table} (id integer); SELECT no_such_function()` }];
      await assert.rejects(migrate(getStore(), broken));
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM schema_migrations WHERE version = $1', [version]), 0);
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM information_schema.tables WHERE table_name = $1', [table]), 0);
    });
  });
}
