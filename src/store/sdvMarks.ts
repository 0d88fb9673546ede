import type { SqlClient } from './sqlClient.js';

/** A monitor's source data verification of one version of a CRF record (migration 9). */
export interface SdvMark {
  readonly sdvId: number;
  readonly subjectId: string;
  readonly recordId: number;
  readonly recordVersion: number;
  /** True once the record's data changed after the mark: the flag no longer stands. */
  readonly cleared: boolean;
  readonly verifiedBy: string;
  readonly verifiedAt: string;
  /** Who changed the record and cleared the mark (null while current). */
  readonly clearedBy: string | null;
  readonly clearedAt: string | null;
}

interface Row {
  sdv_id: number;
  subject_id: string;
  record_id: number;
  record_version: number;
  cleared: boolean;
  created_by: string;
  created_at: Date | string;
  updated_by: string;
  updated_at: Date | string;
}

const columns = 'sdv_id, subject_id, record_id, record_version, cleared, created_by, created_at, updated_by, updated_at';

function toMark(row: Row): SdvMark {
  return Object.freeze({
    sdvId: row.sdv_id,
    subjectId: row.subject_id,
    recordId: row.record_id,
    recordVersion: row.record_version,
    cleared: row.cleared,
    verifiedBy: row.created_by,
    verifiedAt: new Date(row.created_at).toISOString(),
    clearedBy: row.cleared ? row.updated_by : null,
    clearedAt: row.cleared ? new Date(row.updated_at).toISOString() : null,
  });
}

/** Marks a record verified at the version the monitor read; the database refuses any version but the current one. */
export async function insertSdvMark(tx: SqlClient, mark: { readonly subjectId: string; readonly recordId: number; readonly recordVersion: number }): Promise<SdvMark> {
  const { rows } = await tx.query<Row>(`INSERT INTO sdv_marks (subject_id, record_id, record_version) VALUES ($1, $2, $3) RETURNING ${columns}`, [
    mark.subjectId,
    mark.recordId,
    mark.recordVersion,
  ]);
  return toMark(rows[0]);
}

/** The latest mark of each record of a subject (current or cleared), by record id. */
export async function listSdvMarks(client: SqlClient, subjectId: string): Promise<ReadonlyMap<number, SdvMark>> {
  const { rows } = await client.query<Row>(`SELECT DISTINCT ON (record_id) ${columns} FROM sdv_marks WHERE subject_id = $1 ORDER BY record_id, sdv_id DESC`, [subjectId]);
  return new Map(rows.map((row) => [row.record_id, toMark(row)]));
}
