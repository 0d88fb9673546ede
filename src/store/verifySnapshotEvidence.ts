import { createHash } from 'node:crypto';
import { parseCheckpoint, verifyCheckpointSignature, type AuditCheckpoint, type TrustedKey } from './auditCheckpoint.js';
import { EVIDENCE_FORMAT } from './snapshotEvidence.js';
import { GENESIS_HASH, chainHash } from './sealAuditQueue.js';

export interface EvidenceReport {
  readonly ok: boolean;
  readonly snapshot: { readonly snapshotId: number; readonly name: string; readonly cutoffDate: string; readonly contentHash: string } | null;
  /** Chained rows checked, up to the checkpoint. */
  readonly entries: number;
  readonly checkpoint: AuditCheckpoint | null;
  /** 'pinned' when the signature was checked with a key the inspector gave. */
  readonly trust: 'pinned' | 'bundle';
  /** Rows of the snapshot compared with the replayed trail, per table. */
  readonly replayed: Readonly<Record<string, number>>;
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
}

type Row = Record<string, unknown>;

const isObject = (value: unknown): value is Row => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Row images compare as JSON values, with time stamps compared as instants (their text follows the writer's time zone). */
export function sameRowImage(a: unknown, b: unknown): boolean {
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if ((key === 'created_at' || key === 'updated_at') && typeof a[key] === 'string' && typeof b[key] === 'string') {
        if (Date.parse(a[key]) !== Date.parse(b[key])) return false;
      } else if (!sameRowImage(a[key], b[key])) return false;
    }
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameRowImage(item, b[index]));
  return a === b || (a === undefined && b === null) || (a === null && b === undefined);
}

/** The snapshot's tables and the audited table each one copies (createSnapshot.ts). */
const SNAPSHOT_TABLES: readonly { readonly field: string; readonly table: string; readonly key: string; readonly live?: (row: Row) => boolean }[] = [
  { field: 'sites', table: 'sites', key: 'site_id' },
  { field: 'subjects', table: 'subjects', key: 'subject_id' },
  { field: 'records', table: 'crf_records', key: 'record_id', live: (row) => row.deleted !== true },
  { field: 'queries', table: 'queries', key: 'query_id' },
];

interface Parsed {
  readonly auditId: number;
  readonly table: string;
  readonly recordId: string;
  readonly action: string;
  readonly newValue: unknown;
}

function parseContent(content: string): Parsed | undefined {
  try {
    const value: unknown = JSON.parse(content);
    if (!Array.isArray(value) || value.length !== 9) return undefined;
    const [auditId, table, recordId, action, , newValue] = value as unknown[];
    if (typeof auditId !== 'number' || typeof table !== 'string' || typeof recordId !== 'string' || typeof action !== 'string') return undefined;
    return { auditId, table, recordId, action, newValue };
  } catch {
    return undefined;
  }
}

function compareTables(state: ReadonlyMap<string, Map<string, unknown>>, data: Row, problems: string[]): Record<string, number> {
  const replayed: Record<string, number> = {};
  for (const { field, table, key, live } of SNAPSHOT_TABLES) {
    const copied = data[field];
    if (!Array.isArray(copied)) {
      problems.push(`the snapshot data has no ${field} list`);
      continue;
    }
    const expected = new Map<string, Row>();
    for (const [id, value] of state.get(table) ?? new Map<string, unknown>()) {
      if (isObject(value) && (live === undefined || live(value))) expected.set(id, value);
    }
    const seen = new Set<string>();
    for (const row of copied as unknown[]) {
      const id = isObject(row) ? String(row[key]) : '?';
      seen.add(id);
      const trail = expected.get(id);
      if (trail === undefined) problems.push(`${field} ${id}: in the snapshot, but the audit trail before the snapshot does not hold it`);
      else if (!sameRowImage(row, trail)) problems.push(`${field} ${id}: the snapshot's copy is not the value the audit trail records for it`);
    }
    for (const id of expected.keys()) if (!seen.has(id)) problems.push(`${field} ${id}: the audit trail holds it before the snapshot, the snapshot does not`);
    replayed[field] = copied.length;
  }
  return replayed;
}

