import type { AuditCheckpoint, AuditSigner, TrustedKey } from './auditCheckpoint.js';
import type { SqlClient } from './sqlClient.js';

interface CheckpointRow {
  tree_size: number;
  last_audit_id: number;
  head_hash: string;
  signed_at: Date;
  key_id: string;
  signature: string;
}

const columns = 'tree_size, last_audit_id, head_hash, signed_at, key_id, signature';

function toCheckpoint(logId: string, row: CheckpointRow): AuditCheckpoint {
  return Object.freeze({
    logId,
    treeSize: row.tree_size,
    lastAuditId: row.last_audit_id,
    headHash: row.head_hash,
    signedAt: row.signed_at.toISOString(),
    keyId: row.key_id,
    signature: row.signature,
  });
}

/** The trial's log name (migration 6), part of every signed checkpoint. */
export async function readLogId(client: SqlClient): Promise<string> {
  const { rows } = await client.query<{ log_id: string }>('SELECT log_id FROM audit_log_identity');
  return rows[0].log_id;
}

/** Records the public half of a signing key (once; the table is append-only). */
export async function registerSigningKey(client: SqlClient, key: TrustedKey | AuditSigner): Promise<void> {
  await client.query('INSERT INTO audit_signing_keys (key_id, public_key) VALUES ($1, $2) ON CONFLICT (key_id) DO NOTHING', [key.keyId, key.publicKey]);
}

/** The public keys the database says signed its checkpoints: informative only, a verifier pins its own. */
export async function listSigningKeys(client: SqlClient): Promise<readonly TrustedKey[]> {
  const { rows } = await client.query<{ key_id: string; public_key: string }>('SELECT key_id, public_key FROM audit_signing_keys ORDER BY registered_at, key_id');
  return rows.map((row) => Object.freeze({ keyId: row.key_id, publicKey: row.public_key }));
}

export async function latestCheckpoint(client: SqlClient): Promise<AuditCheckpoint | undefined> {
  const { rows } = await client.query<CheckpointRow>(`SELECT ${columns} FROM audit_checkpoints ORDER BY checkpoint_id DESC LIMIT 1`);
  return rows.length === 0 ? undefined : toCheckpoint(await readLogId(client), rows[0]);
}

/** Every checkpoint, oldest first. */
export async function listCheckpoints(client: SqlClient): Promise<readonly AuditCheckpoint[]> {
  const logId = await readLogId(client);
  const { rows } = await client.query<CheckpointRow>(`SELECT ${columns} FROM audit_checkpoints ORDER BY checkpoint_id`);
  return rows.map((row) => toCheckpoint(logId, row));
}

/** The first checkpoint whose head is at or after auditId (the shortest signed proof that covers it). */
export async function firstCheckpointCovering(client: SqlClient, auditId: number): Promise<AuditCheckpoint | undefined> {
  const { rows } = await client.query<CheckpointRow>(`SELECT ${columns} FROM audit_checkpoints WHERE last_audit_id >= $1 ORDER BY last_audit_id, checkpoint_id LIMIT 1`, [auditId]);
  return rows.length === 0 ? undefined : toCheckpoint(await readLogId(client), rows[0]);
}
