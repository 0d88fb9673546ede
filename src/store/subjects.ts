import type { SqlClient } from './sqlClient.js';
import type { VersionedResult } from './versionedResult.js';

/** The states of a subject (migration 8); the moves a site may record are SUBJECT_STATUS_MOVES (src/clinical/subject). */
export type SubjectStatus = 'screening' | 'screen_failure' | 'enrolled' | 'on_treatment' | 'follow_up' | 'off_study';

export interface SubjectRow {
  readonly subjectId: string;
  readonly siteId: string;
  readonly screeningNumber: string;
  readonly status: SubjectStatus;
  readonly version: number;
  readonly createdAt: Date;
}

interface Row {
  subject_id: string;
  site_id: string;
  screening_number: string;
  status: SubjectStatus;
  version: number;
  created_at: Date;
}

const columns = 'subject_id, site_id, screening_number, status, version, created_at';

function toSubject(row: Row): SubjectRow {
  return Object.freeze({
    subjectId: row.subject_id,
    siteId: row.site_id,
    screeningNumber: row.screening_number,
    status: row.status,
    version: row.version,
    createdAt: row.created_at,
  });
}

/**
 * Site scoping lives in the SQL of every read: `siteId` null means every site (trial-wide roles); a
 * subject of another site is simply not found, so it answers as if it did not exist.
 */
export async function listSubjects(client: SqlClient, siteId: string | null): Promise<readonly SubjectRow[]> {
  const { rows } = await client.query<Row>(`SELECT ${columns} FROM subjects WHERE ($1::text IS NULL OR site_id = $1) ORDER BY subject_id`, [siteId]);
  return rows.map(toSubject);
}

export async function getSubject(client: SqlClient, subjectId: string, siteId: string | null): Promise<SubjectRow | undefined> {
  const { rows } = await client.query<Row>(`SELECT ${columns} FROM subjects WHERE subject_id = $1 AND ($2::text IS NULL OR site_id = $2)`, [subjectId, siteId]);
  return rows.length === 0 ? undefined : toSubject(rows[0]);
}

// getSubjectForShare for several grouped saves in one statement (QueryOptions.batch): each lookup on the
// primary key, as the store's contract test holds it (subjectRecords.ts: a batch form's plan is checked).
export const subjectsForShareBatch = `SELECT b.batch_index::int AS batch_index, s.*
  FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS b(subject_id, site_id, batch_index)
  CROSS JOIN LATERAL (SELECT ${columns} FROM subjects WHERE subject_id = b.subject_id AND (b.site_id IS NULL OR site_id = b.site_id) FOR SHARE) s`;

/**
 * The subject row, read under a share lock held to the end of the transaction: a concurrent status move
 * waits for it (and one committed before is seen), so a write that depends on the subject's state (a
 * screening form only while in screening) cannot interleave with a move of that state. With a siteId, only
 * a subject of that site is found (a site role's scope, as getSubject).
 */
export async function getSubjectForShare(tx: SqlClient, subjectId: string, siteId: string | null = null): Promise<SubjectRow | undefined> {
  const { rows } = await tx.query<Row>(`SELECT ${columns} FROM subjects WHERE subject_id = $1 AND ($2::text IS NULL OR site_id = $2) FOR SHARE`, [subjectId, siteId], {
    batch: subjectsForShareBatch,
  });
  return rows.length === 0 ? undefined : toSubject(rows[0]);
}

/**
 * Registers a subject at screening under the next pseudonymous number of its site, '<site>-<sequence>'
 * (three digits at least). The advisory lock serialises numbering per site for the transaction.
 */
export async function insertSubject(tx: SqlClient, subject: { readonly siteId: string; readonly screeningNumber?: string }): Promise<SubjectRow> {
  await tx.query('SELECT pg_advisory_xact_lock(7303, hashtext($1))', [subject.siteId]);
  const { rows: next } = await tx.query<{ n: number }>(
    "SELECT coalesce(max(split_part(subject_id, '-', 2)::int), 0) + 1 AS n FROM subjects WHERE site_id = $1",
    [subject.siteId],
  );
  const sequence = next[0].n;
  const subjectId = `${subject.siteId}-${String(sequence).padStart(3, '0')}`;
  const { rows } = await tx.query<Row>(`INSERT INTO subjects (subject_id, site_id, screening_number) VALUES ($1, $2, $3) RETURNING ${columns}`, [
    subjectId,
    subject.siteId,
    subject.screeningNumber ?? `SCR-${String(sequence).padStart(3, '0')}`,
  ]);
  return toSubject(rows[0]);
}

export async function updateSubjectStatus(tx: SqlClient, subjectId: string, expectedVersion: number, status: SubjectStatus): Promise<VersionedResult<SubjectRow>> {
  const { rows } = await tx.query<Row>(`UPDATE subjects SET status = $3 WHERE subject_id = $1 AND version = $2 RETURNING ${columns}`, [
    subjectId,
    expectedVersion,
    status,
  ]);
  if (rows.length > 0) return { kind: 'written', row: toSubject(rows[0]) };
  const current = await getSubject(tx, subjectId, null);
  return current === undefined ? { kind: 'not-found' } : { kind: 'conflict', expectedVersion, currentVersion: current.version };
}