function checkChain(entries: readonly unknown[], problems: string[]): { parsed: Parsed[]; last: { auditId: number; hash: string } | undefined } {
  const parsed: Parsed[] = [];
  let previous = GENESIS_HASH;
  let last: { auditId: number; hash: string } | undefined;
  for (const [index, raw] of entries.entries()) {
    const entry = isObject(raw) ? raw : {};
    const { auditId, prevHash, hash, content } = entry;
    if (typeof auditId !== 'number' || typeof prevHash !== 'string' || typeof hash !== 'string' || typeof content !== 'string') {
      problems.push(`entries[${index}] is malformed`);
      return { parsed, last: undefined };
    }
    if (prevHash !== previous) problems.push(`entries[${index}] (audit_id ${auditId}): prevHash is not the previous entry's hash`);
    if (chainHash(prevHash, content) !== hash) problems.push(`entries[${index}] (audit_id ${auditId}): its content does not hash to its hash`);
    const item = parseContent(content);
    if (item?.auditId !== auditId) problems.push(`entries[${index}]: its content is not the audit row ${auditId}`);
    else parsed.push(item);
    previous = hash;
    last = { auditId, hash };
  }
  return { parsed, last };
}

/**
 * Checks a snapshot evidence bundle (snapshotEvidence.ts) offline: the chain from genesis to the
 * checkpoint, the checkpoint's signature (with a key the inspector pins, or else the bundle's own key,
 * which only proves the bundle is self-consistent), the snapshot's data against its content hash, the
 * snapshot's audit entry in the signed chain, and the snapshot's sites, subjects, records and queries
 * against the trail replayed up to that entry. No database, no clock.
 */
