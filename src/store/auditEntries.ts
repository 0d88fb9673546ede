import type { SqlClient } from './sqlClient.js';

export interface AuditEntry {
  readonly auditId: number;
  readonly tableName: string;
  readonly recordId: string;
  readonly action: 'create' | 'update' | 'delete';
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly changedBy: string;
  readonly changedAt: Date;
  readonly reason: string | null;
  readonly hash: string;
}

/** The audit trail of one row (e.g. table 'crf_records', record id '42'), oldest first. */
export async function listAuditEntries(client: SqlClient, tableName: string, recordId: string): Promise<readonly AuditEntry[]> {
  const { rows } = await client.query<{
    audit_id: number;
    table_name: string;
    record_id: string;
    action: AuditEntry['action'];
    old_value: unknown;
    new_value: unknown;
    changed_by: string;
    changed_at: Date;
    reason: string | null;
    hash: string;
  }>(
    `SELECT audit_id, table_name, record_id, action, old_value, new_value, changed_by, changed_at, reason, hash
     FROM audit_log WHERE table_name = $1 AND record_id = $2 ORDER BY audit_id`,
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
