import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createSnapshotEvidence,
  listSnapshots,
  loadOrCreateSigningKey,
  openStore,
  parseCheckpoint,
  registerSigningKey,
  sealAndCheckpoint,
  trustedKeyFromPem,
  verifyAuditTrail,
  verifySnapshotEvidence,
  type AuditCheckpoint,
  type AuditTrailReport,
  type EvidenceReport,
  type Store,
  type TrustedKey,
} from '../../store/index.js';
import { InputError, issue } from '../../result/index.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { toJson } from '../render.js';

const usage = `Usage: trialkit audit verify [--data <dir> | --database-url <url> [--schema <name>]]
                            [--signing-key <file> | --public-key <file>]... [--checkpoint <file>]... [--json]
       trialkit audit verify --evidence <file> [--public-key <file>]... [--checkpoint <file>]... [--json]
       trialkit audit evidence --snapshot <name> --out <file> [--data <dir> | --database-url <url> [--schema <name>]]
                              [--signing-key <file>]

verify checks the EDC database's audit trail, read in one consistent view:
  - the hash chain: every row's prev_hash is the hash of the row before it, its hash sha256(prev_hash || content)
    recomputed here;
  - every signed checkpoint of the chain's head: its Ed25519 signature with the trusted key, and that the chain
    still ends in the signed hash at the signed row with the signed number of rows (a deleted tail or a history
    rewritten with fresh hashes fails here);
  - checkpoints kept outside the database (--checkpoint; with --signing-key also <key>.checkpoint.json, the
    server's witness file): they reveal a tail deleted together with the checkpoints over it;
  - a replay of the trail against the tables: each audited row's current value is what its last audit entry
    says, each entry continues the one before, no row exists that no entry wrote; snapshot bodies hash to
    their audited content hash.
Prints what was checked and OK, or every problem found, and exits 1.

verify --evidence checks a snapshot evidence bundle offline (GET /snapshots/{id}/evidence or audit evidence):
the chain up to the signed checkpoint, the signature, the snapshot data against its audited content hash,
and the snapshot's rows against the trail replayed up to the snapshot; with --checkpoint (a checkpoint or an
earlier bundle the inspector kept), that this chain passes through its head. Needs no database.

evidence writes that bundle for the snapshot named --snapshot (the trial's sealer must have signed a
checkpoint after it; with --signing-key this command seals and signs one itself).

  --data <dir>          embedded database folder (default ./trialkit-data)
  --database-url <url>  a PostgreSQL server instead (DATABASE_URL when neither option is given)
  --schema <name>       the schema of the trial on that server
  --signing-key <file>  the trial's private key file: its public half is the trusted key
  --public-key <file>   a trusted public key (PEM; repeatable): the key the trial published
  --checkpoint <file>   a checkpoint kept outside the database (JSON, as the witness file holds, or an evidence
                        bundle; repeatable)
  --json                the whole report as JSON
`;