export function verifySnapshotEvidence(bundle: unknown, trustedKeys: readonly TrustedKey[] = [], earlierCheckpoints: readonly AuditCheckpoint[] = []): EvidenceReport {
  const problems: string[] = [];
  const warnings: string[] = [];
  const fail = (message: string): EvidenceReport =>
    Object.freeze({ ok: false, snapshot: null, entries: 0, checkpoint: null, trust: trustedKeys.length > 0 ? ('pinned' as const) : ('bundle' as const), replayed: {}, problems: [message], warnings: [] });
  if (!isObject(bundle) || bundle.format !== EVIDENCE_FORMAT) return fail(`not a ${EVIDENCE_FORMAT} bundle`);
  const checkpoint = parseCheckpoint(bundle.checkpoint);
  if (typeof checkpoint === 'string') return fail(`checkpoint: ${checkpoint}`);
  const snapshot = isObject(bundle.snapshot) ? bundle.snapshot : undefined;
  if (snapshot === undefined || typeof snapshot.data !== 'string' || typeof snapshot.contentHash !== 'string' || typeof snapshot.snapshotId !== 'number' || typeof snapshot.name !== 'string' || typeof snapshot.cutoffDate !== 'string') {
    return fail('snapshot: missing or malformed');
  }
  if (!Array.isArray(bundle.entries)) return fail('entries: missing');
  if (checkpoint.logId !== bundle.logId) problems.push(`the checkpoint is of log ${checkpoint.logId}, the bundle says ${String(bundle.logId)}`);

  let trust: EvidenceReport['trust'] = 'pinned';
  let key = trustedKeys.find((k) => k.keyId === checkpoint.keyId);
  if (trustedKeys.length === 0) {
    trust = 'bundle';
    const own = isObject(bundle.signingKey) && typeof bundle.signingKey.keyId === 'string' && typeof bundle.signingKey.publicKey === 'string' ? { keyId: bundle.signingKey.keyId, publicKey: bundle.signingKey.publicKey } : undefined;
    key = own;
    warnings.push(`no trusted key given: the signature was checked with the key inside the bundle (${checkpoint.keyId}); compare that id with the trial's published key, or pin the key`);
  }
  if (key === undefined) problems.push(`the checkpoint is signed by key ${checkpoint.keyId}, which is not among the trusted keys`);
  else if (!verifyCheckpointSignature(checkpoint, key)) problems.push('the checkpoint signature is not valid for its key');

  const { parsed, last } = checkChain(bundle.entries as unknown[], problems);
  if (last === undefined || last.auditId !== checkpoint.lastAuditId || last.hash !== checkpoint.headHash || bundle.entries.length !== checkpoint.treeSize) {
    problems.push(`the entries end at ${last === undefined ? 'nothing' : `audit_id ${last.auditId}`} after ${bundle.entries.length} rows; the checkpoint signed ${checkpoint.treeSize} rows ending at audit_id ${checkpoint.lastAuditId}`);
  }

  // checkpoints the inspector kept from earlier bundles: this chain must pass through each head it covers
  const hashes = new Map((bundle.entries as { auditId?: unknown; hash?: unknown }[]).map((e, index) => [e.auditId, { hash: e.hash, ordinal: index + 1 }]));
  for (const earlier of earlierCheckpoints) {
    const earlierKey = trustedKeys.find((k) => k.keyId === earlier.keyId);
    if (trustedKeys.length > 0 && (earlierKey === undefined || !verifyCheckpointSignature(earlier, earlierKey))) {
      problems.push(`a kept checkpoint (signed ${earlier.signedAt}) does not carry a valid signature of a trusted key`);
    } else if (earlier.logId !== checkpoint.logId) problems.push(`a kept checkpoint is of log ${earlier.logId}, this bundle of ${checkpoint.logId}`);
    else if (earlier.lastAuditId > checkpoint.lastAuditId) warnings.push(`a kept checkpoint (${earlier.treeSize} rows, signed ${earlier.signedAt}) is later than this bundle's; it was not compared`);
    else if (earlier.lastAuditId > 0) {
      const at = hashes.get(earlier.lastAuditId);
      if (at === undefined || at.hash !== earlier.headHash || at.ordinal !== earlier.treeSize) {
        problems.push(`the chain does not pass through a kept checkpoint (${earlier.treeSize} rows up to audit_id ${earlier.lastAuditId}, signed ${earlier.signedAt}): history before it was rewritten`);
      }
    }
  }

  if (createHash('sha256').update(snapshot.data, 'utf8').digest('hex') !== snapshot.contentHash) problems.push("the snapshot's data does not hash to its content hash");
  const own = parsed.filter((item) => item.table === 'snapshots' && item.recordId === String(snapshot.snapshotId) && item.action === 'create');
  const entry = own[0];
  const entryValue = isObject(entry?.newValue) ? entry.newValue : undefined;
  if (own.length !== 1 || entryValue === undefined) problems.push(`the signed chain does not hold exactly one creation of snapshot ${snapshot.snapshotId}`);
  else if (entryValue.content_hash !== snapshot.contentHash || entryValue.name !== snapshot.name || entryValue.cutoff_date !== snapshot.cutoffDate) {
    problems.push("the snapshot's audited content hash, name or cutoff are not the bundle's");
  }

  let replayed: Record<string, number> = {};
  let data: unknown;
  try {
    data = JSON.parse(snapshot.data);
  } catch {
    problems.push('the snapshot data is not JSON');
  }
  if (entry !== undefined && isObject(data)) {
    const state = new Map<string, Map<string, unknown>>();
    for (const item of parsed) {
      if (item === entry) break;
      const table = state.get(item.table) ?? new Map<string, unknown>();
      state.set(item.table, table);
      table.set(item.recordId, item.newValue);
    }
    replayed = compareTables(state, data, problems);
    const index = parsed.indexOf(entry);
    const before = index === 0 ? GENESIS_HASH : (bundle.entries[index - 1] as { hash?: unknown }).hash;
    if (data.auditHeadHash !== before) warnings.push("the snapshot's auditHeadHash is not the chain head just before its own entry (a snapshot taken before trialkit sealed the chain at copy time)");
  }
  return Object.freeze({
    ok: problems.length === 0,
    snapshot: { snapshotId: snapshot.snapshotId, name: snapshot.name, cutoffDate: snapshot.cutoffDate, contentHash: snapshot.contentHash },
    entries: bundle.entries.length,
    checkpoint,
    trust,
    replayed,
    problems: Object.freeze(problems),
    warnings: Object.freeze(warnings),
  });
}
