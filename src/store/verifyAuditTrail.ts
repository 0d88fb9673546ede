import { createHash } from 'node:crypto';
import { verifyCheckpointSignature, type AuditCheckpoint, type TrustedKey } from './auditCheckpoint.js';
import { listCheckpoints, listSigningKeys, readLogId } from './auditCheckpoints.js';
import type { SqlClient } from './sqlClient.js';
import { GENESIS_HASH, chainBreak, readChainRows, type AuditChainReport } from './verifyAuditChain.js';

export type AuditProblemCode =
  /** A chained row was edited, removed or reordered (the hash chain does not hold). */
  | 'chain-broken'
  /** A checkpoint's signature is not valid for the key it names. */
  | 'checkpoint-signature'
  /** A checkpoint is signed by a key the verifier was not told to trust. */
  | 'checkpoint-untrusted-key'
  /** A checkpoint is of another log. */
  | 'checkpoint-log'
  /** The chain does not end in the signed hash at the checkpoint's row, or holds another number of rows up to it. */
  | 'checkpoint-mismatch'
  /** A checkpoint covers rows the chain no longer has: the tail was deleted. */
  | 'tail-missing'
  /** Checkpoints that go backwards (a smaller tree after a larger one). */
  | 'checkpoint-order'
  /** An entry's old value is not the previous entry's new value: an entry is missing or a change was not audited. */
  | 'trail-gap'
  /** A row's current value is not the value its last audit entry says it has. */
  | 'row-differs'
  /** The audit trail says a row exists that the table does not hold. */
  | 'row-missing'
  /** A row that no audit entry ever wrote. */
  | 'row-unaudited'
  /** A snapshot's content hash is not the sha256 of its data. */
  | 'snapshot-hash';

export interface AuditProblem {
  readonly code: AuditProblemCode;
  readonly message: string;
  readonly table?: string;
  readonly recordId?: string;
  readonly auditId?: number;
}

export interface VerifyAuditTrailOptions {
  /**
   * The public keys to trust, from outside the database (the server's key file, a key the sponsor
   * published). Without them the keys recorded in the database are used, which proves nothing against
   * whoever can write the database.
   */
  readonly trustedKeys?: readonly TrustedKey[];
  /** Checkpoints kept outside the database (the server's witness file, snapshot evidence, a sponsor's copy). */
  readonly externalCheckpoints?: readonly AuditCheckpoint[];
  /** At most this many problems are listed (default 50); the rest are counted. */
  readonly maxProblems?: number;
}

export interface AuditTrailReport {
  readonly ok: boolean;
  readonly logId: string;
  readonly chain: AuditChainReport & { readonly lastAuditId: number; readonly headHash: string };
  /** Entries written and committed but not yet sealed into the chain. */
  readonly queued: { readonly entries: number; readonly oldestChangedAt: string | null };
  readonly checkpoints: {
    readonly total: number;
    /** 'pinned': checked against keys given by the verifier; 'database': against keys the database lists. */
    readonly trust: 'pinned' | 'database';
    readonly keyIds: readonly string[];
    readonly latest: AuditCheckpoint | null;
    /** Chained rows after the latest checkpoint: not covered by any signature yet. */
    readonly rowsAfterLatest: number;
  };
  readonly externalCheckpoints: number;
  readonly replay: { readonly tables: number; readonly rows: number; readonly entries: number };
  readonly problems: readonly AuditProblem[];
  /** Problems found beyond maxProblems. */
  readonly moreProblems: number;
  /** What the report cannot vouch for, in words (no checkpoint, untrusted keys, unsealed entries). */
  readonly warnings: readonly string[];
}

/** Every audited table: primary key column, and the column left out of its audit values (migration 2). */
export const AUDITED_TABLES: readonly { readonly table: string; readonly key: string; readonly excluded?: string }[] = Object.freeze([
  { table: 'sites', key: 'site_id' },
  { table: 'users', key: 'user_id' },
  { table: 'subjects', key: 'subject_id' },
  { table: 'crf_records', key: 'record_id' },
  { table: 'queries', key: 'query_id' },
  { table: 'locks', key: 'lock_id' },
  { table: 'snapshots', key: 'snapshot_id', excluded: 'data' },
  { table: 'trial', key: 'protocol_id' },
  { table: 'sdv_marks', key: 'sdv_id' },
  { table: 'signatures', key: 'signature_id' },
]);

/**
 * Whether two row images are the same row: jsonb equality, except that the time stamps compare as
 * instants (to_jsonb writes them in the session's time zone, which may differ between writer and verifier).
 */
