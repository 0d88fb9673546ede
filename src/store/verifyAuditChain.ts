import { createHash } from 'node:crypto';
import { GENESIS_HASH, auditContentSql } from './sealAuditQueue.js';
import type { SqlClient } from './sqlClient.js';

export { GENESIS_HASH };

export type AuditChainBreak = 'prev-hash-mismatch' | 'hash-mismatch';

export interface AuditChainReport {
  readonly ok: boolean;
  /** Audit rows checked. */
  readonly rows: number;
  readonly firstBrokenId?: number;
  readonly reason?: AuditChainBreak;
}

export interface ChainRow {
  readonly audit_id: number;
  readonly prev_hash: string;
  readonly hash: string;
  readonly content: string;
}

const pageSize = 1000;

/** Every chained row in audit_id order, with the content text the hash covers, a page at a time. */
export async function* readChainRows(client: SqlClient): AsyncGenerator<ChainRow> {
  let after = -1;
  for (;;) {
    const page = await client.query<ChainRow>(
      `SELECT audit_id, prev_hash, hash, ${auditContentSql('audit_log', 'audit_id')} AS content
       FROM audit_log WHERE audit_id > $1 ORDER BY audit_id LIMIT ${pageSize}`,
      [after],
    );
    for (const row of page.rows) yield row;
    if (page.rows.length < pageSize) return;
    after = page.rows[page.rows.length - 1].audit_id;
  }
}

/** Why a row breaks the chain after `previous`, if it does. */
export function chainBreak(row: ChainRow, previous: string): AuditChainBreak | undefined {
  if (row.prev_hash !== previous) return 'prev-hash-mismatch';
  const expected = createHash('sha256').update(row.prev_hash + row.content, 'utf8').digest('hex');
  return expected === row.hash ? undefined : 'hash-mismatch';
}

/**
 * Recomputes the audit chain: each row's prev_hash must be the previous row's hash (a deleted or
 * reordered row breaks it) and its hash sha256(prev_hash || content) (an edited row breaks it). The
 * content text comes from the database (jsonb's canonical text) but the hash is recomputed here, so a
 * replaced trigger function cannot vouch for itself. The chain alone cannot reveal a deleted tail or a
 * history rewritten with fresh hashes: verifyAuditTrail adds the signed checkpoints for that.
 */
export async function verifyAuditChain(client: SqlClient): Promise<AuditChainReport> {
  let previous = GENESIS_HASH;
  let rows = 0;
  for await (const row of readChainRows(client)) {
    const reason = chainBreak(row, previous);
    if (reason !== undefined) return Object.freeze({ ok: false, rows, firstBrokenId: row.audit_id, reason });
    previous = row.hash;
    rows += 1;
  }
  return Object.freeze({ ok: true, rows });
}
