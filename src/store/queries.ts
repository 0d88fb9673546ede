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
}

const columns = 'q.query_id, q.subject_id, q.record_id, q.field_path, q.check_code, q.message, q.status, q.answer, q.version, q.created_by, q.updated_by';

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
  const { rows } = await tx.query<Row>(
    `INSERT INTO queries AS q (subject_id, record_id, field_path, check_code, message) VALUES ($1, $2, $3, $4, $5) RETURNING ${columns}`,
    [query.subjectId, query.recordId ?? null, query.fieldPath ?? null, query.checkCode ?? null, query.message],
  );
  return toQuery(rows[0]);
}

/** Moves a query (the trigger enforces open -> answered -> closed, answered -> open) at expectedVersion. */
export async function updateQuery(
  tx: SqlClient,
  queryId: number,
  expectedVersion: number,
  change: { readonly status: QueryStatus; readonly answer?: string },
): Promise<VersionedResult<QueryRow>> {
  const { rows } = await tx.query<Row>(
    `UPDATE queries AS q SET status = $3, answer = coalesce($4, answer) WHERE query_id = $1 AND version = $2 RETURNING ${columns}`,
    [queryId, expectedVersion, change.status, change.answer ?? null],
  );
  if (rows.length > 0) return { kind: 'written', row: toQuery(rows[0]) };
  const current = await getQuery(tx, queryId, null);
  return current === undefined ? { kind: 'not-found' } : { kind: 'conflict', expectedVersion, currentVersion: current.version };
}