function sameRowSql(a: string, b: string): string {
  return `coalesce((${a} IS NULL AND ${b} IS NULL) OR (
    (${a} - 'created_at' - 'updated_at') = (${b} - 'created_at' - 'updated_at')
    AND (${a} ->> 'created_at')::timestamptz IS NOT DISTINCT FROM (${b} ->> 'created_at')::timestamptz
    AND (${a} ->> 'updated_at')::timestamptz IS NOT DISTINCT FROM (${b} ->> 'updated_at')::timestamptz), false)`;
}

function replaySql(table: string, key: string, excluded: string | undefined): string {
  return `WITH trail AS (
      SELECT 0 AS src, audit_id AS ord, record_id, old_value, new_value FROM audit_log WHERE table_name = '${table}'
      UNION ALL
      SELECT 1, queue_id, record_id, old_value, new_value FROM audit_queue WHERE table_name = '${table}'
    ), seq AS (
      SELECT record_id, src, ord, old_value, new_value, lag(new_value) OVER w AS previous_value,
        row_number() OVER w AS n, count(*) OVER (PARTITION BY record_id) AS total
      FROM trail WINDOW w AS (PARTITION BY record_id ORDER BY src, ord)
    ), present AS (
      SELECT t.${key}::text AS record_id, to_jsonb(t)${excluded === undefined ? '' : ` - '${excluded}'`} AS value FROM ${table} t
    ), latest AS (
      SELECT * FROM seq WHERE n = total
    )
    SELECT kind, record_id, src, ord FROM (
      SELECT 'trail-gap' AS kind, record_id, src, ord FROM seq WHERE NOT ${sameRowSql('old_value', 'previous_value')}
      UNION ALL
      SELECT CASE WHEN p.record_id IS NULL THEN 'row-missing' ELSE 'row-differs' END, l.record_id, l.src, l.ord
      FROM latest l LEFT JOIN present p ON p.record_id = l.record_id
      WHERE NOT ${sameRowSql('p.value', 'l.new_value')}
      UNION ALL
      SELECT 'row-unaudited', p.record_id, NULL, NULL FROM present p WHERE NOT EXISTS (SELECT 1 FROM latest l WHERE l.record_id = p.record_id)
    ) found ORDER BY record_id, ord LIMIT $1`;
}

interface ReplayFinding {
  kind: 'trail-gap' | 'row-differs' | 'row-missing' | 'row-unaudited';
  record_id: string;
  src: number | null;
  ord: number | null;
}

const replayMessages: Record<ReplayFinding['kind'], string> = {
  'trail-gap': "its old value is not the previous entry's new value (a change without an audit entry, or a removed entry)",
  'row-differs': 'the current row is not the value its last audit entry records (changed without an audit entry)',
  'row-missing': 'the audit trail says the row exists; the table does not hold it (deleted without an audit entry)',
  'row-unaudited': 'no audit entry ever wrote this row (inserted without an audit entry)',
};

class Problems {
  readonly list: AuditProblem[] = [];
  more = 0;
  constructor(private readonly max: number) {}
  add(problem: AuditProblem): void {
    if (this.list.length < this.max) this.list.push(Object.freeze(problem));
    else this.more += 1;
  }
  get count(): number {
    return this.list.length + this.more;
  }
}

async function replayTables(client: SqlClient, problems: Problems): Promise<AuditTrailReport['replay']> {
  let rows = 0;
  let entries = 0;
  for (const { table, key, excluded } of AUDITED_TABLES) {
    const counts = await client.query<{ rows: number; entries: number }>(
      `SELECT (SELECT count(*) FROM ${table})::bigint AS rows,
         ((SELECT count(*) FROM audit_log WHERE table_name = $1) + (SELECT count(*) FROM audit_queue WHERE table_name = $1))::bigint AS entries`,
      [table],
    );
    rows += counts.rows[0].rows;
    entries += counts.rows[0].entries;
    const found = await client.query<ReplayFinding>(replaySql(table, key, excluded), [201]);
    for (const finding of found.rows) {
      const where = finding.ord === null ? '' : finding.src === 0 ? ` (audit_id ${finding.ord})` : ` (queued entry ${finding.ord})`;
      problems.add({
        code: finding.kind,
        table,
        recordId: finding.record_id,
        ...(finding.src === 0 && finding.ord !== null ? { auditId: finding.ord } : {}),
        message: `${table} ${finding.record_id}${where}: ${replayMessages[finding.kind]}`,
      });
    }
  }
  // the snapshot body is left out of its audit values; its content hash is in them, so the body is bound by it
  const snapshots = await client.query<{ snapshot_id: number }>('SELECT snapshot_id FROM snapshots ORDER BY snapshot_id');
  for (const { snapshot_id: id } of snapshots.rows) {
    const { rows: found } = await client.query<{ content_hash: string; text: string }>('SELECT content_hash, data::text AS text FROM snapshots WHERE snapshot_id = $1', [id]);
    if (createHash('sha256').update(found[0].text, 'utf8').digest('hex') !== found[0].content_hash) {
      problems.add({ code: 'snapshot-hash', table: 'snapshots', recordId: String(id), message: `snapshot ${id}: its data does not hash to its content_hash (the data was changed)` });
    }
  }
  return { tables: AUDITED_TABLES.length, rows, entries };
}