const options = {
  data: { type: 'string' },
  'database-url': { type: 'string' },
  schema: { type: 'string' },
  'signing-key': { type: 'string' },
  'public-key': { type: 'string', multiple: true },
  checkpoint: { type: 'string', multiple: true },
  evidence: { type: 'string' },
  snapshot: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseCommandArgs<typeof options>>['values'];

function readText(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${flag} ${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`, [issue('unreadable-file', [flag], file, 'a readable file')]);
  }
}

function readJson(flag: string, file: string): unknown {
  const text = readText(flag, file);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InputError(`${flag} ${file}: not JSON`, [issue('not-json', [flag], file, 'a JSON file')]);
  }
}

function trustedKeys(values: Values): TrustedKey[] {
  const files = [...(values['signing-key'] === undefined ? [] : [['--signing-key', values['signing-key']]]), ...(values['public-key'] ?? []).map((file) => ['--public-key', file])];
  return files.map(([flag, file]) => {
    try {
      return trustedKeyFromPem(readText(flag, file));
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`${flag} ${file}: not an Ed25519 key in PEM (${error instanceof Error ? error.message : String(error)})`, [issue('bad-key', [flag], file, 'an Ed25519 public or private key, PEM')]);
    }
  });
}

function externalCheckpoints(values: Values): { checkpoints: AuditCheckpoint[]; files: string[] } {
  const files = [...(values.checkpoint ?? [])];
  const witness = values['signing-key'] === undefined ? undefined : `${values['signing-key']}.checkpoint.json`;
  if (witness !== undefined && existsSync(witness) && !files.includes(witness)) files.push(witness);
  const checkpoints = files.flatMap((file) => {
    const json = readJson('--checkpoint', file);
    // a checkpoint, a list of them, or an evidence bundle (its checkpoint)
    const value = json !== null && typeof json === 'object' && 'checkpoint' in json && 'entries' in json ? json.checkpoint : json;
    return (Array.isArray(value) ? value : [value]).map((item, index) => {
      const parsed = parseCheckpoint(item);
      if (typeof parsed === 'string') throw new InputError(`--checkpoint ${file}${Array.isArray(value) ? `[${index}]` : ''}: ${parsed}`, [issue('bad-checkpoint', ['--checkpoint'], file, 'a checkpoint as the server writes it')]);
      return parsed;
    });
  });
  return { checkpoints, files };
}

async function openTrialStore(values: Values): Promise<Store> {
  if (values.data !== undefined && values['database-url'] !== undefined) {
    throw new InputError('trialkit audit: give --data or --database-url, not both', [issue('conflicting-options', ['--data'], values.data, 'either --data or --database-url')]);
  }
  const envUrl = process.env.DATABASE_URL;
  const databaseUrl = values['database-url'] ?? (values.data === undefined && envUrl !== undefined && envUrl !== '' ? envUrl : undefined);
  const dataDir = resolve(values.data ?? 'trialkit-data');
  if (databaseUrl === undefined && !existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new InputError(`--data ${dataDir}: not an embedded trialkit database folder`, [issue('missing-database', ['--data'], dataDir, 'the data folder of trialkit serve (holding PG_VERSION)')]);
  }
  return openStore(databaseUrl !== undefined ? { databaseUrl, ...(values.schema === undefined ? {} : { schema: values.schema }) } : { dataDir });
}

const count = (n: number): string => n.toLocaleString('en-US');

function renderTrail(report: AuditTrailReport, witnessFiles: readonly string[]): string {
  const lines: string[] = [`audit trail of log ${report.logId}`];
  const { chain, checkpoints } = report;
  lines.push(
    `  chain: ${count(chain.rows)} rows, ${chain.ok ? 'hash chain intact' : `BROKEN at audit_id ${String(chain.firstBrokenId)} (${String(chain.reason)})`}` +
      (chain.rows > 0 ? ` (head audit_id ${chain.lastAuditId}, ${chain.headHash.slice(0, 16)}…)` : ''),
  );
  lines.push(`  queue: ${count(report.queued.entries)} entries waiting to be sealed`);
  const latest = checkpoints.latest;
  lines.push(
    `  checkpoints: ${count(checkpoints.total)} signed; signatures checked with ${checkpoints.trust === 'pinned' ? 'the trusted key(s)' : 'the keys the database lists'} ${checkpoints.keyIds.join(', ') || '(none)'}` +
      (latest === null ? '' : `; the latest covers ${count(latest.treeSize)} rows (signed ${latest.signedAt})`),
  );
  lines.push(`  external checkpoints: ${report.externalCheckpoints}${witnessFiles.length === 0 ? '' : ` (${witnessFiles.join(', ')})`}`);
  lines.push(`  replay: ${count(report.replay.rows)} rows of ${report.replay.tables} tables against ${count(report.replay.entries)} audit entries`);
  for (const warning of report.warnings) lines.push(`warning: ${warning}`);
  if (report.ok) lines.push('audit trail OK: no problem found');
  else {
    lines.push(`audit trail BROKEN: ${report.problems.length + report.moreProblems} problem(s)`);
    for (const problem of report.problems) lines.push(`  - ${problem.code}: ${problem.message}`);
    if (report.moreProblems > 0) lines.push(`  ... and ${report.moreProblems} more`);
  }
  return `${lines.join('\n')}\n`;
}

function renderEvidence(report: EvidenceReport, file: string): string {
  const lines = [`snapshot evidence ${file}`];
  if (report.snapshot !== null) lines.push(`  snapshot ${report.snapshot.snapshotId} '${report.snapshot.name}' (cutoff ${report.snapshot.cutoffDate}), content hash ${report.snapshot.contentHash.slice(0, 16)}…`);
  if (report.checkpoint !== null) lines.push(`  chain: ${count(report.entries)} rows up to the checkpoint signed ${report.checkpoint.signedAt} by key ${report.checkpoint.keyId} (${report.trust === 'pinned' ? 'pinned' : 'the key in the bundle'})`);
  const replayed = Object.entries(report.replayed);
  if (replayed.length > 0) lines.push(`  replayed: ${replayed.map(([table, n]) => `${count(n)} ${table}`).join(', ')} compared with the trail up to the snapshot`);
  for (const warning of report.warnings) lines.push(`warning: ${warning}`);
  lines.push(report.ok ? 'evidence OK' : `evidence BROKEN: ${report.problems.length} problem(s)`);
  for (const problem of report.problems.slice(0, 50)) lines.push(`  - ${problem}`);
  return `${lines.join('\n')}\n`;
}

async function verify(values: Values, io: CliIo): Promise<number> {
  const keys = trustedKeys(values);
  if (values.evidence !== undefined) {
    const report = verifySnapshotEvidence(readJson('--evidence', values.evidence), keys, externalCheckpoints(values).checkpoints);
    io.out(values.json === true ? toJson(report) : renderEvidence(report, values.evidence));
    return report.ok ? 0 : 1;
  }
  const external = externalCheckpoints(values);
  const store = await openTrialStore(values);
  try {
    const report = await store.transaction(async (tx) => {
      // one consistent view of the chain, the queue and the tables, however busy the server is
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      return verifyAuditTrail(tx, { trustedKeys: keys, externalCheckpoints: external.checkpoints });
    });
    io.out(values.json === true ? toJson(report) : renderTrail(report, external.files));
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

async function exportEvidence(values: Values, io: CliIo): Promise<number> {
  if (values.snapshot === undefined || values.out === undefined) {
    throw new InputError('trialkit audit evidence: --snapshot <name> and --out <file> are required', [issue('missing-option', ['--snapshot'], values.snapshot, 'a snapshot name and an output file')]);
  }
  const store = await openTrialStore(values);
  try {
    const listed = await listSnapshots(store);
    const found = listed.find((s) => s.name === values.snapshot);
    if (found === undefined) {
      throw new InputError(`no snapshot named ${JSON.stringify(values.snapshot)}`, [
        issue('unknown-snapshot', ['--snapshot'], values.snapshot, listed.length === 0 ? 'a snapshot name (the database has none)' : `one of ${listed.map((s) => s.name).join(', ')}`),
      ]);
    }
    let result = await createSnapshotEvidence(store, found.snapshotId);
    if (result.kind === 'not-covered' && values['signing-key'] !== undefined) {
      const { signer } = await loadOrCreateSigningKey(resolve(values['signing-key']));
      await registerSigningKey(store, signer);
      await sealAndCheckpoint(store, signer);
      result = await createSnapshotEvidence(store, found.snapshotId);
    }
    if (result.kind !== 'ok') {
      io.err(`trialkit audit evidence: ${result.kind === 'not-found' ? 'the snapshot vanished' : result.reason}; run the server (its sealer signs checkpoints) or give --signing-key\n`);
      return 1;
    }
    writeFileSync(values.out, `${JSON.stringify(result.evidence)}\n`);
    io.out(`wrote ${values.out}: snapshot ${found.snapshotId} '${found.name}', ${count(result.evidence.entries.length)} chained rows, checkpoint signed ${result.evidence.checkpoint.signedAt} by key ${result.evidence.checkpoint.keyId}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export const auditCommand: Command = {
  name: 'audit',
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('audit', args, options);
    const sub = positionals.join(' ');
    if (sub === 'verify') return verify(values, io);
    if (sub === 'evidence') return exportEvidence(values, io);
    throw new InputError(`trialkit audit: expected the subcommand verify or evidence, got ${JSON.stringify(sub)}`, [issue('unknown-subcommand', ['argv'], sub, 'verify or evidence')]);
  },
};
