import type { CrfRecord } from './crfRecords.js';
import type { SqlClient } from './sqlClient.js';

interface Row {
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

// With a form type the lookup is a range of the (subject_id, form_type, visit) index: one text per case, as a
// prepared statement's generic plan of "($2 IS NULL OR form_type = $2)" would filter every record of the
// subject. The batch forms (QueryOptions.batch) do the same for several grouped saves in one statement.
// OFFSET 0 keeps each lookup a subquery run per subject on the index: without it PostgreSQL flattens the
// LATERAL subquery into a join and, guessing 100 rows for unnest, hashes the whole table (a sequential scan
// of every CRF record for each group of saves: 48 ms at 200,000 records, against 0.14 ms on the index).
const allSql = `SELECT ${columns} FROM crf_records WHERE subject_id = $1 AND NOT deleted ORDER BY record_id`;
const allBatch = `SELECT b.batch_index::int AS batch_index, r.*
  FROM unnest($1::text[]) WITH ORDINALITY AS b(subject_id, batch_index)
  CROSS JOIN LATERAL (SELECT ${columns} FROM crf_records WHERE subject_id = b.subject_id AND NOT deleted OFFSET 0) r
  ORDER BY b.batch_index, r.record_id`;
const ofFormSql = `SELECT ${columns} FROM crf_records WHERE subject_id = $1 AND form_type = $2 AND NOT deleted ORDER BY record_id`;
const ofFormBatch = `SELECT b.batch_index::int AS batch_index, r.*
  FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS b(subject_id, form_type, batch_index)
  CROSS JOIN LATERAL (SELECT ${columns} FROM crf_records WHERE subject_id = b.subject_id AND form_type = b.form_type AND NOT deleted OFFSET 0) r
  ORDER BY b.batch_index, r.record_id`;

/** The batch forms, for the contract test that holds them to the index. */
export const SUBJECT_RECORDS_BATCH_SQL = Object.freeze({ all: allBatch, ofForm: ofFormBatch });

/** Live CRF records of one subject (optionally of one form type), oldest first. */
export async function listSubjectRecords(client: SqlClient, subjectId: string, formType?: string): Promise<readonly CrfRecord[]> {
  const { rows } =
    formType === undefined
      ? await client.query<Row>(allSql, [subjectId], { batch: allBatch })
      : await client.query<Row>(ofFormSql, [subjectId, formType], { batch: ofFormBatch });
  return rows.map((row) =>
    Object.freeze({
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
    }),
  );
}
