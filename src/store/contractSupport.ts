import { randomBytes } from 'node:crypto';
import { sealAuditQueue } from './sealAuditQueue.js';
import { settingsQuery, type SqlClient, type SqlParam, type Store, type TransactionOptions } from './sqlClient.js';
import { withAuditContext } from './withAuditContext.js';

/**
 * Shared by the *.contract.ts suites. The contract runs against one store per test file (PGlite starts
 * in seconds), so every test creates its own site and subjects under fresh ids and never depends on
 * another test's rows; database-wide states (a trial lock, a tampered audit row) live only inside a
 * transaction the test rolls back.
 */
export type StoreProvider = () => Store;

export interface SeededSubject {
  readonly siteId: string;
  readonly subjectId: string;
}

export function freshId(): string {
  return randomBytes(5).toString('hex');
}

/** A new site with one subject, written by 'seed'. */
export async function seedSubject(client: SqlClient): Promise<SeededSubject> {
  const siteId = `S${freshId()}`;
  const subjectId = `${siteId}-001`;
  await withAuditContext(client, { user: 'seed' }, async (tx) => {
    await tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [siteId, `Site ${siteId}`]);
    await tx.query('INSERT INTO subjects (subject_id, site_id, screening_number) VALUES ($1, $2, $3)', [subjectId, siteId, 'SCR-1']);
  });
  return { siteId, subjectId };
}

export interface AuditRow {
  audit_id: number;
  table_name: string;
  record_id: string;
  action: 'create' | 'update' | 'delete';
  old_value: Record<string, unknown> | null;
  new_value: Record<string, unknown> | null;
  changed_by: string;
  changed_at: Date;
  reason: string | null;
}

/** Seals every committed audit entry into the chain (what the server's sealer does a moment after each commit). */
export async function sealAll(store: Store): Promise<void> {
  await store.transaction((tx) => sealAuditQueue(tx));
}

/** The chained audit rows of one row, after sealing what is queued. */
export async function auditRowsFor(store: Store, table: string, recordId: string): Promise<AuditRow[]> {
  await sealAll(store);
  const client: SqlClient = store;
  const result = await client.query<AuditRow>(
    `SELECT audit_id, table_name, record_id, action, old_value, new_value, changed_by, changed_at, reason
     FROM audit_log WHERE table_name = $1 AND record_id = $2 ORDER BY audit_id`,
    [table, recordId],
  );
  return result.rows;
}

/** Audit entries written so far, sealed or queued. */
export async function countAudit(client: SqlClient): Promise<number> {
  return countRows(client, 'SELECT 1 FROM audit_log UNION ALL SELECT 1 FROM audit_queue');
}

export async function countRows(client: SqlClient, sql: string, params: readonly SqlParam[] = []): Promise<number> {
  const result = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) AS counted`, params);
  return result.rows[0].n;
}

/** Thrown by a test to roll back its transaction on purpose. */
export class RollbackSignal extends Error {
  constructor() {
    super('rollback on purpose');
    this.name = 'RollbackSignal';
  }
}

/** Runs fn in a transaction that is always rolled back, returning what fn returned. */
export async function inRolledBackTransaction<T>(client: SqlClient, fn: (tx: SqlClient) => Promise<T>): Promise<T> {
  let value: { result: T } | undefined;
  try {
    await client.transaction(async (tx) => {
      value = { result: await fn(tx) };
      throw new RollbackSignal();
    });
  } catch (error) {
    if (!(error instanceof RollbackSignal)) throw error;
  }
  if (value === undefined) throw new Error('transaction body did not complete');
  return value.result;
}

/**
 * A client whose transaction() runs the body inside tx itself, so code that opens its own transaction
 * (migrate) can be exercised within a transaction the test rolls back.
 */
export function passThroughTransactions(tx: SqlClient): SqlClient {
  return {
    query: <Row extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]) => tx.query<Row>(sql, params),
    // never commits early: the test's own transaction ends (and rolls back) everything
    queryLast: <Row extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]) => tx.query<Row>(sql, params),
    exec: (sql: string) => tx.exec(sql),
    transaction: async <T>(fn: (inner: SqlClient) => Promise<T>, options?: TransactionOptions) => {
      const settings = settingsQuery(options);
      if (settings !== undefined) await tx.query(settings.sql, settings.params);
      return fn(tx);
    },
  };
}
