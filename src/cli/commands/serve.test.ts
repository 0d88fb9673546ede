import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { trustedKeyFromPem, verifySnapshotEvidence } from '../../store/index.js';
import { cliRecorder } from '../../testing/index.js';
import { main } from '../main.js';

async function waitFor(read: () => string, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = read().match(pattern);
    if (match !== null) return match;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; output so far:\n${read()}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe('trialkit serve', () => {
  it('serves the API on the embedded store in --data, seeds demo accounts, and stops on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'trialkit-serve-'));
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    const rec = cliRecorder();
    try {
      const exit = main(['serve', '--port', '0', '--data', dataDir, '--demo'], rec.io);
      const [, base] = await waitFor(rec.stdout, /\(API (http:\/\/\S+\/api\/v1),/, 180_000);
      assert.match(rec.stdout(), new RegExp(`embedded database in ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      for (const user of ['demo-admin', 'demo-investigator', 'demo-coordinator', 'demo-irc', 'demo-data-manager', 'demo-statistician', 'demo-sponsor', 'demo-monitor']) {
        assert.match(rec.stdout(), new RegExp(user));
      }
      const doc = (await (await fetch(`${base}/openapi.json`)).json()) as { openapi: string };
      assert.equal(doc.openapi, '3.1.0');
      const login = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'demo-admin', password: 'trialkit-demo-password' }),
      });
      assert.equal(login.status, 200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      const users = (await (await fetch(`${base}/users`, { headers: { cookie } })).json()) as { users: unknown[] };
      // one account per role, and an investigator and a coordinator at each of the demo trial's 32 sites
      assert.equal(users.users.length, 8 + 2 * 32);
      assert.match(rec.stdout(), /SYNTHETIC demo trial: 109 subjects loaded .*snapshot cutoff-2022-12-01 taken under the data lock; trial open for entry/);
      const keyFile = `${dataDir}.signing-key.pem`;
      assert.match(rec.stdout(), new RegExp(`audit checkpoints: signed with key [0-9a-f]{16} \\(new key ${keyFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

      // the demo snapshot's evidence, as an inspector downloads it, verifies offline with the published public key
      const stat = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'demo-statistician', password: 'trialkit-demo-password' }) });
      const statCookie = (stat.headers.get('set-cookie') ?? '').split(';')[0];
      const snapshots = (await (await fetch(`${base}/snapshots`, { headers: { cookie: statCookie } })).json()) as { snapshots: { snapshotId: number; name: string }[] };
      const cutoff = snapshots.snapshots.find((x) => x.name === 'cutoff-2022-12-01');
      assert.ok(cutoff !== undefined);
      const evidence = await fetch(`${base}/snapshots/${cutoff.snapshotId}/evidence`, { headers: { cookie: statCookie } });
      assert.equal(evidence.status, 200);
      const report = verifySnapshotEvidence(await evidence.json(), [trustedKeyFromPem(readFileSync(`${keyFile}.pub`, 'utf8'))]);
      assert.deepEqual(report.problems, []);
      assert.deepEqual(report.warnings, []);
      assert.ok((report.replayed.records ?? 0) > 1000, JSON.stringify(report.replayed));

      process.emit('SIGTERM');
      assert.equal(await exit, 0);
      assert.match(rec.stdout(), /POST \/api\/v1\/auth\/login 200/);
      assert.doesNotMatch(rec.stdout(), /trialkit-demo-password.*200/);

      // the whole demo trail: chain, checkpoints, the witness beside the key, and the replay of every table
      const verify = cliRecorder();
      assert.equal(await main(['audit', 'verify', '--data', dataDir, '--signing-key', keyFile], verify.io), 0, verify.stdout());
      assert.match(verify.stdout(), /external checkpoints: 1/);
      assert.match(verify.stdout(), /queue: 0 entries/);
      assert.match(verify.stdout(), /audit trail OK/);
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
      rmSync(dataDir, { recursive: true, force: true });
      for (const suffix of ['', '.pub', '.checkpoint.json']) rmSync(`${dataDir}.signing-key.pem${suffix}`, { force: true });
    }
  });

  it('refuses a port that is not a whole number in range (exit 2)', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['serve', '--port', '70000'], rec.io), 2);
    assert.match(rec.stderr(), /--port/);
  });
});
