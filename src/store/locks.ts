import type { SqlClient } from './sqlClient.js';
import type { VersionedResult } from './versionedResult.js';

export interface LockRow {
  readonly lockId: number;
  readonly scope: 'trial' | 'subject';
  readonly subjectId: string | null;
  readonly cutoffDate: string;
  readonly released: boolean;
  readonly version: number;
  readonly createdBy: string;
  readonly createdAt: string;
  /** The reason given when it was locked, and when it was released (from the audit trail). */
  readonly reason: string | null;
  readonly releaseReason: string | null;
}

interface Row {
  lock_id: number;
  scope: 'trial' | 'subject';
  subject_id: string | null;
  cutoff_date: string;
  released: boolean;
  version: number;
  created_by: string;
  created_at: Date | string;
  reason: string | null;
  release_reason: string | null;
}

/** The reason of a lock's entry of one action, sealed or still queued. */
const reasonOf = (action: 'create' | 'update'): string =>
  `(SELECT a.reason FROM (SELECT reason, audit_id AS n FROM audit_log WHERE table_name = 'locks' AND record_id = l.lock_id::text AND action = '${action}' ` +
  `UNION ALL SELECT reason, queue_id FROM audit_queue WHERE table_name = 'locks' AND record_id = l.lock_id::text AND action = '${action}') a ORDER BY a.n DESC LIMIT 1)`;

const columns = `l.lock_id, l.scope, l.subject_id, l.cutoff_date, l.released, l.version, l.created_by, l.created_at, ${reasonOf('create')} AS reason, CASE WHEN l.released THEN ${reasonOf('update')} END AS release_reason`;

function toLock(row: Row): LockRow {
  return Object.freeze({
    lockId: row.lock_id,
    scope: row.scope,
    subjectId: row.subject_id,
    cutoffDate: row.cutoff_date,
    released: row.released,
    version: row.version,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    reason: row.reason,
    releaseReason: row.release_reason,
  });
}

export async function listLocks(client: SqlClient): Promise<readonly LockRow[]> {
  const { rows } = await client.query<Row>(`SELECT ${columns} FROM locks l ORDER BY l.lock_id`);
  return rows.map(toLock);
}

export async function getLock(client: SqlClient, lockId: number): Promise<LockRow | undefined> {
  const { rows } = await client.query<Row>(`SELECT ${columns} FROM locks l WHERE l.lock_id = $1`, [lockId]);
  return rows.length === 0 ? undefined : toLock(rows[0]);
}

export async function insertLock(tx: SqlClient, lock: { readonly scope: 'trial' | 'subject'; readonly subjectId?: string; readonly cutoffDate: string }): Promise<LockRow> {
  const { rows } = await tx.query<{ lock_id: number }>('INSERT INTO locks (scope, subject_id, cutoff_date) VALUES ($1, $2, $3::date) RETURNING lock_id', [
    lock.scope,
    lock.subjectId ?? null,
    lock.cutoffDate,
  ]);
  return readBack(tx, rows[0].lock_id);
}

/** The row as written, read after the statement: its audit entry (and so its reason) exists once the statement's AFTER triggers ran. */
async function readBack(tx: SqlClient, lockId: number): Promise<LockRow> {
  const row = await getLock(tx, lockId);
  if (row === undefined) throw new Error(`lock ${lockId} was written but cannot be read back`);
  return row;
}

/** Releases an active lock at expectedVersion; a released lock answers not-found. */
export async function releaseLock(tx: SqlClient, lockId: number, expectedVersion: number): Promise<VersionedResult<LockRow>> {
  const { rows } = await tx.query<{ lock_id: number }>('UPDATE locks SET released = true WHERE lock_id = $1 AND version = $2 AND NOT released RETURNING lock_id', [
    lockId,
    expectedVersion,
  ]);
  if (rows.length > 0) return { kind: 'written', row: await readBack(tx, rows[0].lock_id) };
  const current = await getLock(tx, lockId);
  if (current === undefined || current.released) return { kind: 'not-found' };
  return { kind: 'conflict', expectedVersion, currentVersion: current.version };
}
