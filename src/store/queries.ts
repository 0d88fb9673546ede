import type { SqlClient } from './sqlClient.js';
import type { VersionedResult } from './versionedResult.js';

export type QueryStatus = 'open' | 'answered' | 'closed';

export interface QueryRow {
  readonly queryId: number;
  readonly subjectId: string;
  readonly recordId: number | null;
  readonly fieldPath: string | null;
  readonly checkCode: string | null;
  readonly message: string;
  readonly status: QueryStatus;
  readonly answer: string | null;
  readonly version: number;
  readonly createdBy: string;
  readonly updatedBy: string;
  /** When the query was raised (ISO instant). */
  readonly createdAt: string;
  /** The form and visit of the record it is raised on (null on the subject alone). */
  readonly formType: string | null;
  readonly visit: string | null;
  /** The record's date as locks read it: the earliest calendar date it holds (trialkit_data_date, migration 7). */
  readonly recordDate: string | null;
  /** The reason given with the latest change (a close or reopen reason), read from the audit trail; null when only raised. */
  readonly lastReason: string | null;
}

interface Row {
  query_id: number;
  subject_id: string;
  record_id: number | null;
  field_path: string | null;
  check_code: string | null;
  message: string;
  status: QueryStatus;
  answer: string | null;
  version: number;
  created_by: string;
  updated_by: string;
  created_at: Date | string;
  form_type: string | null;
  visit: string | null;
  record_date: string | null;
  last_reason: string | null;
}

// the record's form, visit and date as sub-selects, so INSERT ... RETURNING answers the same shape as a SELECT
const columns =
  'q.query_id, q.subject_id, q.record_id, q.field_path, q.check_code, q.message, q.status, q.answer, q.version, q.created_by, q.updated_by, q.created_at, ' +
  '(SELECT r.form_type FROM crf_records r WHERE r.record_id = q.record_id) AS form_type, ' +
  '(SELECT r.visit FROM crf_records r WHERE r.record_id = q.record_id) AS visit, ' +
  '(SELECT trialkit_data_date(r.data)::text FROM crf_records r WHERE r.record_id = q.record_id) AS record_date, ' +
  // the audit trail is the one place reasons are kept: sealed entries, then those still queued
  "(SELECT a.reason FROM (SELECT l.reason, l.changed_at, l.audit_id FROM audit_log l WHERE l.table_name = 'queries' AND l.record_id = q.query_id::text AND l.action = 'update' " +
  "UNION ALL SELECT u.reason, u.changed_at, u.queue_id FROM audit_queue u WHERE u.table_name = 'queries' AND u.record_id = q.query_id::text AND u.action = 'update') a " +
  'ORDER BY a.changed_at DESC LIMIT 1) AS last_reason';

function toQuery(row: Row): QueryRow {
  return Object.freeze({
    queryId: row.query_id,
    subjectId: row.subject_id,
    recordId: row.record_id,
    fieldPath: row.field_path,
    checkCode: row.check_code,
    message: row.message,
    status: row.status,
    answer: row.answer,
    version: row.version,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    createdAt: new Date(row.created_at).toISOString(),
    formType: row.form_type,
    visit: row.visit,
    recordDate: row.record_date,
    lastReason: row.last_reason,
  });
}

export interface QueryFilter {
  /** null = every site. */
  readonly siteId: string | null;
  readonly subjectId?: string;
  readonly recordId?: number;
  readonly status?: QueryStatus;
}

export async function listQueries(client: SqlClient, filter: QueryFilter): Promise<readonly QueryRow[]> {
  const { rows } = await client.query<Row>(
    `SELECT ${columns} FROM queries q JOIN subjects s ON s.subject_id = q.subject_id
     WHERE ($1::text IS NULL OR s.site_id = $1) AND ($2::text IS NULL OR q.subject_id = $2)
       AND ($3::bigint IS NULL OR q.record_id = $3) AND ($4::text IS NULL OR q.status = $4)
     ORDER BY q.query_id`,
    [filter.siteId, filter.subjectId ?? null, filter.recordId ?? null, filter.status ?? null],
  );
  return rows.map(toQuery);
}

export async function getQuery(client: SqlClient, queryId: number, siteId: string | null): Promise<QueryRow | undefined> {
  const { rows } = await client.query<Row>(
    `SELECT ${columns} FROM queries q JOIN subjects s ON s.subject_id = q.subject_id WHERE q.query_id = $1 AND ($2::text IS NULL OR s.site_id = $2)`,
    [queryId, siteId],
  );
  return rows.length === 0 ? undefined : toQuery(rows[0]);
}

export interface NewQuery {
  readonly subjectId: string;
  readonly recordId?: number;
  readonly fieldPath?: string;
  readonly checkCode?: string;
  readonly message: string;
}

export async function insertQuery(tx: SqlClient, query: NewQuery): Promise<QueryRow> {
  const { rows } = await tx.query<{ query_id: number }>(
    `INSERT INTO queries (subject_id, record_id, field_path, check_code, message) VALUES ($1, $2, $3, $4, $5) RETURNING query_id`,
    [query.subjectId, query.recordId ?? null, query.fieldPath ?? null, query.checkCode ?? null, query.message],
  );
  return readBack(tx, rows[0].query_id);
}

/** The row as written, read after the statement: its audit entry (and so its reason) exists only once the statement's AFTER triggers ran. */
async function readBack(tx: SqlClient, queryId: number): Promise<QueryRow> {
  const row = await getQuery(tx, queryId, null);
  if (row === undefined) throw new Error(`query ${queryId} was written but cannot be read back`);
  return row;
}

/** Moves a query (the trigger enforces open -> answered -> closed, answered -> open) at expectedVersion. */
export async function updateQuery(
  tx: SqlClient,
  queryId: number,
  expectedVersion: number,
  change: { readonly status: QueryStatus; readonly answer?: string },
): Promise<VersionedResult<QueryRow>> {
  const { rows } = await tx.query<{ query_id: number }>(
    `UPDATE queries SET status = $3, answer = coalesce($4, answer) WHERE query_id = $1 AND version = $2 RETURNING query_id`,
    [queryId, expectedVersion, change.status, change.answer ?? null],
  );
  if (rows.length > 0) return { kind: 'written', row: await readBack(tx, rows[0].query_id) };
  const current = await getQuery(tx, queryId, null);
  return current === undefined ? { kind: 'not-found' } : { kind: 'conflict', expectedVersion, currentVersion: current.version };
}
