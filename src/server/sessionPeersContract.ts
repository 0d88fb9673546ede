import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:cluster';
import { it } from 'node:test';
import { findProtocol } from '../protocols/index.js';
import type { Store } from '../store/index.js';
import { clusterSessionPeers, relaySessionInvalidation } from './clusterSessions.js';
import { createApp } from './createApp.js';
import { DEMO_PASSWORD, seedDemoAccounts } from './seedDemoAccounts.js';

/**
 * Two server processes on one database, each with its session cache (as `trialkit serve --workers 2`
 * runs them), here two apps in one process joined by the cluster's relay over an in-process channel that
 * delivers like IPC (asynchronously): a logout or a deactivation answered by one is refused at once by
 * the other, whose cache held the session. Run on both engines (sessionPeers.*.test.ts).
 */

const reference = findProtocol('nct05236621');
if (reference === undefined) throw new Error('the reference protocol is not registered');
const protocol = reference;

/** A fake cluster: the primary's relay and each worker's channel, messages delivered on a later tick. */
function fakeCluster(size: number): { peers: ReturnType<typeof clusterSessionPeers>[] } {
  const primary = new EventEmitter();
  const workers: Record<string, Worker> = {};
  const peers = Array.from({ length: size }, (_, index) => {
    const id = index + 1;
    const channel = new EventEmitter();
    const worker = {
      id,
      isConnected: () => true,
      send: (message: unknown) => {
        setImmediate(() => channel.emit('message', message));
        return true;
      },
    } as unknown as Worker;
    workers[String(id)] = worker;
    return clusterSessionPeers({
      on: (event, listener) => channel.on(event, listener),
      send: (message) => {
        setImmediate(() => primary.emit('message', worker, message));
        return true;
      },
    });
  });
  relaySessionInvalidation({ workers, on: (event: string, listener: (worker: Worker, message?: unknown) => void) => primary.on(event, listener) });
  return { peers };
}

async function call(app: ReturnType<typeof createApp>, method: string, path: string, cookie: string | undefined, body?: unknown): Promise<{ status: number; cookie: string | undefined; body: Record<string, unknown> }> {
  const response = await app.request(`/api/v1${path}`, {
    method,
    headers: { ...(cookie === undefined ? {} : { cookie }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, cookie: response.headers.get('set-cookie')?.split(';')[0], body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

export function sessionPeersContract(getStore: () => Store): void {
  const twoServers = (withPeers: boolean): [ReturnType<typeof createApp>, ReturnType<typeof createApp>] => {
    const { peers } = fakeCluster(2);
    // a minute: only an invalidation, never the age, can empty the caches within the test
    const make = (index: number) => createApp({ store: getStore(), protocol, sessionCacheMs: 60_000, ...(withPeers ? { sessionPeers: peers[index] } : {}) });
    return [make(0), make(1)];
  };
  const signIn = async (app: ReturnType<typeof createApp>, userId: string): Promise<string> => {
    const reply = await call(app, 'POST', '/auth/login', undefined, { userId, password: DEMO_PASSWORD });
    assert.equal(reply.status, 200);
    assert.ok(reply.cookie !== undefined);
    return reply.cookie;
  };

  void it('a logout answered by one server process is refused at once by the other', async () => {
    await seedDemoAccounts(getStore(), { sites: [{ siteId: 'S01', name: 'Site 1' }] });
    for (const withPeers of [false, true]) {
      const [a, b] = twoServers(withPeers);
      const cookie = await signIn(a, 'demo-investigator');
      assert.equal((await call(b, 'GET', '/auth/session', cookie)).status, 200, 'B has the session in its cache');
      assert.equal((await call(a, 'POST', '/auth/logout', cookie)).status, 204);
      // without peers B keeps using its cached lookup (the limitation the peers remove)
      assert.equal((await call(b, 'GET', '/auth/session', cookie)).status, withPeers ? 401 : 200, withPeers ? 'B refuses the ended session' : 'control: B without peers still has it cached');
    }
  });

  void it('a deactivation answered by one server process ends the sessions the other had cached', async () => {
    const [a, b] = twoServers(true);
    const admin = await signIn(a, 'demo-admin');
    const monitor = await signIn(b, 'demo-monitor');
    assert.equal((await call(b, 'GET', '/auth/session', monitor)).status, 200);
    const user = await call(a, 'GET', '/users', admin);
    const row = (user.body as { users?: { userId: string; version: number }[] }).users?.find((u) => u.userId === 'demo-monitor');
    assert.ok(row !== undefined, JSON.stringify(user.body).slice(0, 200));
    const patched = await call(a, 'PATCH', '/users/demo-monitor', admin, { version: row.version, reason: 'left the study', active: false });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal((await call(b, 'GET', '/auth/session', monitor)).status, 401);
  });
}
