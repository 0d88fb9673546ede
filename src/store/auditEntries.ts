import type { SqlClient } from './sqlClient.js';

export interface AuditEntry {
  /** Null while the entry waits in the queue to be sealed into the chain (normally a fraction of a second). */
  readonly auditId: number | null;
  readonly tableName: string;
  readonly recordId: string;
  readonly action: 'create' | 'update' | 'delete';
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly changedBy: string;
  readonly changedAt: Date;
  readonly reason: string | null;
  /** The chain hash; null while queued. */
  readonly hash: string | null;
}

interface Row {
  audit_id: number | null;
  table_name: string;
  record_id: string;
  action: AuditEntry['action'];
  old_value: unknown;
  new_value: unknown;
  changed_by: string;
  changed_at: Date;
  reason: string | null;
  hash: string | null;
}

/**
 * The audit trail of one row (e.g. table 'crf_records', record id '42'), oldest first: the entries sealed
 * into the chain, then those still queued (a row's entries are sealed in the order they were written).
 */
export async function listAuditEntries(client: SqlClient, tableName: string, recordId: string): Promise<readonly AuditEntry[]> {
  const { rows } = await client.query<Row>(
    `SELECT audit_id, table_name, record_id, action, old_value, new_value, changed_by, changed_at, reason, hash FROM (
       SELECT 0 AS src, audit_id AS ord, audit_id, table_name, record_id, action, old_value, new_value, changed_by, changed_at, reason, hash
       FROM audit_log WHERE table_name = $1 AND record_id = $2
       UNION ALL
       SELECT 1, queue_id, NULL, table_name, record_id, action, old_value, new_value, changed_by, changed_at, reason, NULL
       FROM audit_queue WHERE table_name = $1 AND record_id = $2) trail
     ORDER BY src, ord`,
    [tableName, recordId],
  );
  return rows.map((row) =>
    Object.freeze({
      auditId: row.audit_id,
      tableName: row.table_name,
      recordId: row.record_id,
      action: row.action,
      oldValue: row.old_value,
      newValue: row.new_value,
      changedBy: row.changed_by,
      changedAt: row.changed_at,
      reason: row.reason,
      hash: row.hash,
    }),
  );
}

/** Audit entries written so far: sealed into the chain plus queued (a refused request must not change it). */
export async function countAuditEntries(client: SqlClient): Promise<number> {
  const { rows } = await client.query<{ n: number }>('SELECT ((SELECT count(*) FROM audit_log) + (SELECT count(*) FROM audit_queue))::bigint AS n');
  return rows[0].n;
}
