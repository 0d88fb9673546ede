import type { SqlClient } from './sqlClient.js';

export interface SnapshotListing {
  readonly snapshotId: number;
  readonly name: string;
  readonly lockId: number | null;
  readonly cutoffDate: string;
  readonly contentHash: string;
  readonly createdAt: Date;
  readonly createdBy: string;
}

export interface SnapshotContent extends SnapshotListing {
  readonly data: unknown;
}

interface Row {
  snapshot_id: number;
  name: string;
  lock_id: number | null;
  cutoff_date: string;
  content_hash: string;
  created_at: Date;
  created_by: string;
  data?: unknown;
}

function toListing(row: Row): SnapshotListing {
  return Object.freeze({
    snapshotId: row.snapshot_id,
    name: row.name,
    lockId: row.lock_id,
    cutoffDate: row.cutoff_date,
    contentHash: row.content_hash,
    createdAt: row.created_at,
    createdBy: row.created_by,
  });
}

const columns = 'snapshot_id, name, lock_id, cutoff_date, content_hash, created_at, created_by';

export async function listSnapshots(client: SqlClient): Promise<readonly SnapshotListing[]> {
  const { rows } = await client.query<Row>(`SELECT ${columns} FROM snapshots ORDER BY snapshot_id`);
  return rows.map(toListing);
}

export async function getSnapshot(client: SqlClient, snapshotId: number): Promise<SnapshotContent | undefined> {
  const { rows } = await client.query<Row>(`SELECT ${columns}, data FROM snapshots WHERE snapshot_id = $1`, [snapshotId]);
  const row = rows[0];
  return row === undefined ? undefined : Object.freeze({ ...toListing(row), data: row.data });
}
