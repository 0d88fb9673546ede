import type { SqlClient } from './sqlClient.js';

/** An electronic signature of a form record or of a subject's casebook (migration 10). */
export interface Signature {
  readonly signatureId: number;
  readonly subjectId: string;
  readonly scope: 'form' | 'casebook';
  readonly recordId: number | null;
  readonly recordVersion: number | null;
  /** What the signature means, as stated to the signer at signing. */
  readonly meaning: string;
  /** The signer's printed name and role, written by the database from the users table at signing. */
  readonly signerName: string;
  readonly signerRole: string;
  readonly signedBy: string;
  readonly signedAt: string;
  /** SHA-256 of what was signed (the record's data, or the casebook), computed by the database. */
  readonly contentHash: string;
  /** True once the signed data changed: the signature no longer stands. */
  readonly invalidated: boolean;
  readonly invalidatedBy: string | null;
  readonly invalidatedAt: string | null;
}

interface Row {
  signature_id: number;
  subject_id: string;
  scope: 'form' | 'casebook';
  record_id: number | null;
  record_version: number | null;
  meaning: string;
  signer_name: string;
  signer_role: string;
  content_hash: string;
  invalidated: boolean;
  created_by: string;
  created_at: Date | string;
  updated_by: string;
  updated_at: Date | string;
}

const columns = 'signature_id, subject_id, scope, record_id, record_version, meaning, signer_name, signer_role, content_hash, invalidated, created_by, created_at, updated_by, updated_at';

function toSignature(row: Row): Signature {
  return Object.freeze({
    signatureId: row.signature_id,
    subjectId: row.subject_id,
    scope: row.scope,
    recordId: row.record_id,
    recordVersion: row.record_version,
    meaning: row.meaning,
    signerName: row.signer_name,
    signerRole: row.signer_role,
    signedBy: row.created_by,
    signedAt: new Date(row.created_at).toISOString(),
    contentHash: row.content_hash,
    invalidated: row.invalidated,
    invalidatedBy: row.invalidated ? row.updated_by : null,
    invalidatedAt: row.invalidated ? new Date(row.updated_at).toISOString() : null,
  });
}

export type NewSignature =
  | { readonly scope: 'form'; readonly subjectId: string; readonly recordId: number; readonly recordVersion: number; readonly meaning: string }
  | { readonly scope: 'casebook'; readonly subjectId: string; readonly meaning: string };

/**
 * Signs as the transaction's user (trialkit.user): the database refuses anyone but an active investigator of
 * the subject's site and a stale record version, and writes the printed name, role, time and content hash.
 * The caller re-authenticates the signer first.
 */
export async function insertSignature(tx: SqlClient, signature: NewSignature): Promise<Signature> {
  const { rows } = await tx.query<Row>(
    `INSERT INTO signatures (subject_id, scope, record_id, record_version, meaning, signer_name, signer_role, content_hash)
     VALUES ($1, $2, $3, $4, $5, '', '', '') RETURNING ${columns}`,
    [signature.subjectId, signature.scope, signature.scope === 'form' ? signature.recordId : null, signature.scope === 'form' ? signature.recordVersion : null, signature.meaning],
  );
  return toSignature(rows[0]);
}

/** The latest signature of each record of a subject and of its casebook (valid or invalidated). */
export async function listSignatures(client: SqlClient, subjectId: string): Promise<{ readonly forms: ReadonlyMap<number, Signature>; readonly casebook: Signature | null }> {
  const { rows } = await client.query<Row>(
    `SELECT DISTINCT ON (coalesce(record_id, 0)) ${columns} FROM signatures WHERE subject_id = $1 ORDER BY coalesce(record_id, 0), signature_id DESC`,
    [subjectId],
  );
  const forms = new Map<number, Signature>();
  let casebook: Signature | null = null;
  for (const row of rows) {
    const signature = toSignature(row);
    if (signature.recordId === null) casebook = signature;
    else forms.set(signature.recordId, signature);
  }
  return { forms, casebook };
}
