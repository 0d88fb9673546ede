import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seedDemoAccounts } from '../../server/index.js';
import { createSnapshot, insertCrfRecord, insertSubject, loadOrCreateSigningKey, openStore, startAuditSealer, withAuditContext, type Store } from '../../store/index.js';
import { cliRecorder } from '../../testing/index.js';
import { main } from '../main.js';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(args: string[]): Promise<Run> {
  const rec = cliRecorder();
  const code = await main(args, rec.io);
  return { code, stdout: rec.stdout(), stderr: rec.stderr() };
}

/** A superuser's edit of a closed data folder, outside every guard. */
async function tamper(dataDir: string, sql: readonly string[]): Promise<void> {
  const store = await openStore({ dataDir });
  try {
    for (const statement of sql) await store.exec(statement);
  } finally {
    await store.close();
  }
}

describe('trialkit audit', () => {
  const root = mkdtempSync(join(tmpdir(), 'trialkit-audit-'));
  const pristine = join(root, 'pristine');
  const keyFile = join(root, 'trial.signing-key.pem');
  let recordId = 0;
  let lastAuditId = 0;
  let copies = 0;
  const copy = (): string => {
    copies += 1;
    const dir = join(root, `copy-${copies}`);
    cpSync(pristine, dir, { recursive: true });
    return dir;
  };

  before(async () => {
    const { signer } = await loadOrCreateSigningKey(keyFile);
    const store: Store = await openStore({ dataDir: pristine });
    try {
      const sealer = await startAuditSealer(store, signer, { witnessFile: `${keyFile}.checkpoint.json` });
      await seedDemoAccounts(store, { sites: [{ siteId: 'S01', name: 'Demo site 01' }, { siteId: 'S02', name: 'Demo site 02' }] });
      await withAuditContext(store, { user: 'demo-coordinator' }, async (tx) => {
        const subject = await insertSubject(tx, { siteId: 'S01' });
        recordId = (await insertCrfRecord(tx, { subjectId: subject.subjectId, formType: 'lab', data: { date: '2025-02-03', analyte: 'albumin', value: 35 } })).recordId;
      });
      await withAuditContext(store, { user: 'demo-data-manager' }, (tx) => createSnapshot(tx, { name: 'interim', cutoffDate: '2025-06-30' }));
      await withAuditContext(store, { user: 'demo-coordinator', reason: 'unit' }, (tx) => tx.query(`UPDATE crf_records SET data = jsonb_set(data, '{value}', '36') WHERE record_id = $1`, [recordId]));
      lastAuditId = (await sealer.sealNow())?.lastAuditId ?? 0;
      await sealer.stop();
    } finally {
      await store.close();
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('checks chain, checkpoints, witness and replay of an intact trail against the trial key (exit 0)', async () => {
    const json = await run(['audit', 'verify', '--data', copy(), '--signing-key', keyFile, '--json']);
    assert.equal(json.code, 0, json.stdout);
    const report = JSON.parse(json.stdout) as { ok: boolean; chain: { rows: number; lastAuditId: number }; checkpoints: { trust: string; total: number }; externalCheckpoints: number; replay: { rows: number } };
    assert.equal(report.ok, true);
    assert.ok(report.chain.rows >= 9 && report.chain.lastAuditId === lastAuditId, JSON.stringify(report.chain));
    assert.equal(report.checkpoints.trust, 'pinned');
    assert.ok(report.checkpoints.total >= 1);
    assert.equal(report.externalCheckpoints, 1, 'the witness file beside the key');
    const text = await run(['audit', 'verify', '--data', copy(), '--signing-key', keyFile]);
    assert.equal(text.code, 0);
    assert.match(text.stdout, new RegExp(`chain: ${report.chain.rows} rows, hash chain intact`));
    assert.match(text.stdout, /signatures checked with the trusted key/);
    assert.match(text.stdout, /audit trail OK/);
  });

  it('names the first edited row and exits 1', async () => {
    const dir = copy();
    await tamper(dir, ['ALTER TABLE audit_log DISABLE TRIGGER trialkit_00_immutable', "UPDATE audit_log SET changed_by = 'someone-else' WHERE audit_id = 3"]);
    const result = await run(['audit', 'verify', '--data', dir, '--signing-key', keyFile]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /BROKEN at audit_id 3 \(hash-mismatch\)/);
    assert.match(result.stdout, /chain-broken: audit_id 3: its content does not hash/);
  });

  it('reveals a deleted last row (the checkpoint signed it) and the record it leaves unexplained', async () => {
    const dir = copy();
    await tamper(dir, ['ALTER TABLE audit_log DISABLE TRIGGER trialkit_00_immutable', `DELETE FROM audit_log WHERE audit_id = ${lastAuditId}`]);
    const result = await run(['audit', 'verify', '--data', dir, '--signing-key', keyFile]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /tail-missing: .*its tail was deleted/);
    assert.match(result.stdout, new RegExp(`row-differs: crf_records ${recordId}`));
  });

  it('catches with the witness file a tail deleted with its checkpoints and its effect undone', async () => {
    const dir = copy();
    await tamper(dir, [
      'ALTER TABLE audit_log DISABLE TRIGGER USER',
      'ALTER TABLE audit_checkpoints DISABLE TRIGGER USER',
      'ALTER TABLE crf_records DISABLE TRIGGER USER',
      // undo the last correction so the tables match the shortened trail again
      `UPDATE crf_records r SET data = a.new_value -> 'data', version = (a.new_value ->> 'version')::int, updated_at = (a.new_value ->> 'updated_at')::timestamptz,
         updated_by = a.new_value ->> 'updated_by' FROM audit_log a WHERE a.table_name = 'crf_records' AND a.record_id = '${recordId}' AND a.action = 'create' AND r.record_id = ${recordId}`,
      `DELETE FROM audit_log WHERE audit_id = ${lastAuditId}`,
      `DELETE FROM audit_checkpoints WHERE last_audit_id >= ${lastAuditId}`,
    ]);
    const inside = await run(['audit', 'verify', '--data', dir, '--public-key', `${keyFile}.pub`]);
    assert.equal(inside.code, 0, `the database alone cannot tell (README): ${inside.stdout}`);
    const witnessed = await run(['audit', 'verify', '--data', dir, '--public-key', `${keyFile}.pub`, '--checkpoint', `${keyFile}.checkpoint.json`]);
    assert.equal(witnessed.code, 1);
    assert.match(witnessed.stdout, /tail-missing: external checkpoint 1/);
  });

  it('names a clinical row changed without an audit entry', async () => {
    const dir = copy();
    await tamper(dir, ['ALTER TABLE crf_records DISABLE TRIGGER USER', `UPDATE crf_records SET data = jsonb_set(data, '{value}', '99') WHERE record_id = ${recordId}`]);
    const result = await run(['audit', 'verify', '--data', dir, '--signing-key', keyFile]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, new RegExp(`row-differs: crf_records ${recordId} .*changed without an audit entry`));
  });

  it('exports a snapshot evidence bundle that verifies offline with the public key, and refuses an altered one', async () => {
    const bundle = join(root, 'interim.evidence.json');
    const exported = await run(['audit', 'evidence', '--data', copy(), '--snapshot', 'interim', '--out', bundle]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /wrote .*snapshot \d+ 'interim'/);
    const ok = await run(['audit', 'verify', '--evidence', bundle, '--public-key', `${keyFile}.pub`]);
    assert.equal(ok.code, 0, ok.stdout);
    assert.match(ok.stdout, /replayed: .*records/);
    assert.match(ok.stdout, /evidence OK/);
    const altered = join(root, 'altered.evidence.json');
    writeFileSync(altered, readFileSync(bundle, 'utf8').replace('\\"value\\": 35', '\\"value\\": 53'));
    const broken = await run(['audit', 'verify', '--evidence', altered, '--public-key', `${keyFile}.pub`]);
    assert.equal(broken.code, 1);
    assert.match(broken.stdout, /does not hash to its content hash/);
    const strangerKey = join(root, 'stranger.pem');
    await loadOrCreateSigningKey(strangerKey);
    const untrusted = await run(['audit', 'verify', '--evidence', bundle, '--public-key', `${strangerKey}.pub`]);
    assert.equal(untrusted.code, 1);
    assert.match(untrusted.stdout, /not among the trusted keys/);
  });

  it('refuses a folder that is not a database, an unknown subcommand and an unreadable key (exit 2)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'trialkit-audit-empty-'));
    try {
      const notDatabase = await run(['audit', 'verify', '--data', empty]);
      assert.equal(notDatabase.code, 2);
      assert.match(notDatabase.stderr, /not an embedded trialkit database/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    const unknown = await run(['audit', 'check']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /verify or evidence/);
    const badKey = await run(['audit', 'verify', '--evidence', join(root, 'nothing.json'), '--public-key', join(root, 'missing.pem')]);
    assert.equal(badKey.code, 2);
    assert.match(badKey.stderr, /--public-key .*cannot be read/);
  });
});
