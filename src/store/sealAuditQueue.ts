import { createHash } from 'node:crypto';
import type { SqlClient } from './sqlClient.js';
import { StoreError } from './storeError.js';

export const GENESIS_HASH = '0'.repeat(64);

/** Taken by whoever extends the chain; writers never take it (migration 6). */
export const CHAIN_LOCK_SQL = 'SELECT pg_advisory_xact_lock(7301, hashtext(current_schema())) AS locked';

/**
 * The content that is hashed for an audit row: must stay identical to migration 2's trialkit_audit and to
 * verifyAuditChain. `source` is a row of audit_log or audit_queue, `id` the audit_id expression.
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

export async function readChainHead(client: SqlClient): Promise<ChainHead> {
  const { rows } = await client.query<{ audit_id: number; hash: string }>('SELECT audit_id, hash FROM audit_log ORDER BY audit_id DESC LIMIT 1');
  return rows.length === 0 ? { lastAuditId: 0, headHash: GENESIS_HASH } : { lastAuditId: rows[0].audit_id, headHash: rows[0].hash };
}

interface QueuedContent {
  queue_id: number;
  audit_id: number;
  content: string;
}


/**
 * Moves every queued audit entry this transaction can see (committed ones, and its own) into the chain, in
 * queue order, at most maxEntries per round: audit_id continues from the head, prev_hash is the previous
 * row's hash and hash = sha256(prev_hash || content), recomputed here from the database's jsonb text (the
 * same content verifyAuditChain reads back). The chain lock serialises sealers; writers never wait for it.
 * Run inside a transaction (the rows move or stay together); returns the new head.
 */
export async function sealAuditQueue(tx: SqlClient, maxEntries = 5000): Promise<SealResult> {
  await tx.query(CHAIN_LOCK_SQL);
  let head: ChainHead | undefined;
  let sealed = 0;
  for (;;) {
    // the head and the next queued entries in one statement, read after the lock is held (a statement taken
    // before it could see a head another sealer has since extended)
    const { rows } = await tx.query<QueuedContent & { head_id: number; head_hash: string }>(
      `WITH head AS (
         SELECT coalesce((SELECT audit_id FROM audit_log ORDER BY audit_id DESC LIMIT 1), 0) AS head_id,
                coalesce((SELECT hash FROM audit_log ORDER BY audit_id DESC LIMIT 1), '${GENESIS_HASH}') AS head_hash)
       SELECT head.head_id, head.head_hash, q.queue_id, head.head_id + row_number() OVER (ORDER BY q.queue_id) AS audit_id,
         ${auditContentSql('q', 'head.head_id + row_number() OVER (ORDER BY q.queue_id)')} AS content
       FROM head LEFT JOIN LATERAL (SELECT * FROM audit_queue ORDER BY queue_id LIMIT $1) q ON true
       ORDER BY q.queue_id`,
      [maxEntries],
    );
    head = { lastAuditId: rows[0].head_id, headHash: rows[0].head_hash };
    const queued = rows.filter((row) => row.queue_id !== null);
    if (queued.length === 0) return { ...head, sealed };
    let prev = head.headHash;
    const chained = queued.map((row) => {
      const hash = chainHash(prev, row.content);
      const link = { queue_id: row.queue_id, audit_id: row.audit_id, prev_hash: prev, hash };
      prev = hash;
      return link;
    });
    const links = JSON.stringify(chained);
    const inserted = await tx.query(
      `INSERT INTO audit_log (audit_id, table_name, record_id, action, old_value, new_value, changed_by, changed_at, reason, prev_hash, hash, queue_id)
       SELECT s.audit_id, q.table_name, q.record_id, q.action, q.old_value, q.new_value, q.changed_by, q.changed_at, q.reason, s.prev_hash, s.hash, q.queue_id
       FROM jsonb_to_recordset($1::jsonb) AS s(queue_id bigint, audit_id bigint, prev_hash text, hash text)
       JOIN audit_queue q ON q.queue_id = s.queue_id
       ORDER BY s.audit_id`,
      [links],
    );
    const deleted = await tx.query('DELETE FROM audit_queue q USING jsonb_to_recordset($1::jsonb) AS s(queue_id bigint) WHERE q.queue_id = s.queue_id', [links]);
    if (inserted.rowCount !== chained.length || deleted.rowCount !== chained.length) {
      throw new StoreError('database', `sealing moved ${inserted.rowCount} and removed ${deleted.rowCount} of ${chained.length} queued audit entries`);
    }
    sealed += chained.length;
    if (queued.length < maxEntries) {
      const last = chained[chained.length - 1];
      return { lastAuditId: last.audit_id, headHash: last.hash, sealed };
    }
  }
}

/** Seals everything queued, in a transaction of its own (tests, tools; the server's sealer does this itself). */
export function sealQueuedAuditEntries(store: SqlClient): Promise<SealResult> {
  return store.transaction((tx) => sealAuditQueue(tx));
}
