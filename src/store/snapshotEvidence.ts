import type { AuditCheckpoint, TrustedKey } from './auditCheckpoint.js';
import { firstCheckpointCovering, listSigningKeys, readLogId } from './auditCheckpoints.js';
import type { SqlClient } from './sqlClient.js';
import { readChainRows } from './verifyAuditChain.js';

export const EVIDENCE_FORMAT = 'trialkit-snapshot-evidence v1';

export interface EvidenceEntry {
  readonly auditId: number;
  readonly prevHash: string;
  readonly hash: string;
  /** The exact text the hash covers: a JSON array [audit_id, table, record id, action, old, new, who, when, why]. */
  readonly content: string;
}

/**
 * Everything an inspector needs to check a snapshot offline, with nothing but a trusted public key: the
 * snapshot's data as the exact text its content hash covers, the audit chain from its first row to the
 * first signed checkpoint at or after the snapshot's own audit entry, that checkpoint, and the key the
 * database lists for it (informative: the inspector pins the key from elsewhere).
 */
export interface SnapshotEvidence {
  readonly format: typeof EVIDENCE_FORMAT;
  readonly logId: string;
  readonly snapshot: {
    readonly snapshotId: number;
    readonly name: string;
    readonly cutoffDate: string;
    readonly lockId: number | null;
    readonly createdAt: string;
    readonly createdBy: string;
    readonly contentHash: string;
    /** data::text of the snapshot row: sha256 of this text is contentHash. */
    readonly data: string;
  };
  readonly entries: readonly EvidenceEntry[];
  readonly checkpoint: AuditCheckpoint;
  readonly signingKey: TrustedKey | null;
}

export type EvidenceResult =
  | { readonly kind: 'ok'; readonly evidence: SnapshotEvidence }
  | { readonly kind: 'not-found' }
  /** The snapshot's audit entry is not yet sealed, or no checkpoint covers it yet. */
  | { readonly kind: 'not-covered'; readonly reason: string };

interface SnapshotRow {
  snapshot_id: number;
  name: string;
  cutoff_date: string;
  lock_id: number | null;
  created_at: Date;
  created_by: string;
  content_hash: string;
  text: string;
}

export async function createSnapshotEvidence(client: SqlClient, snapshotId: number): Promise<EvidenceResult> {
  const { rows } = await client.query<SnapshotRow>(
    'SELECT snapshot_id, name, cutoff_date, lock_id, created_at, created_by, content_hash, data::text AS text FROM snapshots WHERE snapshot_id = $1',
    [snapshotId],
  );
  const snapshot = rows[0];
  if (snapshot === undefined) return { kind: 'not-found' };
  const entry = await client.query<{ audit_id: number }>("SELECT audit_id FROM audit_log WHERE table_name = 'snapshots' AND record_id = $1 AND action = 'create'", [String(snapshotId)]);
  if (entry.rows.length === 0) return { kind: 'not-covered', reason: "the snapshot's audit entry is not yet sealed into the chain" };
  const checkpoint = await firstCheckpointCovering(client, entry.rows[0].audit_id);
  if (checkpoint === undefined) return { kind: 'not-covered', reason: "no signed checkpoint covers the snapshot's audit entry yet" };
  const entries: EvidenceEntry[] = [];
  for await (const row of readChainRows(client)) {
    if (row.audit_id > checkpoint.lastAuditId) break;
    entries.push({ auditId: row.audit_id, prevHash: row.prev_hash, hash: row.hash, content: row.content });
  }
  const signingKey = (await listSigningKeys(client)).find((key) => key.keyId === checkpoint.keyId) ?? null;
  return {
    kind: 'ok',
    evidence: {
      format: EVIDENCE_FORMAT,
      logId: await readLogId(client),
      snapshot: {
        snapshotId: snapshot.snapshot_id,
        name: snapshot.name,
        cutoffDate: snapshot.cutoff_date,
        lockId: snapshot.lock_id,
        createdAt: snapshot.created_at.toISOString(),
        createdBy: snapshot.created_by,
        contentHash: snapshot.content_hash,
        data: snapshot.text,
      },
      entries,
      checkpoint,
      signingKey,
    },
  };
}
