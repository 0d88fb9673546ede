import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seedDemoAccounts, DEMO_PASSWORD } from '../../server/index.js';
import { openPostgresStore, postgresTestTarget, verifyAuditTrail, type Store } from '../../store/index.js';
import { postgresReachable, repoPath } from '../../testing/index.js';

// `trialkit serve --workers 2` as a real process tree (node:cluster) on PostgreSQL: every request on a
// connection of its own, so the primary hands them to both workers in turn.
const target = postgresTestTarget('trialkit_serve_workers');

interface Answer {
  readonly status: number;
  readonly cookie: string | undefined;
  readonly body: string;
}

/** One request on a new connection (no keep-alive agent): consecutive requests reach different workers. */
function send(base: string, method: string, path: string, cookie?: string, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/v1${path}`, { method, agent: false, headers: { ...(cookie === undefined ? {} : { cookie }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, cookie: res.headers['set-cookie']?.[0]?.split(';')[0], body: text }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

if (await postgresReachable(target, 'trialkit serve --workers')) {
  let store: Store | undefined;
  const keyDir = mkdtempSync(join(tmpdir(), 'trialkit-workers-'));
  describe(`trialkit serve --workers 2 on PostgreSQL (schema ${target.schema})`, () => {
    before(async () => {
      store = await openPostgresStore({ url: target.url, schema: target.schema });
      await seedDemoAccounts(store, { sites: [{ siteId: 'S01', name: 'Site 1' }] });
    });
    after(async () => {
      await store?.close();
      await target.dropSchema();
      rmSync(keyDir, { recursive: true, force: true });
    });

    void it('shares one port between two processes; a logout is refused at once by both; writes of both are sealed', async () => {
      const databaseUrl = `${target.url}${target.url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${target.schema}`)}`;
      const child = spawn(process.execPath, [repoPath('bin/trialkit.js'), 'serve', '--port', '0', '--workers', '2', '--protocol', 'nct05236621', '--signing-key', join(keyDir, 'key.pem')], {
        env: { ...process.env, DATABASE_URL: databaseUrl },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      try {
        const deadline = Date.now() + 60_000;
        let match: RegExpMatchArray | null = null;
        while ((match = out.match(/2 processes; open (http:\/\/\S+)\/ in a browser/)) === null) {
          if (Date.now() > deadline || child.exitCode !== null) throw new Error(`serve did not start:\n${out}`);
          await new Promise((done) => setTimeout(done, 50));
        }
        const base = match[1];
        const login = await send(base, 'POST', '/auth/login', undefined, { userId: 'demo-investigator', password: DEMO_PASSWORD });
        assert.equal(login.status, 200, login.body);
        const cookie = login.cookie;
        assert.ok(cookie !== undefined);
        // both workers look the session up and keep it (their caches hold a lookup for 2 s)
        for (let i = 0; i < 6; i++) assert.equal((await send(base, 'GET', '/auth/session', cookie)).status, 200);
        // writes through both workers, each sealed by its own sealer
        const subjects = await Promise.all(Array.from({ length: 6 }, () => send(base, 'POST', '/subjects', cookie, {})));
        for (const subject of subjects) assert.equal(subject.status, 201, subject.body);
        assert.equal((await send(base, 'POST', '/auth/logout', cookie)).status, 204);
        // right after the answer, on whichever worker: the session is over
        const after = await Promise.all(Array.from({ length: 6 }, () => send(base, 'GET', '/auth/session', cookie)));
        assert.deepEqual(after.map((a) => a.status), [401, 401, 401, 401, 401, 401]);
      } finally {
        child.kill('SIGTERM');
      }
      assert.equal(await exited, 0, out);
      assert.match(out, /SIGTERM: shutting down/);
      const report = await verifyAuditTrail(store as Store);
      assert.equal(report.ok, true, JSON.stringify(report.problems));
      assert.equal(report.queued.entries, 0, 'every entry sealed before the processes stopped');
    });
  });
}
