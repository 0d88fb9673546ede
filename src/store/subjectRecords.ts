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

/** Live CRF records of one subject (optionally of one form type), oldest first. */
export async function listSubjectRecords(client: SqlClient, subjectId: string, formType?: string): Promise<readonly CrfRecord[]> {
  const { rows } = await client.query<Row>(
    `SELECT record_id, subject_id, form_type, visit, data, version, deleted, created_at, created_by, updated_at, updated_by
     FROM crf_records WHERE subject_id = $1 AND NOT deleted AND ($2::text IS NULL OR form_type = $2) ORDER BY record_id`,
    [subjectId, formType ?? null],
  );
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
