import { createHash } from 'node:crypto';
import type { Migration } from './migrations.js';
import { migrations as trialMigrations } from './migrations.js';
import type { SqlClient } from './sqlClient.js';
import { StoreError } from './storeError.js';

export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql, 'utf8').digest('hex');
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Applies the migrations not yet recorded in schema_migrations, in version order, all in one transaction
 * (a failure leaves the database as it was). Refuses a database whose recorded history does not match
 * the code (an edited or unknown migration). Returns the versions applied now.
 */
export async function migrate(client: SqlClient, list: readonly Migration[] = trialMigrations): Promise<readonly number[]> {
  const ordered = [...list].sort((a, b) => a.version - b.version);
  ordered.forEach((migration, index) => {
    if (!Number.isInteger(migration.version) || migration.version < 1 || (index > 0 && ordered[index - 1].version === migration.version)) {
      throw new StoreError('invalid-config', `migration versions must be distinct positive integers (got ${migration.version})`);
    }
  });
  return client.transaction(async (tx) => {
    // two processes opening the same database at once apply the migrations once
    await tx.query('SELECT pg_advisory_xact_lock(7300, hashtext(current_schema()))');
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = (await tx.query<AppliedRow>('SELECT version, name, checksum FROM schema_migrations ORDER BY version')).rows;
    const known = new Map(ordered.map((migration) => [migration.version, migration]));
    for (const row of applied) {
      const migration = known.get(row.version);
      if (migration === undefined) {
        throw new StoreError('migration-mismatch', `database has migration ${row.version} '${row.name}' that this trialkit does not know (newer version?)`);
      }
      if (migrationChecksum(migration) !== row.checksum) {
        throw new StoreError('migration-mismatch', `migration ${row.version} '${row.name}' was changed after it was applied`);
      }
    }
    const done = new Set(applied.map((row) => row.version));
    const now: number[] = [];
    for (const migration of ordered) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migrationChecksum(migration),
      ]);
      now.push(migration.version);
    }
    return Object.freeze(now);
  });
}
