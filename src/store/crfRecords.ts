import type { SqlClient } from './sqlClient.js';

/** A row of crf_records. `data` is whatever the form's zod schema accepted; the caller parses it again. */
export interface CrfRecord {
  readonly recordId: number;
  readonly subjectId: string;
  readonly formType: string;
  readonly visit: string | null;
  readonly data: unknown;
  readonly version: number;
  readonly deleted: boolean;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

interface CrfRecordRow {
  record_id: number;
  subject_id: string;
  form_type: string;
  visit: string | null;
  data: unknown;
  version: number;
  deleted: boolean;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  updated_by: string;
}

const columns = 'record_id, subject_id, form_type, visit, data, version, deleted, created_at, created_by, updated_at, updated_by';

function toRecord(row: CrfRecordRow): CrfRecord {
  return Object.freeze({
    recordId: row.record_id,
    subjectId: row.subject_id,
    formType: row.form_type,
    visit: row.visit,
    data: row.data,
    version: row.version,
    deleted: row.deleted,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  });
}

/**
 * The outcome of a write guarded by optimistic concurrency: a stale version is an expected answer
 * (HTTP 409 with the current version), not an exception.
 */
export type VersionedWrite =
  | { readonly kind: 'written'; readonly record: CrfRecord }
  | { readonly kind: 'conflict'; readonly expectedVersion: number; readonly currentVersion: number }
  | { readonly kind: 'not-found' };

export interface NewCrfRecord {
  readonly subjectId: string;
  readonly formType: string;
  readonly visit?: string;
  /** Already validated by the form's zod schema. */
  readonly data: Readonly<Record<string, unknown>>;
}

// insertCrfRecord for several grouped saves of one user and reason in one statement (QueryOptions.batch): the
// guard runs per row, the audit and signature triggers once for the statement (migration 11), one entry per
// row. Each row's record_id is drawn from the column's own sequence before the INSERT, so the rows are told
// apart by it, not by the order RETURNING happens to give them in.
const insertBatch = `WITH input AS (
    SELECT nextval(pg_get_serial_sequence('crf_records', 'record_id')) AS record_id, b.*
    FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS b(subject_id, form_type, visit, data, batch_index)),
  written AS (
    INSERT INTO crf_records (record_id, subject_id, form_type, visit, data)
    SELECT record_id, subject_id, form_type, visit, data FROM input ORDER BY batch_index
    RETURNING ${columns})
  SELECT input.batch_index::int AS batch_index, written.* FROM written JOIN input USING (record_id)`;

/**
 * Inserts a form instance (version 1; who and when are stamped by the trigger from the audit context).
 * options.last: the transaction's last statement (SqlClient.queryLast: may commit with it).
 */
export async function insertCrfRecord(tx: SqlClient, record: NewCrfRecord, options: { readonly last?: boolean } = {}): Promise<CrfRecord> {
  const sql = `INSERT INTO crf_records (subject_id, form_type, visit, data) VALUES ($1, $2, $3, $4::jsonb) RETURNING ${columns}`;
  const params = [record.subjectId, record.formType, record.visit ?? null, JSON.stringify(record.data)];
  const batch = { batch: insertBatch };
  const result = options.last === true ? await tx.queryLast<CrfRecordRow>(sql, params, batch) : await tx.query<CrfRecordRow>(sql, params, batch);
  return toRecord(result.rows[0]);
}

export async function getCrfRecord(client: SqlClient, recordId: number): Promise<CrfRecord | undefined> {
  const result = await client.query<CrfRecordRow>(`SELECT ${columns} FROM crf_records WHERE record_id = $1`, [recordId]);
  return result.rows.length === 0 ? undefined : toRecord(result.rows[0]);
}

async function explainMiss(tx: SqlClient, recordId: number, expectedVersion: number): Promise<VersionedWrite> {
  const current = await tx.query<{ version: number; deleted: boolean }>('SELECT version, deleted FROM crf_records WHERE record_id = $1', [recordId]);
  if (current.rows.length === 0 || current.rows[0].deleted) return { kind: 'not-found' };
  return { kind: 'conflict', expectedVersion, currentVersion: current.rows[0].version };
}

/** Replaces a record's data if it is still at expectedVersion (the trigger bumps the version). */
export async function updateCrfRecord(
  tx: SqlClient,
  recordId: number,
  expectedVersion: number,
  data: Readonly<Record<string, unknown>>,
): Promise<VersionedWrite> {
  const result = await tx.query<CrfRecordRow>(
    `UPDATE crf_records SET data = $3::jsonb WHERE record_id = $1 AND version = $2 AND NOT deleted RETURNING ${columns}`,
    [recordId, expectedVersion, JSON.stringify(data)],
  );
  if (result.rows.length === 0) return explainMiss(tx, recordId, expectedVersion);
  return { kind: 'written', record: toRecord(result.rows[0]) };
}

/** Soft delete: the row stays (audited as 'delete'), flagged, so the history keeps its subject. */
export async function deleteCrfRecord(tx: SqlClient, recordId: number, expectedVersion: number): Promise<VersionedWrite> {
  const result = await tx.query<CrfRecordRow>(
    `UPDATE crf_records SET deleted = true WHERE record_id = $1 AND version = $2 AND NOT deleted RETURNING ${columns}`,
    [recordId, expectedVersion],
  );
  if (result.rows.length === 0) return explainMiss(tx, recordId, expectedVersion);
  return { kind: 'written', record: toRecord(result.rows[0]) };
}