interface ChainPoint {
  readonly hash: string;
  readonly ordinal: number;
}

function checkAgainstChain(
  checkpoint: AuditCheckpoint,
  label: string,
  points: ReadonlyMap<number, ChainPoint>,
  chainEnd: { lastAuditId: number; rows: number },
  problems: Problems,
): void {
  if (checkpoint.lastAuditId === 0 && checkpoint.treeSize === 0) {
    if (checkpoint.headHash !== GENESIS_HASH) problems.add({ code: 'checkpoint-mismatch', message: `${label}: an empty log must have the genesis head` });
    return;
  }
  const point = points.get(checkpoint.lastAuditId);
  if (point === undefined) {
    if (checkpoint.lastAuditId > chainEnd.lastAuditId) {
      problems.add({
        code: 'tail-missing',
        auditId: checkpoint.lastAuditId,
        message: `${label} (signed ${checkpoint.signedAt}) covers ${checkpoint.treeSize} rows up to audit_id ${checkpoint.lastAuditId}; the chain ends at audit_id ${chainEnd.lastAuditId} with ${chainEnd.rows} rows: its tail was deleted`,
      });
    } else {
      problems.add({ code: 'checkpoint-mismatch', auditId: checkpoint.lastAuditId, message: `${label}: the chain has no row ${checkpoint.lastAuditId}, which the checkpoint signed (the row was removed)` });
    }
    return;
  }
  if (point.hash !== checkpoint.headHash) {
    problems.add({ code: 'checkpoint-mismatch', auditId: checkpoint.lastAuditId, message: `${label}: row ${checkpoint.lastAuditId} has hash ${point.hash.slice(0, 16)}…, the checkpoint signed ${checkpoint.headHash.slice(0, 16)}… (history up to it was rewritten)` });
  } else if (point.ordinal !== checkpoint.treeSize) {
    problems.add({ code: 'checkpoint-mismatch', auditId: checkpoint.lastAuditId, message: `${label}: ${point.ordinal} rows up to audit_id ${checkpoint.lastAuditId}, the checkpoint signed ${checkpoint.treeSize}` });
  }
}

function checkSignature(checkpoint: AuditCheckpoint, label: string, logId: string, keys: ReadonlyMap<string, TrustedKey>, problems: Problems): boolean {
  if (checkpoint.logId !== logId) {
    problems.add({ code: 'checkpoint-log', message: `${label} is of log ${checkpoint.logId}, this database is log ${logId}` });
    return false;
  }
  const key = keys.get(checkpoint.keyId);
  if (key === undefined) {
    problems.add({ code: 'checkpoint-untrusted-key', message: `${label} is signed by key ${checkpoint.keyId}, which is not among the trusted keys` });
    return false;
  }
  if (!verifyCheckpointSignature(checkpoint, key)) {
    problems.add({ code: 'checkpoint-signature', auditId: checkpoint.lastAuditId, message: `${label}: the signature is not valid (the checkpoint was altered or forged)` });
    return false;
  }
  return true;
}

/**
 * Everything trialkit can check about a trial database's audit trail, read in one consistent view (run it
 * inside a REPEATABLE READ transaction on a live server):
 * 1. the hash chain (verifyAuditChain);
 * 2. every signed checkpoint: the signature, with keys pinned from outside the database, and the chain
 *    ending in the signed hash at the signed row with the signed number of rows; a checkpoint beyond the
 *    chain's end reveals a deleted tail, one that no longer matches reveals a rewritten history;
 * 3. checkpoints kept outside the database, the same way (they reveal what a rewrite of both the trail
 *    and the checkpoint table would hide);
 * 4. a replay of the trail against the tables: for every audited row, each entry continues the previous
 *    one and the last entry's value is the row as it is now; a row no entry wrote, a row the trail says
 *    exists, a value changed behind the trail's back are each named; snapshot bodies hash to their
 *    audited content hash.
 * The checks read the database through SQL, so they trust that server's answers; the offline check of
 * an exported snapshot (verifySnapshotEvidence) trusts only the pinned public key.
 */
