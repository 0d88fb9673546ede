import { createHash } from 'node:crypto';
import type { SqlClient } from './sqlClient.js';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditChainBreak = 'prev-hash-mismatch' | 'hash-mismatch';

export interface AuditChainReport {
  readonly ok: boolean;
  /** Audit rows checked. */
  readonly rows: number;
  readonly firstBrokenId?: number;
  readonly reason?: AuditChainBreak;
}

interface ChainRow {
  audit_id: number;
  prev_hash: string;
  hash: string;
  content: string;
}

const pageSize = 1000;

/**
 * Recomputes the audit chain: each row's prev_hash must be the previous row's hash (a deleted or
 * reordered row breaks it) and its hash sha256(prev_hash || content) (an edited row breaks it). The
 * content text comes from the database (jsonb's canonical text) but the hash is recomputed here, so a
 * replaced trigger function cannot vouch for itself. Truncating the newest rows is not detectable
 * without an external anchor: record the last hash elsewhere (e.g. in each snapshot) for that.
 */
export async function verifyAuditChain(client: SqlClient): Promise<AuditChainReport> {
  let previous = GENESIS_HASH;
  let rows = 0;
  let after = -1;
  for (;;) {
    // must match the content expression of trialkit_audit() in migrations.ts
    const page = await client.query<ChainRow>(
      `SELECT audit_id, prev_hash, hash,
         jsonb_build_array(audit_id, table_name, record_id, action, old_value, new_value, changed_by,
           to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), reason)::text AS content
       FROM audit_log WHERE audit_id > $1 ORDER BY audit_id LIMIT ${pageSize}`,
      [after],
    );
    for (const row of page.rows) {
      if (row.prev_hash !== previous) return Object.freeze({ ok: false, rows, firstBrokenId: row.audit_id, reason: 'prev-hash-mismatch' });
      const expected = createHash('sha256').update(row.prev_hash + row.content, 'utf8').digest('hex');
      if (expected !== row.hash) return Object.freeze({ ok: false, rows, firstBrokenId: row.audit_id, reason: 'hash-mismatch' });
      previous = row.hash;
      rows += 1;
      after = row.audit_id;
    }
    if (page.rows.length < pageSize) return Object.freeze({ ok: true, rows });
  }
}
