import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { trustedKeyFromPem, verifyAuditTrail, type Store } from '../store/index.js';
import { DEMO_PASSWORD } from './seedDemoAccounts.js';

/**
 * Durability of acknowledged writes, on either store: the server runs as a child process, clients stream
 * writes, the process is SIGKILLed mid-stream (no shutdown, no flush), restarted on the same database, and
 * every write that was answered 2xx must be there. Writes in flight at the kill may or may not be there;
 * nothing that was never sent may be. (killRecovery.embedded.test.ts, killRecovery.postgres.test.ts)
 */
export interface KillRecoveryEngine {
  /** Shown in the suite's name. */
  readonly label: string;
  /**
   * The child's code that opens the store as `store`, with `openEmbeddedStore` and `openPostgresStore` in
   * scope; it reads its database from process.env.TRIALKIT_KILL_DATA (a folder or a schema name) and, for
   * PostgreSQL, process.env.TRIALKIT_KILL_URL.
   */
  readonly openInChild: string;
  /** The store a fresh run uses: a new folder, or a new schema. */
  readonly newDatabase: () => string;
  /** Opens the same database in this process, to verify its audit trail after the restart. */
  readonly openStore: (database: string) => Promise<Store>;
  readonly env?: Readonly<Record<string, string>>;
  /** Called once after the suite: removes what newDatabase made. */
  readonly cleanUp?: () => Promise<void>;
}

// The child imports the compiled modules beside this test (dist/ or a scratch build), not the bin.
const serverModule = new URL('./index.js', import.meta.url).href;
const storeModule = new URL('../store/index.js', import.meta.url).href;
const protocolsModule = new URL('../protocols/index.js', import.meta.url).href;
const childScript = `
import { loadOrCreateSigningKey, openEmbeddedStore, openPostgresStore, startAuditSealer } from ${JSON.stringify(storeModule)};
import { findProtocol } from ${JSON.stringify(protocolsModule)};
import { seedDemoAccounts, startServer } from ${JSON.stringify(serverModule)};
OPEN_STORE
const { signer } = await loadOrCreateSigningKey(process.env.TRIALKIT_KILL_KEY);
const sealer = await startAuditSealer(store, signer, { batchDelayMs: 2 });
await seedDemoAccounts(store, { sites: [{ siteId: 'S01', name: 'Demo site 01' }] });
const server = await startServer({ store, protocol: findProtocol('nct05236621'), port: 0, sealer });
process.stdout.write('LISTENING ' + server.url + '\\n');
process.on('SIGTERM', () => { void server.close().then(() => store.close()).then(() => process.exit(0)); });
`;

const WORKERS = 4;
/** The kill comes once this many writes were acknowledged, while the workers keep sending. */
const KILL_AFTER_ACKS = 40;

interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<void>;
}

function startChild(engine: KillRecoveryEngine, database: string, keyPath: string): Promise<Running> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', childScript.replace('OPEN_STORE', engine.openInChild)], {
    env: { ...process.env, ...engine.env, TRIALKIT_KILL_DATA: database, TRIALKIT_KILL_KEY: keyPath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within 90 s: ${stderr}`));
    }, 90_000);
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /LISTENING (\S+)/.exec(stdout);
      if (match !== null) {
        clearTimeout(timer);
        resolve({ child, url: match[1], exited });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited before listening (${String(code ?? signal)}): ${stderr}`));
    });
  });
}

async function signIn(url: string, userId: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, password: DEMO_PASSWORD }) });
  assert.equal(response.status, 200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

export function killRecoveryContract(engine: KillRecoveryEngine): void {
  const keyDirs: string[] = [];
  after(async () => {
    for (const dir of keyDirs) rmSync(dir, { recursive: true, force: true });
    await engine.cleanUp?.();
  });

  void describe(`crash recovery of the server on ${engine.label}`, () => {
    void it('keeps every acknowledged write across a SIGKILL mid-stream', { timeout: 240_000 }, async () => {
      const database = engine.newDatabase();
      const keyDir = mkdtempSync(join(tmpdir(), 'trialkit-kill-key-'));
      keyDirs.push(keyDir);
      const keyPath = join(keyDir, 'signing.key.pem');
      const first = await startChild(engine, database, keyPath);
      const acked: { recordId: number; visit: string }[] = [];
      const sent = new Set<string>();
      let subjectId = '';
      try {
        const cookie = await signIn(first.url, 'demo-investigator');
        const subject = await fetch(`${first.url}/api/v1/subjects`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
        assert.equal(subject.status, 201);
        subjectId = ((await subject.json()) as { subjectId: string }).subjectId;

        let killed = false;
        const worker = async (w: number): Promise<void> => {
          // bounded: the kill comes after KILL_AFTER_ACKS acknowledgements, far below this
          for (let i = 0; i < 2_000 && !killed; i++) {
            const visit = `K${w}-${i}`;
            sent.add(visit);
            const body = JSON.stringify({ formType: 'lab', data: { date: '2025-02-03', visit, analyte: 'neutrophils', value: w * 10_000 + i, unit: '10^9/L', source: 'local' } });
            let response: Response;
            try {
              response = await fetch(`${first.url}/api/v1/subjects/${subjectId}/records`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
            } catch {
              return; // the connection died with the server: this write's fate is unknown
            }
            if (response.status !== 201) throw new Error(`write ${visit}: ${response.status} ${await response.text()}`);
            const saved = (await response.json()) as { record: { recordId: number } };
            acked.push({ recordId: saved.record.recordId, visit });
            if (acked.length >= KILL_AFTER_ACKS && !killed) {
              killed = true;
              first.child.kill('SIGKILL');
            }
          }
        };
        await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
        assert.ok(killed, 'the server was killed mid-stream');
      } finally {
        first.child.kill('SIGKILL');
        await first.exited;
      }
      assert.ok(acked.length >= KILL_AFTER_ACKS);

      const second = await startChild(engine, database, keyPath);
      try {
        const cookie = await signIn(second.url, 'demo-data-manager');
        const response = await fetch(`${second.url}/api/v1/subjects/${subjectId}/records`, { headers: { cookie } });
        assert.equal(response.status, 200);
        const records = ((await response.json()) as { records: { recordId: number; visit: string | null }[] }).records;
        const present = new Map(records.map((r) => [r.recordId, r.visit]));
        const lost = acked.filter((a) => present.get(a.recordId) !== a.visit);
        assert.deepEqual(lost, [], `acknowledged writes missing after the restart (${acked.length} acknowledged, ${records.length} present)`);
        const neverSent = records.filter((r) => r.visit === null || !sent.has(r.visit));
        assert.deepEqual(neverSent, []);
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }

      // the audit trail written across the crash (the sealer killed mid-batch too) still chains, its signed
      // checkpoints hold, and every acknowledged write is in it (the replay matches the tables)
      const store = await engine.openStore(database);
      try {
        const report = await verifyAuditTrail(store, { trustedKeys: [trustedKeyFromPem(readFileSync(keyPath, 'utf8'))] });
        assert.deepEqual(report.problems, []);
        assert.ok(report.chain.rows > acked.length && report.checkpoints.total > 0, JSON.stringify(report.chain));
      } finally {
        await store.close();
      }
    });
  });
}
