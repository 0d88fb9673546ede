import { createHash } from 'node:crypto';
import type { SqlClient } from './sqlClient.js';
import { StoreError } from './storeError.js';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The content that is hashed for an audit row: must stay identical to migration 2's trialkit_audit, to
 * migration 11's trialkit_seal_queue (which writes it out, frozen) and to verifyAuditChain. `source` is a
 * row of audit_log or audit_queue, `id` the audit_id expression.
 */
export function auditContentSql(source: string, id: string): string {
  return `jsonb_build_array(${id}, ${source}.table_name, ${source}.record_id, ${source}.action, ${source}.old_value, ${source}.new_value, ${source}.changed_by,
    to_char(${source}.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), ${source}.reason)::text`;
}

export interface ChainHead {
  /** 0 for an empty log. */
  readonly lastAuditId: number;
  readonly headHash: string;
}

export interface SealResult extends ChainHead {
  /** Queue entries chained by this call. */
  readonly sealed: number;
}

export function chainHash(prevHash: string, content: string): string {
  return createHash('sha256').update(prevHash + content, 'utf8').digest('hex');
}

/**
 * Moves every queued audit entry this transaction can see (committed ones, and its own) into the chain, in
 * queue order, at most maxEntries per round: audit_id continues from the head, prev_hash is the previous
 * row's hash and hash = sha256(prev_hash || content), content as auditContentSql gives it (the same content
 * verifyAuditChain reads back and hashes with chainHash). The round runs in the database
 * (trialkit_seal_queue, migration 11), so the entries' images do not travel to the server and back. The
 * chain lock serialises sealers; writers never wait for it. Run inside a transaction (the rows move or stay
 * together); returns the new head.
 */
export async function sealAuditQueue(tx: SqlClient, maxEntries = 5000): Promise<SealResult> {
  if (!(Number.isInteger(maxEntries) && maxEntries >= 1)) throw new StoreError('invalid-config', `maxEntries must be a positive integer, got ${maxEntries}`);
  let sealed = 0;
  for (;;) {
    const { rows } = await tx.query<{ sealed: number; last_audit_id: number; head_hash: string }>('SELECT sealed, last_audit_id, head_hash FROM trialkit_seal_queue($1)', [maxEntries]);
    const round = rows[0];
    sealed += round.sealed;
    if (round.sealed < maxEntries) return { lastAuditId: round.last_audit_id, headHash: round.head_hash, sealed };
  }
}

/** Seals everything queued, in a transaction of its own (tests, tools; the server's sealer does this itself). */
export function sealQueuedAuditEntries(store: SqlClient): Promise<SealResult> {
  return store.transaction((tx) => sealAuditQueue(tx));
}
