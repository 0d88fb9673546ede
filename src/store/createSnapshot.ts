import { sealAuditQueue } from './sealAuditQueue.js';
import type { SqlClient } from './sqlClient.js';

export interface SnapshotRequest {
  readonly name: string;
  /** 'YYYY-MM-DD': the data cutoff the copy stands for. */
  readonly cutoffDate: string;
  readonly lockId?: number;
}

export interface SnapshotSummary {
  readonly snapshotId: number;
  readonly name: string;
  readonly contentHash: string;
  /**
   * The head of the audit chain at copy time, after every entry written before the copy was sealed into it:
   * the snapshot's own audit entry follows it in the chain.
   */
  readonly auditHeadHash: string | null;
}

interface SnapshotRow {
  snapshot_id: number;
  name: string;
  content_hash: string;
  audit_head_hash: string | null;
}

/**
 * Copies sites, subjects, live CRF records and queries into an immutable snapshot row, all read in the
 * same transaction as the insert. Run it inside withAuditContext, normally right after creating the lock.
 *
 * It first takes the lock that every audited write holds shared (waiting for writes in flight, holding new
 * ones until it commits) and seals the queued audit entries into the chain, so the copy holds exactly the
 * writes whose audit entries precede its own entry in the chain: an inspector replays the trail up to that
 * entry and gets the snapshot back (verifySnapshotEvidence).
 */
export async function createSnapshot(tx: SqlClient, request: SnapshotRequest): Promise<SnapshotSummary> {
  await tx.query('SELECT pg_advisory_xact_lock(7302, hashtext(current_schema())) AS locked');
  await sealAuditQueue(tx);
  const result = await tx.query<SnapshotRow>(
    `INSERT INTO snapshots (name, lock_id, cutoff_date, data, content_hash)
     SELECT $1, $2, $3::date, jsonb_build_object(
       'cutoffDate', $3::text,
       'auditHeadHash', (SELECT hash FROM audit_log ORDER BY audit_id DESC LIMIT 1),
       'sites', coalesce((SELECT jsonb_agg(to_jsonb(s) ORDER BY s.site_id) FROM sites s), '[]'::jsonb),
       'subjects', coalesce((SELECT jsonb_agg(to_jsonb(s) ORDER BY s.subject_id) FROM subjects s), '[]'::jsonb),
       'records', coalesce((SELECT jsonb_agg(to_jsonb(r) ORDER BY r.record_id) FROM crf_records r WHERE NOT r.deleted), '[]'::jsonb),
       'queries', coalesce((SELECT jsonb_agg(to_jsonb(q) ORDER BY q.query_id) FROM queries q), '[]'::jsonb)), ''
     RETURNING snapshot_id, name, content_hash, data ->> 'auditHeadHash' AS audit_head_hash`,
    [request.name, request.lockId ?? null, request.cutoffDate],
  );
  const row = result.rows[0];
  return Object.freeze({ snapshotId: row.snapshot_id, name: row.name, contentHash: row.content_hash, auditHeadHash: row.audit_head_hash });
}
