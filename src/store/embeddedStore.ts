import { PGlite } from '@electric-sql/pglite';
import type { Results, Transaction } from '@electric-sql/pglite';
import { migrate } from './migrate.js';
import type { Migration } from './migrations.js';
import { settingsQuery, type QueryResult, type SqlClient, type SqlParam, type Store, type TransactionOptions } from './sqlClient.js';
import { toStoreError } from './storeError.js';
import { transactionClient } from './transactionClient.js';
import { DATE_OID, INT8_OID, parseDate, parseInt8 } from './typeParsers.js';

export interface EmbeddedStoreOptions {
  /** Folder holding the database files; in memory (lost on close) when absent. */
  readonly dataDir?: string;
  /** For tests of the migration runner; the trial schema by default. */
  readonly migrations?: readonly Migration[];
}

function toResult<Row>(result: Results<Row>): QueryResult<Row> {
  return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStoreError(error);
  }
}

/**
 * PGlite (PostgreSQL in WebAssembly, in process, one connection): the zero-setup store. PGlite queues
 * other queries while a transaction runs, so a transaction never sees a foreign statement.
 */
export async function openEmbeddedStore(options: EmbeddedStoreOptions = {}): Promise<Store> {
  const db = await run(() =>
    PGlite.create({
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
      parsers: { [INT8_OID]: parseInt8, [DATE_OID]: parseDate },
    }),
  );
  const client: SqlClient = {
    query<Row extends object = Record<string, unknown>>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<Row>> {
      return run(async () => toResult(await db.query<Row>(sql, [...params])));
    },
    // in process there is no round trip to save: the COMMIT follows the body as usual
    queryLast<Row extends object = Record<string, unknown>>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<Row>> {
      return client.query<Row>(sql, params);
    },
    exec(sql: string): Promise<void> {
      return run(async () => {
        await db.exec(sql);
      });
    },
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>, options?: TransactionOptions): Promise<T> {
      // the body's own errors pass through unchanged; only BEGIN/COMMIT failures are wrapped here
      let bodyError: { error: unknown } | undefined;
      const settings = settingsQuery(options);
      try {
        return await db.transaction(async (tx: Transaction) => {
          if (settings !== undefined) await tx.query(settings.sql, settings.params);
          const { client: txClient, end } = transactionClient({
            query: async <Row extends object>(sql: string, params: readonly SqlParam[]) => toResult(await tx.query<Row>(sql, [...params])),
            exec: async (sql: string) => {
              await tx.exec(sql);
            },
          });
          try {
            return await fn(txClient);
          } catch (error) {
            bodyError = { error };
            throw error;
          } finally {
            end();
          }
        });
      } catch (error) {
        if (bodyError !== undefined && bodyError.error === error) throw error;
        throw toStoreError(error);
      }
    },
  };
  let migrationsApplied: readonly number[];
  try {
    migrationsApplied = await migrate(client, options.migrations);
  } catch (error) {
    await db.close();
    throw toStoreError(error);
  }
  return Object.freeze({
    ...client,
    engine: 'embedded' as const,
    schema: undefined,
    migrationsApplied,
    close: () => run(() => db.close()),
  });
}