export async function verifyAuditTrail(client: SqlClient, options: VerifyAuditTrailOptions = {}): Promise<AuditTrailReport> {
  const problems = new Problems(options.maxProblems ?? 50);
  const warnings: string[] = [];
  const logId = await readLogId(client);
  const checkpoints = await listCheckpoints(client);
  const external = options.externalCheckpoints ?? [];
  const pinned = options.trustedKeys !== undefined && options.trustedKeys.length > 0;
  const keyList = pinned ? (options.trustedKeys ?? []) : await listSigningKeys(client);
  const keys = new Map(keyList.map((key) => [key.keyId, key]));
  if (!pinned && checkpoints.length > 0) {
    warnings.push('signatures were checked against the public keys the database itself lists: give the trusted public key (--public-key or --signing-key) for a check a database superuser cannot defeat');
  }

  const wanted = new Set([...checkpoints, ...external].map((c) => c.lastAuditId));
  const points = new Map<number, ChainPoint>();
  let previous = GENESIS_HASH;
  let rows = 0;
  let lastAuditId = 0;
  let firstBreak: { id: number; reason: 'prev-hash-mismatch' | 'hash-mismatch' } | undefined;
  for await (const row of readChainRows(client)) {
    const reason = chainBreak(row, previous);
    if (reason !== undefined && firstBreak === undefined) firstBreak = { id: row.audit_id, reason };
    previous = row.hash;
    rows += 1;
    lastAuditId = row.audit_id;
    if (wanted.has(row.audit_id)) points.set(row.audit_id, { hash: row.hash, ordinal: rows });
  }
  if (firstBreak !== undefined) {
    problems.add({ code: 'chain-broken', auditId: firstBreak.id, message: `audit_id ${firstBreak.id}: ${firstBreak.reason === 'hash-mismatch' ? 'its content does not hash to its stored hash (the row was edited)' : 'its prev_hash is not the previous row\'s hash (a row before it was removed or reordered)'}` });
  }
  const chainEnd = { lastAuditId, rows };

  let previousCheckpoint: AuditCheckpoint | undefined;
  checkpoints.forEach((checkpoint, index) => {
    const label = `checkpoint ${index + 1} of ${checkpoints.length}`;
    checkSignature(checkpoint, label, logId, keys, problems);
    checkAgainstChain(checkpoint, label, points, chainEnd, problems);
    if (previousCheckpoint !== undefined && (checkpoint.lastAuditId < previousCheckpoint.lastAuditId || checkpoint.treeSize < previousCheckpoint.treeSize)) {
      problems.add({ code: 'checkpoint-order', message: `${label} covers ${checkpoint.treeSize} rows, fewer than the one before it (${previousCheckpoint.treeSize})` });
    }
    previousCheckpoint = checkpoint;
  });
  external.forEach((checkpoint, index) => {
    const label = `external checkpoint ${index + 1} (${checkpoint.treeSize} rows, signed ${checkpoint.signedAt})`;
    if (checkSignature(checkpoint, label, logId, keys, problems)) checkAgainstChain(checkpoint, label, points, chainEnd, problems);
  });

  const latest = checkpoints.at(-1) ?? null;
  const rowsAfterLatest = rows - (latest?.treeSize ?? 0);
  if (rows > 0 && latest === null) warnings.push(`no signed checkpoint: none of the ${rows} chained rows is covered by a signature (run the server, whose sealer signs them)`);
  else if (rowsAfterLatest > 0) warnings.push(`${rowsAfterLatest} chained rows after the latest checkpoint are not yet covered by a signature`);

  const queue = await client.query<{ n: number; oldest: Date | null }>('SELECT count(*)::bigint AS n, min(changed_at) AS oldest FROM audit_queue');
  const queued = { entries: queue.rows[0].n, oldestChangedAt: queue.rows[0].oldest?.toISOString() ?? null };
  if (queued.entries > 0) warnings.push(`${queued.entries} audit entries are written but not yet sealed into the chain (oldest ${queued.oldestChangedAt ?? '?'}); the replay covers them, the chain does not yet`);

  const replay = await replayTables(client, problems);
  return Object.freeze({
    ok: problems.count === 0,
    logId,
    chain: Object.freeze({
      ok: firstBreak === undefined,
      rows,
      lastAuditId,
      headHash: previous,
      ...(firstBreak === undefined ? {} : { firstBrokenId: firstBreak.id, reason: firstBreak.reason }),
    }),
    queued,
    checkpoints: Object.freeze({ total: checkpoints.length, trust: pinned ? ('pinned' as const) : ('database' as const), keyIds: [...keys.keys()], latest, rowsAfterLatest }),
    externalCheckpoints: external.length,
    replay,
    problems: Object.freeze(problems.list),
    moreProblems: problems.more,
    warnings: Object.freeze(warnings),
  });
}
