import type { SqlClient } from './sqlClient.js';

/** An active lock that covers a subject, with the reason and the name of who locked it (from the audit trail and users). */
export interface CoveringLock {
  readonly lockId: number;
  readonly scope: 'trial' | 'subject';
  readonly cutoffDate: string;
  readonly reason: string | null;
  readonly lockedBy: string;
  readonly lockedByName: string | null;
  readonly lockedAt: string;
}

/** A live record of a subject as review sees it: its date as locks date it, and whether an active lock covers it. */
export interface ReviewedRecord {
  readonly recordId: number;
  readonly formType: string;
  readonly visit: string | null;
  readonly version: number;
  /** The earliest calendar date the record holds (trialkit_data_date): the date locks read; null for an undated record. */
  readonly recordDate: string | null;
  /** The record's data, for the caller to read the date its form names (the store knows no forms). */
  readonly data: unknown;
  /** The active lock with the latest cutoff that covers the record (the database would refuse a change), or null. */
  readonly lockedBy: number | null;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

interface LockRow {
  lock_id: number;
  scope: 'trial' | 'subject';
  cutoff_date: string;
  reason: string | null;
  created_by: string;
  display_name: string | null;
  created_at: Date | string;
}

interface RecordRow {
  record_id: number;
  form_type: string;
  visit: string | null;
  version: number;
  record_date: string | null;
  data: unknown;
  locked_by: number | null;
  updated_by: string;
  updated_at: Date | string;
}

/** The active locks covering a subject (trial-wide or its own), latest cutoff first. */
export async function listCoveringLocks(client: SqlClient, subjectId: string): Promise<readonly CoveringLock[]> {
  const { rows } = await client.query<LockRow>(
    `SELECT l.lock_id, l.scope, l.cutoff_date, l.created_by, l.created_at, u.display_name,
       (SELECT a.reason FROM (SELECT reason FROM audit_log WHERE table_name = 'locks' AND record_id = l.lock_id::text AND action = 'create'
                              UNION ALL SELECT reason FROM audit_queue WHERE table_name = 'locks' AND record_id = l.lock_id::text AND action = 'create') a LIMIT 1) AS reason
     FROM locks l LEFT JOIN users u ON u.user_id = l.created_by
     WHERE NOT l.released AND (l.scope = 'trial' OR l.subject_id = $1)
     ORDER BY l.cutoff_date DESC, l.lock_id`,
    [subjectId],
  );
  return rows.map((row) =>
    Object.freeze({
      lockId: row.lock_id,
      scope: row.scope,
      cutoffDate: row.cutoff_date,
      reason: row.reason,
      lockedBy: row.created_by,
      lockedByName: row.display_name,
      lockedAt: new Date(row.created_at).toISOString(),
    }),
  );
}

/** The live records of a subject with their date and covering lock, by the same date rule as the lock trigger (migration 7). */
export async function listReviewedRecords(client: SqlClient, subjectId: string): Promise<readonly ReviewedRecord[]> {
  const { rows } = await client.query<RecordRow>(
    `SELECT r.record_id, r.form_type, r.visit, r.version, r.updated_by, r.updated_at, r.data, d.record_date::text AS record_date,
       (SELECT l.lock_id FROM locks l WHERE NOT l.released AND (l.scope = 'trial' OR l.subject_id = r.subject_id)
          AND (d.record_date IS NULL OR d.record_date <= l.cutoff_date) ORDER BY l.cutoff_date DESC, l.lock_id LIMIT 1) AS locked_by
     FROM crf_records r CROSS JOIN LATERAL (SELECT trialkit_data_date(r.data) AS record_date) d
     WHERE r.subject_id = $1 AND NOT r.deleted ORDER BY r.record_id`,
    [subjectId],
  );
  return rows.map((row) =>
    Object.freeze({
      recordId: row.record_id,
      formType: row.form_type,
      visit: row.visit,
      version: row.version,
      recordDate: row.record_date,
      data: row.data,
      lockedBy: row.locked_by,
      updatedBy: row.updated_by,
      updatedAt: new Date(row.updated_at).toISOString(),
    }),
  );
}

/** Display names of users by id (for history and signatures in plain words); unknown ids are left out. */
export async function listUserNames(client: SqlClient, userIds: readonly string[]): Promise<Readonly<Record<string, string>>> {
  if (userIds.length === 0) return {};
  const { rows } = await client.query<{ user_id: string; display_name: string }>('SELECT user_id, display_name FROM users WHERE user_id = ANY($1::text[])', [[...new Set(userIds)]]);
  return Object.fromEntries(rows.map((row) => [row.user_id, row.display_name]));
}
