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
}

interface Row {
  lock_id: number;
  scope: 'trial' | 'subject';
  subject_id: string | null;
  cutoff_date: string;
  released: boolean;
  version: number;
  created_by: string;
}

const columns = 'lock_id, scope, subject_id, cutoff_date, released, version, created_by';

function toLock(row: Row): LockRow {
  return Object.freeze({
    lockId: row.lock_id,
    scope: row.scope,
    subjectId: row.subject_id,
    cutoffDate: row.cutoff_date,
    released: row.released,
    version: row.version,
    createdBy: row.created_by,
  });
}

export async function listLocks(client: SqlClient): Promise<readonly LockRow[]> {
  const { rows } = await client.query<Row>(`SELECT ${columns} FROM locks ORDER BY lock_id`);
  return rows.map(toLock);
}

export async function getLock(client: SqlClient, lockId: number): Promise<LockRow | undefined> {
  const { rows } = await client.query<Row>(`SELECT ${columns} FROM locks WHERE lock_id = $1`, [lockId]);
  return rows.length === 0 ? undefined : toLock(rows[0]);
}

export async function insertLock(tx: SqlClient, lock: { readonly scope: 'trial' | 'subject'; readonly subjectId?: string; readonly cutoffDate: string }): Promise<LockRow> {
  const { rows } = await tx.query<Row>(`INSERT INTO locks (scope, subject_id, cutoff_date) VALUES ($1, $2, $3::date) RETURNING ${columns}`, [
    lock.scope,
    lock.subjectId ?? null,
    lock.cutoffDate,
  ]);
  return toLock(rows[0]);
}

/** Releases an active lock at expectedVersion; a released lock answers not-found. */
export async function releaseLock(tx: SqlClient, lockId: number, expectedVersion: number): Promise<VersionedResult<LockRow>> {
  const { rows } = await tx.query<Row>(`UPDATE locks SET released = true WHERE lock_id = $1 AND version = $2 AND NOT released RETURNING ${columns}`, [
    lockId,
    expectedVersion,
  ]);
  if (rows.length > 0) return { kind: 'written', row: toLock(rows[0]) };
  const current = await getLock(tx, lockId);
  if (current === undefined || current.released) return { kind: 'not-found' };
  return { kind: 'conflict', expectedVersion, currentVersion: current.version };
}
