import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { z } from 'zod';
import { findProtocol } from '../protocols/index.js';
import {
  countAuditEntries,
  createSnapshot,
  getTrialProtocol,
  generateAuditSigner,
  startAuditSealer,
  verifyAuditTrail,
  verifySnapshotEvidence,
  type AuditSealer,
  type SqlClient,
  getServerKey,
  insertCrfRecord,
  insertLock,
  insertQuery,
  insertSite,
  insertSubject,
  insertUser,
  setPasswordHash,
  updateQuery,
  withAuditContext,
  type Store,
  type UserRole,
} from '../store/index.js';
import { repoPath } from '../testing/index.js';
import { API_ROUTES } from './apiRoutes.js';
import { LOGIN_THROTTLE } from './authRoutes.js';
import { createApp } from './createApp.js';
import { ircCaseId } from './ircCases.js';
import { hashPassword } from './passwords.js';
import { PERMISSIONS, ROLES, SITE_ROLES } from './permissions.js';
import { readTrialFromStore } from './readTrialFromStore.js';
import type { AppEnv, RouteSpec } from './route.js';

/**
 * The HTTP contract of the EDC, run on both engines (see server.embedded.test.ts / server.postgres.test.ts).
 * Every test works on sites and users of its own (fresh ids), so tests never depend on each other's rows.
 */
export type StoreProvider = () => Store;

const reference = findProtocol('nct05236621');
if (reference === undefined) throw new Error('the reference protocol is not registered');
/** The protocol the contract runs on: the reference trial's (every form, regimen and response binding of it). */
const PROTOCOL = reference;

const PASSWORD = 'correct horse battery staple';
const fresh = (): string => randomBytes(4).toString('hex');

interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Headers;
}

/** Every answer a Client received in this process, for the test that checks them against the OpenAPI document. */
interface Answer {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
}
const ANSWERS: Answer[] = [];

/** A browser-like client: keeps the session cookie, talks to the app in process. */
class Client {
  cookie: string | undefined;
  constructor(
    private readonly app: Hono<AppEnv>,
    readonly ip: string,
  ) {}

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const response = await this.app.request(`/api/v1${path}`, {
      method: method.toUpperCase(),
      headers: {
        'x-test-ip': this.ip,
        ...(this.cookie === undefined ? {} : { cookie: this.cookie }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie !== null) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    const json = /^application\/json\b/.test(response.headers.get('content-type') ?? '');
    ANSWERS.push({ method: method.toLowerCase(), path: path.split('?')[0], status: response.status, contentType: response.headers.get('content-type') ?? '', body: json && text !== '' ? (JSON.parse(text) as unknown) : text });
    return { status: response.status, body: text === '' ? {} : json ? (JSON.parse(text) as Record<string, unknown>) : { text }, headers: response.headers };
  }

  /** A body sent as given (bytes that are not UTF-8, a text that is not JSON), with the session cookie. */
  async sendRaw(method: string, path: string, body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string> = {}): Promise<Reply> {
    const response = await this.app.request(`/api/v1${path}`, {
      method: method.toUpperCase(),
      headers: { 'x-test-ip': this.ip, 'content-type': 'application/json', ...(this.cookie === undefined ? {} : { cookie: this.cookie }), ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>), headers: response.headers };
  }

  login(userId: string, password = PASSWORD): Promise<Reply> {
    return this.send('post', '/auth/login', { userId, password });
  }
}

interface World {
  readonly app: Hono<AppEnv>;
  readonly logs: string[];
  setNow(date: Date): void;
  advanceMinutes(minutes: number): void;
}

interface Trial {
  readonly siteA: string;
  readonly siteB: string;
  /** role -> user id; site roles at site A, plus '<role>@B' at site B */
  readonly users: Readonly<Record<string, string>>;
}

let cachedHash: Promise<string> | undefined;

async function seedTrial(store: Store): Promise<Trial> {
  cachedHash ??= hashPassword(PASSWORD);
  const hash = await cachedHash;
  const siteA = `A${fresh()}`;
  const siteB = `B${fresh()}`;
  const users: Record<string, string> = {};
  await withAuditContext(store, { user: 'seed' }, async (tx) => {
    await insertSite(tx, { siteId: siteA, name: 'Site A' });
    await insertSite(tx, { siteId: siteB, name: 'Site B' });
    const add = async (key: string, role: UserRole, siteId: string | null): Promise<void> => {
      const userId = `${role.replace('_', '-')}-${fresh()}`;
      await insertUser(tx, { userId, displayName: key, role, siteId });
      await setPasswordHash(tx, userId, hash, new Date());
      users[key] = userId;
    };
    for (const role of ROLES) await add(role, role, SITE_ROLES.includes(role) ? siteA : null);
    for (const role of SITE_ROLES) await add(`${role}@B`, role, siteB);
  });
  return { siteA, siteB, users };
}

type Refusal = { code: string; issues: { code: string; path: unknown[]; value: unknown; expected: string }[] };

const labData = { date: '2025-02-03', visit: 'C1D1', analyte: 'neutrophils', value: 0.4, unit: '10^9/L', lln: 1.8, uln: 7.5, source: 'local' };

interface Fixture {
  readonly subjectId: string;
  readonly lockedSubjectId: string;
  readonly recordId: number;
  readonly queryId: number;
  readonly answeredQueryId: number;
  readonly lockId: number;
  readonly snapshotId: number;
  readonly targetUserId: string;
  /** The IRC's blinded id of the fixture subject (it has central-lab assessments). */
  readonly caseId: string;
  /** A draft of a lab form (a record of form type 'draft') of the fixture subject. */
  readonly draftId: number;
}

/** Fresh rows at site A for one request of the matrix (a write may consume them). */
async function seedFixture(store: Store, trial: Trial): Promise<Fixture> {
  cachedHash ??= hashPassword(PASSWORD);
  const hash = await cachedHash;
  return withAuditContext(store, { user: 'seed', reason: 'fixture' }, async (tx) => {
    const subject = await insertSubject(tx, { siteId: trial.siteA });
    const lockedSubject = await insertSubject(tx, { siteId: trial.siteA });
    const record = await insertCrfRecord(tx, { subjectId: subject.subjectId, formType: 'lab', visit: 'C1D1', data: labData });
    const query = await insertQuery(tx, { subjectId: subject.subjectId, recordId: record.recordId, message: 'please confirm' });
    const draft = await insertCrfRecord(tx, { subjectId: subject.subjectId, formType: 'draft', visit: 'C2D1', data: { status: 'draft', formType: 'lab', data: { date: labData.date } } });
    for (const [date, mProtein] of [['2025-01-20', 20], ['2025-02-17', 8]] as const) {
      await insertCrfRecord(tx, { subjectId: subject.subjectId, formType: 'diseaseAssessment', visit: date, data: { date, visit: date, source: 'central', serumMProteinGPerL: mProtein } });
    }
    const answered = await insertQuery(tx, { subjectId: subject.subjectId, message: 'source?' });
    await updateQuery(tx, answered.queryId, 1, { status: 'answered', answer: 'checked' });
    const lock = await insertLock(tx, { scope: 'subject', subjectId: lockedSubject.subjectId, cutoffDate: '2025-06-30' });
    const snapshot = await createSnapshot(tx, { name: `fixture-${fresh()}`, cutoffDate: '2025-06-30', lockId: lock.lockId });
    const targetUserId = `target-${fresh()}`;
    await insertUser(tx, { userId: targetUserId, displayName: 'Target', role: 'sponsor', siteId: null });
    await setPasswordHash(tx, targetUserId, hash, new Date());
    return {
      subjectId: subject.subjectId,
      lockedSubjectId: lockedSubject.subjectId,
      recordId: record.recordId,
      queryId: query.queryId,
      answeredQueryId: answered.queryId,
      lockId: lock.lockId,
      snapshotId: snapshot.snapshotId,
      targetUserId,
      caseId: ircCaseId(await getServerKey(tx, 'irc-blinding'), subject.subjectId),
      draftId: draft.recordId,
    };
  });
}

interface MatrixRequest {
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** The request names a row of site A: a site role of site B must get 404. */
  readonly siteBound: boolean;
  /**
   * A status that also counts as allowed for a permitted role: the matrix's fixture snapshot (two bare
   * subjects) is not an analysable trial, so the report answers 422 'not-analysable' there; the report itself
   * is tested on a real trial in analysisRoutes.test.ts and the dashboard's end-to-end test.
   */
  readonly alsoAllowed?: readonly number[];
}

/** A valid request for every route; the matrix test fails if a route has none. */
const REQUESTS: Readonly<Record<string, (f: Fixture, t: Trial) => MatrixRequest>> = {
  'post /auth/logout': () => ({ path: '/auth/logout', siteBound: false }),
  'get /auth/session': () => ({ path: '/auth/session', siteBound: false }),
  'get /protocol': () => ({ path: '/protocol', siteBound: false }),
  'get /sites': () => ({ path: '/sites', siteBound: false }),
  'post /sites': () => ({ path: '/sites', body: { siteId: `N${fresh()}`, name: 'New site' }, siteBound: false }),
  'get /users': () => ({ path: '/users', siteBound: false }),
  'post /users': () => ({ path: '/users', body: { userId: `new-${fresh()}`, displayName: 'New', role: 'statistician', password: PASSWORD }, siteBound: false }),
  'patch /users/:userId': (f) => ({ path: `/users/${f.targetUserId}`, body: { version: 1, reason: 'rename', displayName: 'Renamed' }, siteBound: false }),
  'get /subjects': () => ({ path: '/subjects', siteBound: false }),
  'post /subjects': (_f, t) => ({ path: '/subjects', body: { siteId: t.siteA }, siteBound: true }),
  'get /subjects/:subjectId': (f) => ({ path: `/subjects/${f.subjectId}`, siteBound: true }),
  'post /subjects/:subjectId/status': (f) => ({ path: `/subjects/${f.subjectId}/status`, body: { status: 'screen_failure', version: 1, reason: 'not eligible' }, siteBound: true }),
  'get /subjects/:subjectId/records': (f) => ({ path: `/subjects/${f.subjectId}/records`, siteBound: true }),
  'get /subjects/:subjectId/response': (f) => ({ path: `/subjects/${f.subjectId}/response`, siteBound: true }),
  'post /subjects/:subjectId/records': (f) => ({ path: `/subjects/${f.subjectId}/records`, body: { formType: 'lab', data: labData }, siteBound: true }),
  'get /records/:recordId': (f) => ({ path: `/records/${f.recordId}`, siteBound: true }),
  'put /records/:recordId': (f) => ({ path: `/records/${f.recordId}`, body: { version: 1, reason: 'typo', data: { ...labData, value: 0.6 } }, siteBound: true }),
  'post /subjects/:subjectId/drafts': (f) => ({ path: `/subjects/${f.subjectId}/drafts`, body: { formType: 'lab', visit: 'C2D1', data: { date: labData.date } }, siteBound: true }),
  'put /drafts/:recordId': (f) => ({ path: `/drafts/${f.draftId}`, body: { version: 1, data: { date: labData.date, analyte: 'neutrophils' } }, siteBound: true }),
  'post /drafts/:recordId/complete': (f) => ({ path: `/drafts/${f.draftId}/complete`, body: { version: 1, data: labData }, siteBound: true }),
  'post /subjects/:subjectId/lab-panels': (f) => ({
    path: `/subjects/${f.subjectId}/lab-panels`,
    body: { shared: { date: labData.date, visit: 'C2D1', source: 'local' }, results: [{ analyte: 'neutrophils', value: 2.1, unit: '10^9/L' }, { analyte: 'platelets', value: 180, unit: '10^9/L' }] },
    siteBound: true,
  }),
  'get /records/:recordId/audit': (f) => ({ path: `/records/${f.recordId}/audit`, siteBound: true }),
  'get /records/:recordId/history': (f) => ({ path: `/records/${f.recordId}/history`, siteBound: true }),
  'get /subjects/:subjectId/review': (f) => ({ path: `/subjects/${f.subjectId}/review`, siteBound: true }),
  'post /records/:recordId/sdv': (f) => ({ path: `/records/${f.recordId}/sdv`, body: { version: 1 }, siteBound: true }),
  'post /records/:recordId/signature': (f) => ({ path: `/records/${f.recordId}/signature`, body: { version: 1, password: PASSWORD }, siteBound: true }),
  'post /subjects/:subjectId/signature': (f) => ({ path: `/subjects/${f.subjectId}/signature`, body: { password: PASSWORD }, siteBound: true }),
  'get /queries': () => ({ path: '/queries', siteBound: false }),
  'post /queries': (f) => ({ path: '/queries', body: { subjectId: f.subjectId, recordId: f.recordId, message: 'value plausible?' }, siteBound: true }),
  'post /queries/:queryId/answer': (f) => ({ path: `/queries/${f.queryId}/answer`, body: { version: 1, answer: 'confirmed at source' }, siteBound: true }),
  'post /queries/:queryId/close': (f) => ({ path: `/queries/${f.queryId}/close`, body: { version: 1 }, siteBound: true }),
  'post /queries/:queryId/reopen': (f) => ({ path: `/queries/${f.answeredQueryId}/reopen`, body: { version: 2, reason: 'answer incomplete' }, siteBound: true }),
  'get /locks': () => ({ path: '/locks', siteBound: false }),
  'post /locks': (f) => ({ path: '/locks', body: { scope: 'subject', subjectId: f.subjectId, cutoffDate: '2025-06-30', reason: 'interim cutoff' }, siteBound: false }),
  'post /locks/:lockId/release': (f) => ({ path: `/locks/${f.lockId}/release`, body: { version: 1, reason: 'query resolution' }, siteBound: false }),
  'get /snapshots': () => ({ path: '/snapshots', siteBound: false }),
  'post /snapshots': () => ({ path: '/snapshots', body: { name: `snap-${fresh()}`, cutoffDate: '2025-06-30' }, siteBound: false }),
  'get /snapshots/:snapshotId': (f) => ({ path: `/snapshots/${f.snapshotId}`, siteBound: false }),
  'get /irc/assessments': () => ({ path: '/irc/assessments', siteBound: false }),
  'get /analysis/dashboard': (f) => ({ path: `/analysis/dashboard?snapshotId=${f.snapshotId}`, siteBound: false }),
  'get /analysis/report': (f) => ({ path: `/analysis/report?format=html&snapshotId=${f.snapshotId}`, siteBound: false, alsoAllowed: [422] }),
  'post /irc/cases/:caseId/adjudications': (f) => ({ path: `/irc/cases/${f.caseId}/adjudications`, body: { scope: 'bestOverall', response: 'PR', reason: 'matrix' }, siteBound: false }),
  'get /summary': () => ({ path: '/summary', siteBound: false }),
  'post /imports/labs': (f) => ({
    path: '/imports/labs?file=matrix.csv',
    body: `subjectId,date,visit,analyte,value,unit,lln,uln\n${f.subjectId},2025-02-03,C1D1,hemoglobin,101,g/L,120,160\n`,
    headers: { 'content-type': 'text/csv' },
    siteBound: false,
  }),
  'get /snapshots/:snapshotId/export.csv': (f) => ({ path: `/snapshots/${f.snapshotId}/export.csv?form=lab`, siteBound: false }),
  'get /snapshots/:snapshotId/odm.xml': (f) => ({ path: `/snapshots/${f.snapshotId}/odm.xml`, siteBound: false }),
  // the matrix's snapshot holds a few hand-made records, not a whole trial: 422 (not valid trial data) is the package export's honest answer
  'get /snapshots/:snapshotId/cdisc.zip': (f) => ({ path: `/snapshots/${f.snapshotId}/cdisc.zip`, siteBound: false, alsoAllowed: [422] }),
  'get /snapshots/:snapshotId/evidence': (f) => ({ path: `/snapshots/${f.snapshotId}/evidence`, siteBound: false }),
};

const routeKey = (spec: RouteSpec): string => `${spec.method} ${spec.path}`;

function expectedStatus(spec: RouteSpec, role: UserRole, otherSite: boolean, request: MatrixRequest): 'ok' | 403 | 404 {
  if (spec.action !== 'authenticated' && spec.action !== 'public' && !PERMISSIONS[spec.action].includes(role)) return 403;
  if (otherSite && request.siteBound) return 404;
  return 'ok';
}

export function serverContract(getStore: StoreProvider): void {
  let now = new Date('2025-03-01T08:00:00Z');
  let world: World | undefined;
  const getWorld = (): World => {
    if (world === undefined) throw new Error('the app was not created (see the before hook)');
    return world;
  };
  const client = (ip = '10.0.0.1'): Client => new Client(getWorld().app, ip);
  async function signedIn(userId: string): Promise<Client> {
    const c = client(`10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);
    const reply = await c.login(userId);
    assert.equal(reply.status, 200, `login of ${userId}: ${JSON.stringify(reply.body)}`);
    return c;
  }

  /**
   * What a refused request must leave as it was: the audit entries (log and queue), the subject's CRF
   * records, queries and locks, and the idempotency keys.
   */
  async function unchanged(subjectId: string): Promise<{ assertSame(what: string): Promise<void> }> {
    const measure = async (): Promise<Record<string, number>> => {
      const { rows } = await getStore().query<{ records: number; queries: number; locks: number; keys: number; versions: number }>(
        `SELECT (SELECT count(*) FROM crf_records WHERE subject_id = $1)::int AS records,
                (SELECT count(*) FROM queries WHERE subject_id = $1)::int AS queries,
                (SELECT count(*) FROM locks)::int AS locks,
                (SELECT count(*) FROM idempotency_keys)::int AS keys,
                (SELECT coalesce(sum(version), 0) FROM crf_records WHERE subject_id = $1)::int + (SELECT version FROM subjects WHERE subject_id = $1) AS versions`,
        [subjectId],
      );
      return { audit: Number(await countAuditEntries(getStore())), ...rows[0] };
    };
    const first = await measure();
    return {
      async assertSame(what: string) {
        assert.deepEqual(await measure(), first, `${what}: nothing written`);
      },
    };
  }

  const signer = generateAuditSigner();
  let sealer: AuditSealer | undefined;
  before(async () => {
    const logs: string[] = [];
    // the server's sealer, as startServer runs it: chains and signs what the requests write
    sealer = await startAuditSealer(getStore(), signer, { batchDelayMs: 5 });
    const app = createApp({
      sealer,
      store: getStore(),
      protocol: PROTOCOL,
      clock: () => now,
      sessionTtlMinutes: 60,
      clientAddress: (c) => c.req.header('x-test-ip') ?? 'unknown',
      log: (line) => logs.push(line),
    });
    world = {
      app,
      logs,
      setNow: (date) => {
        now = date;
      },
      advanceMinutes: (minutes) => {
        now = new Date(now.getTime() + minutes * 60_000);
      },
    };
  });

  after(async () => {
    await sealer?.stop();
  });

  void describe('EDC server', () => {
    void it('answers every endpoint for every role as the permission table says (403), hides other sites (404)', async () => {
      const trial = await seedTrial(getStore());
      const sessions = new Map<string, Client>();
      for (const [key, userId] of Object.entries(trial.users)) sessions.set(key, await signedIn(userId));
      const unmatched = API_ROUTES.filter((spec) => spec.action !== 'public' && REQUESTS[routeKey(spec)] === undefined).map(routeKey);
      assert.deepEqual(unmatched, [], 'every route needs a request in the matrix');
      const failures: string[] = [];
      let checked = 0;
      for (const spec of API_ROUTES.filter((s) => s.action !== 'public')) {
        for (const [key, userId] of Object.entries(trial.users)) {
          const role = key.replace('@B', '') as UserRole;
          const otherSite = key.endsWith('@B');
          const fixture = await seedFixture(getStore(), trial);
          const request = REQUESTS[routeKey(spec)](fixture, trial);
          // logout ends the session: use a session of its own
          const session = spec.path === '/auth/logout' ? await signedIn(userId) : sessions.get(key);
          assert.ok(session !== undefined);
          const reply = await session.send(spec.method, request.path, request.body, request.headers);
          const expected = expectedStatus(spec, role, otherSite, request);
          const good = expected === 'ok' ? (reply.status >= 200 && reply.status < 300) || (request.alsoAllowed ?? []).includes(reply.status) : reply.status === expected;
          if (!good) failures.push(`${routeKey(spec)} as ${key}: expected ${expected}, got ${reply.status} ${JSON.stringify(reply.body)}`);
          checked += 1;
        }
      }
      assert.deepEqual(failures, []);
      assert.equal(checked, API_ROUTES.filter((s) => s.action !== 'public').length * Object.keys(trial.users).length);
    });

    void it('answers 401 on every non-public endpoint without a session', async () => {
      const anonymous = client();
      for (const spec of API_ROUTES.filter((s) => s.action !== 'public')) {
        const reply = await anonymous.send(spec.method, spec.path.replace(/:[A-Za-z]+/g, '1'), spec.body === undefined ? undefined : {});
        assert.equal(reply.status, 401, routeKey(spec));
      }
    });

    void it('lists only the own site to a site role', async () => {
      const trial = await seedTrial(getStore());
      const fixture = await seedFixture(getStore(), trial);
      const b = await signedIn(trial.users['coordinator@B']);
      const subjects = (await b.send('get', '/subjects')).body.subjects as { subjectId: string; siteId: string }[];
      assert.ok(subjects.every((s) => s.siteId === trial.siteB));
      assert.ok(!subjects.some((s) => s.subjectId === fixture.subjectId));
      const sites = (await b.send('get', '/sites')).body.sites as { siteId: string }[];
      assert.deepEqual(sites.map((s) => s.siteId), [trial.siteB]);
      const queries = (await b.send('get', '/queries')).body.queries as { subjectId: string }[];
      assert.ok(!queries.some((q) => q.subjectId === fixture.subjectId));
    });

    void it('signs in with an argon2id hash, sets a strict HttpOnly cookie, and signs out', async () => {
      const trial = await seedTrial(getStore());
      const { rows } = await getStore().query<{ password_hash: string }>('SELECT password_hash FROM credentials WHERE user_id = $1', [trial.users.admin]);
      assert.match(rows[0].password_hash, /^\$argon2id\$/);
      const c = client('10.2.0.1');
      const reply = await c.login(trial.users.admin);
      assert.equal(reply.status, 200);
      const cookie = reply.headers.get('set-cookie') ?? '';
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      assert.match(cookie, /Max-Age=3600/);
      assert.equal((await c.send('get', '/auth/session')).status, 200);
      assert.equal((await c.send('post', '/auth/logout')).status, 204);
      c.cookie = cookie.split(';')[0];
      assert.equal((await c.send('get', '/auth/session')).status, 401, 'the old cookie is dead after logout');
    });

    void it('reads the session cookie among others, and refuses a missing or unknown token every time it is sent', async () => {
      const trial = await seedTrial(getStore());
      const c = client('10.2.0.2');
      const reply = await c.login(trial.users.admin);
      const session = (reply.headers.get('set-cookie') ?? '').split(';')[0];
      const [name, token] = session.split('=');
      // each header twice: its first answer and the remembered one agree
      const cases: [string, number][] = [
        [session, 200],
        [`theme=dark; ${session}; lang=en`, 200],
        [`${name}="${token}"`, 200],
        [`${name}=${token.slice(0, -1)}x`, 401],
        ['theme=dark', 401],
        [`${name}=`, 401],
      ];
      for (const [header, status] of [...cases, ...cases]) {
        c.cookie = header;
        assert.equal((await c.send('get', '/auth/session')).status, status, header);
      }
      c.cookie = session;
      assert.equal((await c.send('post', '/auth/logout')).status, 204);
      for (const [header] of cases.slice(0, 3)) {
        c.cookie = header;
        assert.equal((await c.send('get', '/auth/session')).status, 401, `${header} after logout`);
      }
    });

    void it('applies a deactivation and a rename to a session in use at once (the session lookup is reused only until a user changes)', async () => {
      const trial = await seedTrial(getStore());
      const admin = await signedIn(trial.users.admin);
      const investigator = await signedIn(trial.users.investigator);
      // requests back to back: the second is answered from the reused lookup
      assert.equal((await investigator.send('get', '/auth/session')).body.displayName, 'investigator');
      assert.equal((await investigator.send('get', '/subjects')).status, 200);
      const renamed = await admin.send('patch', `/users/${trial.users.investigator}`, { version: 1, reason: 'name as in the delegation log', displayName: 'Dr Renamed' });
      assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
      assert.equal((await investigator.send('get', '/auth/session')).body.displayName, 'Dr Renamed', 'the rename shows on the next request');
      const deactivated = await admin.send('patch', `/users/${trial.users.investigator}`, { version: renamed.body.version as number, reason: 'left the site', active: false });
      assert.equal(deactivated.status, 200, JSON.stringify(deactivated.body));
      assert.equal((await investigator.send('get', '/subjects')).status, 401, 'the deactivated account is signed out on its next request');
      assert.equal((await investigator.send('post', '/subjects', {})).status, 401, 'and cannot write');
    });

    void it('expires a session after its lifetime', async () => {
      const trial = await seedTrial(getStore());
      const c = await signedIn(trial.users.sponsor);
      getWorld().advanceMinutes(59);
      assert.equal((await c.send('get', '/summary')).status, 200);
      getWorld().advanceMinutes(2);
      assert.equal((await c.send('get', '/summary')).status, 401);
    });

    void it('throttles failed sign-ins per user and address, then lets them in after the pause', async () => {
      const trial = await seedTrial(getStore());
      const userId = trial.users.statistician;
      const c = client('10.3.0.1');
      for (let i = 0; i < LOGIN_THROTTLE.maxFailures; i++) assert.equal((await c.login(userId, 'wrong password!')).status, 401);
      const blocked = await c.login(userId);
      assert.equal(blocked.status, 429, 'even the right password waits');
      assert.ok(Number(blocked.headers.get('retry-after')) > 0);
      assert.equal((await client('10.3.0.2').login(userId)).status, 200, 'another address is not blocked');
      getWorld().advanceMinutes(LOGIN_THROTTLE.blockMinutes + 1);
      assert.equal((await c.login(userId)).status, 200);
      assert.equal((await c.login('no-such-user', 'whatever')).status, 401, 'an unknown user gets the same answer');
    });

    void it('answers a stale version with 409 and keeps the first write', async () => {
      const trial = await seedTrial(getStore());
      const fixture = await seedFixture(getStore(), trial);
      const c = await signedIn(trial.users.coordinator);
      const first = await c.send('put', `/records/${fixture.recordId}`, { version: 1, reason: 'typo', data: { ...labData, value: 0.6 } });
      assert.equal(first.status, 200);
      const stale = await c.send('put', `/records/${fixture.recordId}`, { version: 1, reason: 'typo', data: { ...labData, value: 0.9 } });
      assert.equal(stale.status, 409);
      assert.deepEqual((stale.body.error as Record<string, unknown>).currentVersion, 2);
      const now2 = await c.send('get', `/records/${fixture.recordId}`);
      assert.equal(((now2.body.record as Record<string, unknown>).data as Record<string, unknown>).value, 0.6);
    });

    void it('replays a retried POST with the same Idempotency-Key instead of writing twice', async () => {
      const trial = await seedTrial(getStore());
      const fixture = await seedFixture(getStore(), trial);
      const c = await signedIn(trial.users.investigator);
      const key = fresh();
      const body = { formType: 'lab', data: { ...labData, value: 1.2 } };
      const first = await c.send('post', `/subjects/${fixture.subjectId}/records`, body, { 'idempotency-key': key });
      const again = await c.send('post', `/subjects/${fixture.subjectId}/records`, body, { 'idempotency-key': key });
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(again.body, first.body);
      const { rows } = await getStore().query<{ n: number }>("SELECT count(*)::int AS n FROM crf_records WHERE subject_id = $1 AND (data ->> 'value')::numeric = 1.2", [fixture.subjectId]);
      assert.equal(rows[0].n, 1);
      const other = await c.send('post', `/subjects/${fixture.subjectId}/records`, { ...body, visit: 'C2D1' }, { 'idempotency-key': key });
      assert.equal(other.status, 422);
    });

    void it('refuses bad input with 422 naming path, value and expected, and changes nothing', async () => {
      const trial = await seedTrial(getStore());
      const fixture = await seedFixture(getStore(), trial);
      const c = await signedIn(trial.users.coordinator);
      const count = async (): Promise<number> => countAuditEntries(getStore());
      const before = await count();
      const reply = await c.send('post', `/subjects/${fixture.subjectId}/records`, { formType: 'lab', data: { ...labData, value: 'low', source: 'elsewhere' } });
      assert.equal(reply.status, 422);
      const issues = (reply.body.error as { issues: { path: unknown[]; value: unknown; expected: string }[] }).issues;
      const value = issues.find((i) => JSON.stringify(i.path) === JSON.stringify(['data', 'value']));
      assert.equal(value?.value, 'low');
      assert.match(value?.expected ?? '', /number/);
      const source = issues.find((i) => JSON.stringify(i.path) === JSON.stringify(['data', 'source']));
      assert.match(source?.expected ?? '', /"central", "local"/);
      assert.equal((await c.send('put', `/records/${fixture.recordId}`, { version: 1, data: labData })).status, 422, 'a correction needs a reason');
      assert.equal((await c.send('post', `/subjects/${fixture.subjectId}/records`, '{not json')).status, 400);
      assert.equal(await count(), before);
    });

    void it('refuses a value outside a hard limit of the form metadata, or a future date, with 422 naming path, value and limit, and writes nothing', async () => {
      const trial = await seedTrial(getStore());
      const fixture = await seedFixture(getStore(), trial);
      const c = await signedIn(trial.users.coordinator);
      const count = async (): Promise<number> => countAuditEntries(getStore());
      const before = await count();
      const negative = await c.send('post', `/subjects/${fixture.subjectId}/records`, { formType: 'lab', data: { ...labData, value: -0.4 } });
      assert.equal(negative.status, 422);
      const error = negative.body.error as Refusal;
      assert.deepEqual(error.issues.map((i) => [i.code, i.path, i.value]), [['too-small', ['data', 'value'], -0.4]]);
      assert.match(error.issues[0].expected, /^>= 0 \(.*cannot be negative\)/);
      const heavy = await c.send('post', `/subjects/${fixture.subjectId}/records`, { formType: 'demographics', data: { birthDate: '1950-02-01', sex: 'F', weightKg: 800, heightCm: 160, ecog: 1 } });
      assert.equal(heavy.status, 422);
      const limit = (heavy.body.error as Refusal).issues;
      assert.deepEqual(limit.map((i) => [i.path, i.value]), [[['data', 'weightKg'], 800]]);
      assert.match(limit[0].expected, /<= 700 kg \(no living adult weighs this\)/, 'the limit, its unit and its note from the metadata');
      const future = await c.send('put', `/records/${fixture.recordId}`, { version: 1, reason: 'date', data: { ...labData, date: '2025-03-05' } });
      assert.equal(future.status, 422);
      assert.equal((future.body.error as Refusal).code, 'implausible-value');
      assert.deepEqual((future.body.error as Refusal).issues.map((i) => [i.code, i.path, i.value]), [['future-date', ['data', 'date'], '2025-03-05']]);
      assert.equal(await count(), before, 'nothing written');
      const record = await c.send('get', `/records/${fixture.recordId}`);
      assert.equal((record.body.record as { version: number }).version, 1);
    });

    void it('refuses a second screening of an enrolled subject (409 naming the subject and its state, nothing stored); a screen failure is re-screened through its status', async () => {
      const trial = await seedTrial(getStore());
      const c = await signedIn(trial.users.investigator);
      const screening = JSON.parse(readFileSync(repoPath('examples', 'nct05236621', 'screening-eligible.json'), 'utf8')) as Record<string, unknown>;
      const register = async (): Promise<string> => String((await c.send('post', '/subjects', {})).body.subjectId);
      const enrolled = await register();
      assert.equal((await c.send('post', `/subjects/${enrolled}/records`, { formType: 'screening', data: screening })).status, 201);
      assert.equal((await c.send('post', `/subjects/${enrolled}/status`, { status: 'enrolled', version: 1, reason: 'eligible' })).status, 200);
      const before = await unchanged(enrolled);
      const again = await c.send('post', `/subjects/${enrolled}/records`, { formType: 'screening', data: { ...screening, screeningDate: '2021-06-01' } });
      assert.equal(again.status, 409);
      const error = again.body.error as Refusal & { subjectId: string; status: string; message: string };
      assert.deepEqual([error.code, error.subjectId, error.status], ['subject-state', enrolled, 'enrolled']);
      assert.match(error.message, new RegExp(`subject ${enrolled} is enrolled`));
      assert.deepEqual(error.issues.map((i) => [i.path, i.value]), [[['formType'], 'screening']]);
      await before.assertSame('a refused screening');
      const subject = await c.send('get', `/subjects/${enrolled}`);
      assert.deepEqual([subject.body.status, subject.body.version], ['enrolled', 2], 'the enrolment stands');

      // the state machine: enrolled -> on_treatment -> follow_up -> off_study; a skipped state is refused naming the moves
      const skip = await c.send('post', `/subjects/${enrolled}/status`, { status: 'follow_up', version: 2, reason: 'end of treatment' });
      assert.equal(skip.status, 409);
      assert.match((skip.body.error as Refusal).issues[0].expected, /one of on_treatment, off_study \(subject .* is enrolled\)/);
      let version = 2;
      for (const status of ['on_treatment', 'follow_up', 'off_study']) {
        const moved = await c.send('post', `/subjects/${enrolled}/status`, { status, version, reason: `to ${status}` });
        assert.equal(moved.status, 200, `${status}: ${JSON.stringify(moved.body)}`);
        version += 1;
      }
      const final = await c.send('post', `/subjects/${enrolled}/status`, { status: 'screening', version, reason: 'again' });
      assert.equal(final.status, 409);
      assert.match((final.body.error as Refusal).issues[0].expected, /nothing: off_study is final/);

      // the re-screen path of a screen failure: back to screening with a reason, then a new screening record
      const failed = await register();
      assert.equal((await c.send('post', `/subjects/${failed}/records`, { formType: 'screening', data: screening })).status, 201);
      assert.equal((await c.send('post', `/subjects/${failed}/status`, { status: 'screen_failure', version: 1, reason: 'washout not complete' })).status, 200);
      const early = await c.send('post', `/subjects/${failed}/records`, { formType: 'screening', data: screening });
      assert.equal(early.status, 409);
      assert.match((early.body.error as Refusal).issues[0].expected, new RegExp(`re-screen first: POST /subjects/${failed}/status with status 'screening'`));
      assert.equal((await c.send('post', `/subjects/${failed}/status`, { status: 'screening', version: 2, reason: 're-screened after the washout' })).status, 200);
      assert.equal((await c.send('post', `/subjects/${failed}/records`, { formType: 'screening', data: { ...screening, screeningDate: '2021-05-12' } })).status, 201);
      assert.equal((await c.send('post', `/subjects/${failed}/status`, { status: 'enrolled', version: 3, reason: 'eligible at re-screening' })).status, 200);
    });

    void it('refuses a physiologically impossible lab value (haemoglobin 900 g/L) with 422 naming field, value and limit; a rare value is saved with a query', async () => {
      const trial = await seedTrial(getStore());
      const fixture = await seedFixture(getStore(), trial);
      const c = await signedIn(trial.users.coordinator);
      const before = await unchanged(fixture.subjectId);
      const hb = { ...labData, analyte: 'hemoglobin', unit: 'g/L', lln: 120, uln: 160 };
      for (const [value, unit] of [[900, 'g/L'], [90, 'g/dL']] as const) {
        const reply = await c.send('post', `/subjects/${fixture.subjectId}/records`, { formType: 'lab', data: { ...hb, value, unit } });
        assert.equal(reply.status, 422, `${value} ${unit}`);
        const error = reply.body.error as Refusal;
        assert.equal(error.code, 'implausible-value');
        assert.deepEqual(error.issues.map((i) => [i.code, i.path, i.value]), [['out-of-range', ['data', 'value'], value]]);
        assert.match(error.issues[0].expected, /<= 370 g\/L/, 'the limit in the limit unit');
        assert.match(error.issues[0].expected, /packed red cells/, 'and why');
      }
      const correction = await c.send('put', `/records/${fixture.recordId}`, { version: 1, reason: 'analyte', data: { ...hb, value: 900 } });
      assert.equal(correction.status, 422, 'a correction meets the same limit');
      await before.assertSame('refused lab values');
      const rare = await c.send('post', `/subjects/${fixture.subjectId}/records`, { formType: 'lab', data: { ...hb, value: 260 } });
      assert.equal(rare.status, 201);
      assert.deepEqual((rare.body.editChecks as { checkCode: string }[]).map((f) => f.checkCode), ['RANGE']);
    });

    void it('refuses an adverse event that ends before its onset, and a term longer than 200 characters (a 4,001-character one too), naming the field; nothing stored', async () => {
      const trial = await seedTrial(getStore());
      const fixture = await seedFixture(getStore(), trial);
      const c = await signedIn(trial.users.investigator);
      const [drug, companion] = PROTOCOL.definition.regimen.drugs;
      const ae = {
        sequence: 1,
        reportedTerm: 'nausea',
        preferredTerm: 'Nausea',
        onsetDate: '2025-02-10',
        endDate: '2025-02-14',
        grade: 1,
        serious: false,
        relatedness: { [drug.id]: 'not-related', [companion.id]: 'not-related' },
        actionTaken: { [drug.id]: 'none', [companion.id]: 'none' },
        ledToStudyDiscontinuation: false,
        outcome: 'recovered',
      };
      const before = await unchanged(fixture.subjectId);
      const backwards = await c.send('post', `/subjects/${fixture.subjectId}/records`, { formType: 'adverseEvent', data: { ...ae, endDate: '2025-02-01' } });
      assert.equal(backwards.status, 422);
      const order = (backwards.body.error as Refusal).issues;
      assert.deepEqual(order.map((i) => [i.path, i.value]), [[['data', 'endDate'], '2025-02-01']]);
      assert.match(order[0].expected, /on or after onsetDate 2025-02-10/);
      for (const length of [201, 4001]) {
        const long = await c.send('post', `/subjects/${fixture.subjectId}/records`, { formType: 'adverseEvent', data: { ...ae, reportedTerm: 'x'.repeat(length) } });
        assert.equal(long.status, 422, `${length} characters`);
        const issues = (long.body.error as Refusal).issues;
        assert.deepEqual(issues.map((i) => i.path), [['data', 'reportedTerm']]);
        assert.match(issues[0].expected, /at most (200|4000|4,000) characters/);
        assert.ok(String(issues[0].value).length < 200, 'the value is echoed cut');
      }
      await before.assertSame('refused adverse events');
      assert.equal((await c.send('post', `/subjects/${fixture.subjectId}/records`, { formType: 'adverseEvent', data: { ...ae, reportedTerm: 'x'.repeat(200) } })).status, 201);
    });

    void it('refuses a visit dated before informed consent or after today (the server clock), with 422 naming the field and the date expected', async () => {
      const trial = await seedTrial(getStore());
      const c = await signedIn(trial.users.investigator);
      const subjectId = String((await c.send('post', '/subjects', {})).body.subjectId);
      const screening = JSON.parse(readFileSync(repoPath('examples', 'nct05236621', 'screening-eligible.json'), 'utf8')) as Record<string, unknown>;
      assert.equal((await c.send('post', `/subjects/${subjectId}/records`, { formType: 'screening', data: screening })).status, 201);
      const before = await unchanged(subjectId);
      const early = await c.send('post', `/subjects/${subjectId}/records`, { formType: 'lab', data: { ...labData, date: '2021-05-01' } });
      assert.equal(early.status, 422);
      const error = early.body.error as Refusal;
      assert.equal(error.code, 'before-consent');
      assert.deepEqual(error.issues.map((i) => [i.path, i.value]), [[['data', 'date'], '2021-05-01']]);
      assert.match(error.issues[0].expected, /on or after 2021-05-08/);
      const future = await c.send('post', `/subjects/${subjectId}/records`, { formType: 'lab', data: { ...labData, date: '2025-03-09' } });
      assert.equal(future.status, 422);
      assert.match((future.body.error as Refusal).issues[0].expected, /on or before 2025-03-02 \(today is 2025-03-01\)/);
      await before.assertSame('refused visit dates');
      const onConsent = await c.send('post', `/subjects/${subjectId}/records`, { formType: 'lab', data: { ...labData, date: '2021-05-08' } });
      assert.equal(onConsent.status, 201, 'the day of consent is after consent');
      const recordId = (onConsent.body.record as { recordId: number }).recordId;
      const moved = await c.send('put', `/records/${recordId}`, { version: 1, reason: 'date', data: { ...labData, date: '2021-05-07' } });
      assert.equal(moved.status, 422, 'a correction meets the same rule');
    });

    void it('refuses a query on a field path that the record form does not have (422 naming the path and the fields), and a lock without a reason', async () => {
      const trial = await seedTrial(getStore());
      const fixture = await seedFixture(getStore(), trial);
      const dm = await signedIn(trial.users.data_manager);
      const before = await unchanged(fixture.subjectId);
      const bad = await dm.send('post', '/queries', { subjectId: fixture.subjectId, recordId: fixture.recordId, fieldPath: 'no.such.field', message: 'check' });
      assert.equal(bad.status, 422);
      const error = bad.body.error as Refusal;
      assert.equal(error.code, 'unknown-field');
      assert.deepEqual(error.issues.map((i) => [i.path, i.value]), [[['fieldPath'], 'no.such.field']]);
      assert.match(error.issues[0].expected, /a field of the record's form lab: date, visit, analyte, value, unit/);
      const other = await dm.send('post', '/queries', { subjectId: fixture.subjectId, recordId: fixture.recordId, fieldPath: 'weightKg', message: 'check' });
      assert.equal(other.status, 422, "a field of another form is not the record's");
      const loose = await dm.send('post', '/queries', { subjectId: fixture.subjectId, fieldPath: 'no.such.field', message: 'check' });
      assert.equal(loose.status, 422, 'a subject query names a field of some form of the protocol');
      const noReason = await dm.send('post', '/locks', { scope: 'subject', subjectId: fixture.subjectId, cutoffDate: '2025-06-30' });
      assert.equal(noReason.status, 422);
      assert.deepEqual((noReason.body.error as Refusal).issues.map((i) => i.path), [['reason']]);
      await before.assertSame('a refused query and lock');
      assert.equal((await dm.send('post', '/queries', { subjectId: fixture.subjectId, recordId: fixture.recordId, fieldPath: 'value', message: 'ANC?' })).status, 201);
      assert.equal((await dm.send('post', '/queries', { subjectId: fixture.subjectId, fieldPath: 'weightKg', message: 'weight?' })).status, 201);
      const lock = await dm.send('post', '/locks', { scope: 'subject', subjectId: fixture.subjectId, cutoffDate: '2025-06-30', reason: 'interim analysis cutoff' });
      assert.equal(lock.status, 201);
      const { rows } = await getStore().query<{ reason: string | null }>(
        "SELECT reason FROM (SELECT table_name, record_id, reason FROM audit_log UNION ALL SELECT table_name, record_id, reason FROM audit_queue) a WHERE table_name = 'locks' AND record_id = $1",
        [String(lock.body.lockId)],
      );
      assert.deepEqual(rows.map((r) => r.reason), ['interim analysis cutoff'], 'the reason is in the audit trail');
    });

    void it('replays a keyed save across a restart and a keyed correction; a refused request stores no key', async () => {
      const trial = await seedTrial(getStore());
      const fixture = await seedFixture(getStore(), trial);
      const c = await signedIn(trial.users.coordinator);
      const key = fresh();
      const body = { formType: 'lab', data: { ...labData, value: 1.7 } };
      const first = await c.send('post', `/subjects/${fixture.subjectId}/records`, body, { 'idempotency-key': key });
      assert.equal(first.status, 201);
      // a new server on the same database (a restart): the key is in the database, not in memory
      const restarted = new Client(createApp({ store: getStore(), protocol: PROTOCOL, clock: () => now, clientAddress: () => 'restart' }), c.ip);
      restarted.cookie = c.cookie;
      const before = await unchanged(fixture.subjectId);
      const again = await restarted.send('post', `/subjects/${fixture.subjectId}/records`, body, { 'idempotency-key': key });
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(again.body, first.body);
      const reused = await restarted.send('post', `/subjects/${fixture.subjectId}/records`, { ...body, data: { ...labData, value: 1.8 } }, { 'idempotency-key': key });
      assert.equal(reused.status, 422);
      assert.deepEqual((reused.body.error as Refusal).issues.map((i) => [i.code, i.path]), [['idempotency-key-reused', ['Idempotency-Key']]]);
      await before.assertSame('a replay and a reused key');

      const put = { version: 1, reason: 'transcription', data: { ...labData, value: 0.45 } };
      const putKey = fresh();
      const corrected = await c.send('put', `/records/${fixture.recordId}`, put, { 'idempotency-key': putKey });
      assert.equal(corrected.status, 200);
      const retried = await c.send('put', `/records/${fixture.recordId}`, put, { 'idempotency-key': putKey });
      assert.deepEqual([retried.status, retried.body], [200, corrected.body], 'the retry of a correction answers as the first, not 409 stale');

      const refusedKey = fresh();
      const refused = await c.send('post', `/subjects/${fixture.subjectId}/records`, { formType: 'lab', data: { ...labData, value: -1 } }, { 'idempotency-key': refusedKey });
      assert.equal(refused.status, 422);
      const { rows } = await getStore().query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1', [refusedKey]);
      assert.equal(rows[0].n, 0, 'a refusal stores no key: the corrected request may use it');
      assert.equal((await c.send('post', `/subjects/${fixture.subjectId}/records`, { formType: 'lab', data: { ...labData, value: 1 } }, { 'idempotency-key': refusedKey })).status, 201);
    });

    void it('refuses a form type the protocol does not define with 422 naming it and the forms it has', async () => {
      const trial = await seedTrial(getStore());
      const fixture = await seedFixture(getStore(), trial);
      const c = await signedIn(trial.users.investigator);
      const reply = await c.send('post', `/subjects/${fixture.subjectId}/records`, { formType: 'tumourAssessment', data: { date: '2025-02-01' } });
      assert.equal(reply.status, 422);
      const error = reply.body.error as { code: string; message: string; issues: { path: unknown[]; value: unknown; expected: string }[] };
      assert.equal(error.code, 'unknown-form');
      assert.match(error.message, /tumourAssessment/);
      assert.deepEqual([error.issues[0].path, error.issues[0].value], [['formType'], 'tumourAssessment']);
      for (const form of PROTOCOL.definition.forms.filter((f) => f.siteHidden !== true)) assert.ok(error.issues[0].expected.includes(form.id), form.id);
      const hidden = PROTOCOL.definition.forms.find((f) => f.siteHidden === true);
      assert.ok(hidden !== undefined, 'the protocol hides a form from sites');
      const sneaky = await c.send('post', `/subjects/${fixture.subjectId}/records`, { formType: hidden.id, data: {} });
      assert.equal(sneaky.status, 422, 'a site role cannot write a form hidden from sites');
      assert.equal((sneaky.body.error as { code: string }).code, 'unknown-form');
      assert.equal((await c.send('get', `/snapshots/${fixture.snapshotId}/export.csv?form=tumourAssessment`)).status, 403);
      const dm = await signedIn(trial.users.data_manager);
      const csv = await dm.send('get', `/snapshots/${fixture.snapshotId}/export.csv?form=tumourAssessment`);
      assert.equal(csv.status, 400);
      assert.match(JSON.stringify(csv.body), /a form of the protocol/);
    });

    void it('saves an implausible but possible value and raises a RANGE query on its field', async () => {
      const trial = await seedTrial(getStore());
      const fixture = await seedFixture(getStore(), trial);
      const c = await signedIn(trial.users.investigator);
      const saved = await c.send('post', `/subjects/${fixture.subjectId}/records`, { formType: 'lab', data: { ...labData, analyte: 'hemoglobin', value: 1.1, unit: 'g/dL', lln: 12, uln: 16 } });
      assert.equal(saved.status, 201, JSON.stringify(saved.body));
      const checks = saved.body.editChecks as { checkCode: string; fieldPath: string; message: string }[];
      assert.deepEqual(checks.map((f) => [f.checkCode, f.fieldPath]), [['RANGE', 'value']]);
      assert.match(checks[0].message, /1\.1 g\/dL/);
      const [queryId] = saved.body.raisedQueryIds as number[];
      const recordId = (saved.body.record as { recordId: number }).recordId;
      const queries = (await c.send('get', '/queries')).body.queries as { queryId: number; recordId: number; checkCode: string; fieldPath: string; status: string }[];
      const query = queries.find((q) => q.queryId === queryId);
      assert.deepEqual(query === undefined ? undefined : [query.recordId, query.checkCode, query.fieldPath, query.status], [recordId, 'RANGE', 'value', 'open']);
      const read = await c.send('get', `/records/${recordId}`);
      assert.deepEqual((read.body.editChecks as { checkCode: string }[]).map((f) => f.checkCode), ['RANGE']);
      const corrected = await c.send('put', `/records/${recordId}`, { version: 1, reason: 'transcription: 11 g/dL', data: { ...labData, analyte: 'hemoglobin', value: 11, unit: 'g/dL', lln: 12, uln: 16 } });
      assert.deepEqual(corrected.body.editChecks, []);
    });

    void it('enforces a lock over HTTP (423) and lets writes through after release', async () => {
      const trial = await seedTrial(getStore());
      const fixture = await seedFixture(getStore(), trial);
      const dm = await signedIn(trial.users.data_manager);
      const site = await signedIn(trial.users.coordinator);
      const lock = await dm.send('post', '/locks', { scope: 'subject', subjectId: fixture.subjectId, cutoffDate: '2025-06-30', reason: 'database lock' });
      assert.equal(lock.status, 201);
      const blocked = await site.send('put', `/records/${fixture.recordId}`, { version: 1, reason: 'late', data: { ...labData, value: 0.7 } });
      assert.equal(blocked.status, 423);
      assert.equal((await site.send('post', `/subjects/${fixture.subjectId}/records`, { formType: 'lab', data: labData })).status, 423);
      const snapshot = await dm.send('post', '/snapshots', { name: `lock-${fresh()}`, cutoffDate: '2025-06-30', lockId: lock.body.lockId });
      assert.equal(snapshot.status, 201);
      const stat = await signedIn(trial.users.statistician);
      const read = await stat.send('get', `/snapshots/${String(snapshot.body.snapshotId)}`);
      assert.equal(read.body.contentHash, snapshot.body.contentHash);
      assert.equal((await dm.send('post', `/locks/${String(lock.body.lockId)}/release`, { version: 1, reason: 'query resolution' })).status, 200);
      assert.equal((await site.send('put', `/records/${fixture.recordId}`, { version: 1, reason: 'late', data: { ...labData, value: 0.7 } })).status, 200);
    });

    void it('moves a query open -> answered -> closed through the API and shows the record audit trail', async () => {
      const trial = await seedTrial(getStore());
      const fixture = await seedFixture(getStore(), trial);
      const dm = await signedIn(trial.users.data_manager);
      const site = await signedIn(trial.users.investigator);
      const raised = await dm.send('post', '/queries', { subjectId: fixture.subjectId, recordId: fixture.recordId, fieldPath: 'value', message: 'ANC 0.4?' });
      assert.equal(raised.status, 201);
      const id = String(raised.body.queryId);
      assert.equal((await site.send('post', `/queries/${id}/answer`, { version: 1, answer: 'confirmed' })).status, 200);
      assert.equal((await dm.send('post', `/queries/${id}/close`, { version: 2 })).status, 200);
      assert.equal((await site.send('post', `/queries/${id}/answer`, { version: 3, answer: 'again' })).status, 409);
      await site.send('put', `/records/${fixture.recordId}`, { version: 1, reason: 'transcription error', data: { ...labData, value: 0.5 } });
      const audit = await dm.send('get', `/records/${fixture.recordId}/audit`);
      const entries = audit.body.entries as { action: string; reason: string | null; changedBy: string }[];
      assert.deepEqual(entries.map((e) => e.action), ['create', 'update']);
      assert.equal(entries[1].reason, 'transcription error');
      assert.equal(entries[1].changedBy, trial.users.investigator);
    });

    void it("derives on save from the protocol: CTCAE grade, eligibility, the response on the protocol's scale, each drug's next dose, and raises edit-check queries", async () => {
      const trial = await seedTrial(getStore());
      const c = await signedIn(trial.users.investigator);
      const subject = await c.send('post', '/subjects', {});
      assert.equal(subject.status, 201);
      const subjectId = String(subject.body.subjectId);
      assert.match(subjectId, new RegExp(`^${trial.siteA}-\\d{3}$`));
      const lab = await c.send('post', `/subjects/${subjectId}/records`, { formType: 'lab', data: labData });
      const grades = (lab.body.derived as { ctcae: { term: string; grade: number }[] }).ctcae;
      assert.deepEqual(grades.find((g) => g.term === 'Neutrophil count decreased')?.grade, 4);

      const screening = JSON.parse(readFileSync(repoPath('examples', 'nct05236621', 'screening-eligible.json'), 'utf8')) as Record<string, unknown>;
      const saved = await c.send('post', `/subjects/${subjectId}/records`, { formType: 'screening', data: screening });
      assert.equal(saved.status, 201, JSON.stringify(saved.body));
      const eligibility = (saved.body.derived as { eligibility: { eligible: boolean; criteria: { id: string }[] } }).eligibility;
      assert.equal(eligibility.eligible, true);
      assert.deepEqual(eligibility.criteria.map((x) => x.id), PROTOCOL.definition.eligibility.criteria.map((x) => x.id));
      const enrol = await c.send('post', `/subjects/${subjectId}/status`, { status: 'enrolled', version: 1, reason: 'eligible' });
      assert.equal(enrol.status, 200);

      const [drug, companion] = PROTOCOL.definition.regimen.drugs;
      const ae = await c.send('post', `/subjects/${subjectId}/records`, {
        formType: 'adverseEvent',
        data: {
          sequence: 1,
          reportedTerm: 'fatigue',
          preferredTerm: 'Fatigue',
          onsetDate: '2021-05-01',
          grade: 1,
          serious: false,
          relatedness: { [drug.id]: 'not-related', [companion.id]: 'not-related' },
          actionTaken: { [drug.id]: 'none', [companion.id]: 'none' },
          ledToStudyDiscontinuation: false,
          outcome: 'recovered',
        },
      });
      assert.equal(ae.status, 201, JSON.stringify(ae.body));
      assert.equal((ae.body.editChecks as { checkCode: string }[])[0]?.checkCode, 'AE-BEFORE-CONSENT');
      assert.equal((ae.body.raisedQueryIds as number[]).length, 1);

      // the protocol's assessment form, read by its response binding (the central laboratory is the IRC's source)
      const assess = (date: string, value: number | undefined): unknown => ({ formType: 'diseaseAssessment', data: { date, visit: date, source: 'central', ...(value === undefined ? {} : { serumMProteinGPerL: value }) } });
      type Evaluation = { evaluator: string; source: string; assessment: { response: string; confirmed: boolean } | null; best: string };
      const evaluations = (reply: { body: Record<string, unknown> }): Evaluation[] => (reply.body.derived as { response: { scale: string; evaluations: Evaluation[] } }).response.evaluations;
      const baseline = await c.send('post', `/subjects/${subjectId}/records`, assess('2021-05-18', 20));
      assert.deepEqual(evaluations(baseline).map((e) => [e.source, e.assessment, e.best]), [['central', null, 'NE']], 'the baseline has no response yet');
      await c.send('post', `/subjects/${subjectId}/records`, assess('2021-06-17', 8));
      const second = await c.send('post', `/subjects/${subjectId}/records`, assess('2021-07-15', 7));
      assert.equal((second.body.derived as { response: { scale: string } }).response.scale, PROTOCOL.definition.response.scale.id);
      const [central] = evaluations(second);
      assert.deepEqual([central.evaluator, central.assessment?.response, central.best], [PROTOCOL.definition.response.evaluators.find((e) => e.source === 'central')?.id, 'PR', 'PR']);
      const over = await c.send('get', `/subjects/${subjectId}/response`);
      assert.equal(over.status, 200);
      const all = (over.body.evaluations as (Evaluation & { assessments: { date: string; response: string }[] })[]).find((e) => e.source === 'central');
      assert.deepEqual(all?.assessments.map((a) => [a.date, a.response]), [['2021-06-17', 'PR'], ['2021-07-15', 'PR']]);
      const missing = await c.send('post', `/subjects/${subjectId}/records`, assess('2021-08-12', undefined));
      assert.deepEqual(
        (missing.body.editChecks as { checkCode: string; fieldPath: string }[]).map((f) => [f.checkCode, f.fieldPath]),
        [['RESP-MISSING-QUALIFYING-PARAMETER', 'serumMProteinGPerL']],
        "the criterion's remark on the saved row, raised on its field",
      );

      const dose = await c.send('post', `/subjects/${subjectId}/records`, {
        formType: 'dosing',
        data: { cycle: 1, drug: drug.id, startDate: '2021-05-20', endDate: '2021-06-09', plannedDoseMg: drug.startingDose.mg, plannedDays: 21, doseGivenMg: drug.startingDose.mg, daysGiven: 21, delayed: false, interrupted: false, reduced: false },
      });
      type DrugProposal = { drug: string; label: string; doseMg: number | null; action: string; reason: string };
      const proposal = (dose.body.derived as { doseProposal: { cycle: number; date: string; drugs: DrugProposal[] } }).doseProposal;
      assert.equal(proposal.cycle, 2);
      assert.equal(proposal.date, '2021-06-17');
      assert.deepEqual(proposal.drugs.map((d) => [d.drug, d.doseMg, d.action]), PROTOCOL.definition.regimen.drugs.map((d) => [d.id, d.startingDose.mg, 'continue']));
      assert.ok(proposal.drugs[0].reason.startsWith(drug.label));

      const irc = await signedIn(trial.users.irc);
      const cases = (await irc.send('get', '/irc/assessments')).body.cases as Record<string, unknown>[];
      const text = JSON.stringify(cases);
      assert.ok(!text.includes(subjectId) && !text.includes(trial.siteA), 'no subject or site identity for the IRC');
      assert.ok(cases.some((k) => (k.derived as { bestResponse?: string } | null)?.bestResponse === 'PR'));
    });

    void it('serves the protocol metadata the web renders from: forms with their fields, code lists, visits, drugs with dose levels, the response scale', async () => {
      const trial = await seedTrial(getStore());
      const dm = await signedIn(trial.users.data_manager);
      const reply = await dm.send('get', '/protocol');
      assert.equal(reply.status, 200);
      type View = {
        id: string;
        version: string;
        forms: { id: string; role: string; fields: { key: string; type: string }[] }[];
        codelists: { id: string; items: { code: string; label: string }[] }[];
        visits: { id: string }[];
        regimen: { drugs: { id: string; doseLevelsMg: number[] }[] };
        response: { scale: { categories: { code: string }[] }; evaluators: { id: string }[]; parameters: { code: string }[] };
        eligibility: { criteria: { id: string }[] };
        labAnalytes: { code: string; standardUnit: string; acceptedUnits: string[] }[];
      };
      const view = reply.body as unknown as View;
      const { definition } = PROTOCOL;
      assert.deepEqual([view.id, view.version], [definition.id, definition.version]);
      assert.deepEqual(view.forms.map((f) => f.id), definition.forms.map((f) => f.id), 'every form, screening first, disease forms included');
      assert.equal(view.forms[0].role, 'screening');
      assert.ok(view.forms.some((f) => f.role === 'disease'));
      assert.deepEqual(view.forms.find((f) => f.id === 'adverseEvent')?.fields.find((f) => f.key === 'relatedness'), JSON.parse(JSON.stringify(definition.forms.find((f) => f.id === 'adverseEvent')?.fields.find((f) => f.key === 'relatedness'))));
      assert.deepEqual(view.codelists.map((l) => l.id), definition.codelists.map((l) => l.id));
      assert.deepEqual(view.visits.map((v) => v.id), definition.schedule.visits.map((v) => v.id));
      assert.deepEqual(view.regimen.drugs.map((d) => d.id), definition.regimen.drugs.map((d) => d.id));
      assert.ok(view.regimen.drugs.every((d) => d.doseLevelsMg.length > 0));
      assert.deepEqual(view.response.scale.categories.map((c) => c.code), definition.response.scale.categories.map((c) => c.code));
      assert.deepEqual(view.eligibility.criteria.map((c) => c.id), definition.eligibility.criteria.map((c) => c.id));
      assert.deepEqual(view.labAnalytes.map((a) => a.code), [...definition.labAnalytes]);
      // a site role does not see the forms hidden from sites
      const site = await signedIn(trial.users.coordinator);
      const forms = ((await site.send('get', '/protocol')).body as unknown as View).forms.map((f) => f.id);
      assert.deepEqual(forms, definition.forms.filter((f) => f.siteHidden !== true).map((f) => f.id));
    });

    void it("saves a disease form and reads it back into the subject's diseaseForms; a soft limit of its metadata raises a query", async () => {
      const trial = await seedTrial(getStore());
      const c = await signedIn(trial.users.investigator);
      const subjectId = String((await c.send('post', '/subjects', {})).body.subjectId);
      const screening = JSON.parse(readFileSync(repoPath('examples', 'nct05236621', 'screening-eligible.json'), 'utf8')) as Record<string, unknown>;
      assert.equal((await c.send('post', `/subjects/${subjectId}/records`, { formType: 'screening', data: screening })).status, 201);
      assert.equal((await c.send('post', `/subjects/${subjectId}/status`, { status: 'enrolled', version: 1, reason: 'eligible' })).status, 200);
      const disease = PROTOCOL.definition.forms.find((f) => f.id === 'baselineDisease');
      assert.ok(disease !== undefined && disease.role === 'disease');
      const panel = { sampleDate: '2021-05-12', beta2MicroglobulinMgPerL: 3.1, albuminGPerL: 38, ldhUPerL: 180, ldhUlnUPerL: 5000, fish: { del17p: 'negative', t4_14: 'negative', t14_16: 'negative', gain1q21: 'positive', del13q: 'not-done' } };
      const saved = await c.send('post', `/subjects/${subjectId}/records`, { formType: disease.id, data: panel });
      assert.equal(saved.status, 201, JSON.stringify(saved.body));
      const checks = saved.body.editChecks as { checkCode: string; fieldPath: string; message: string }[];
      assert.deepEqual(checks.map((f) => [f.checkCode, f.fieldPath]), [['RANGE', 'ldhUlnUPerL']]);
      assert.match(checks[0].message, /ldhUlnUPerL 5000 U\/L .*between 100 and 1000 U\/L: an LDH upper limit of normal/);
      assert.equal((saved.body.raisedQueryIds as number[]).length, 1);

      const read = await readTrialFromStore(getStore(), PROTOCOL, { cutoffDate: '2025-03-01' }).catch((error: unknown) => {
        throw new Error(`${String(error)} ${JSON.stringify((error as { issues?: unknown }).issues)}`);
      });
      const record = read.subjects.find((s) => s.subject.subjectId === subjectId);
      assert.ok(record !== undefined, 'the enrolled subject is read back');
      assert.deepEqual(record.diseaseForms[disease.id], [panel]);
      assert.deepEqual([read.protocolId, read.protocolVersion, read.synthetic], [PROTOCOL.definition.id, PROTOCOL.definition.version, false]);
      assert.equal(record.subject.enrolmentDate, screening.enrolmentDate);
    });

    void it('records the protocol id and version in the database, and refuses a different protocol on the same data (409 naming both)', async () => {
      const recorded = await getTrialProtocol(getStore());
      assert.deepEqual([recorded?.protocolId, recorded?.protocolVersion, recorded?.synthetic], [PROTOCOL.definition.id, PROTOCOL.definition.version, false]);
      const other = { definition: { ...PROTOCOL.definition, id: 'other-protocol' } };
      const app = createApp({ store: getStore(), protocol: other, clock: () => now, clientAddress: () => '10.8.0.1' });
      const response = await app.request('/api/v1/auth/session');
      assert.equal(response.status, 409);
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'protocol-mismatch');
      assert.match(body.error.message, new RegExp(`${PROTOCOL.definition.id} version ${PROTOCOL.definition.version}.*other-protocol`));
      const amended = createApp({ store: getStore(), protocol: { definition: { ...PROTOCOL.definition, version: `${PROTOCOL.definition.version}-amended` } }, clock: () => now });
      assert.equal((await amended.request('/api/v1/auth/session')).status, 409, 'another version of the protocol too');
      await assert.rejects(readTrialFromStore(getStore(), other.definition), /cannot be opened as protocol other-protocol/);
      assert.equal((await getTrialProtocol(getStore()))?.protocolId, PROTOCOL.definition.id, 'unchanged');
    });

    void it('refuses hostile bodies at the edge with 413 or 422 naming the field, never 500, and writes nothing', async () => {
      const trial = await seedTrial(getStore());
      const fixture = await seedFixture(getStore(), trial);
      const c = await signedIn(trial.users.coordinator);
      const before = await countAuditEntries(getStore());
      const records = `/subjects/${fixture.subjectId}/records`;
      const issuesOf = (reply: Reply): { code: string; path: unknown[]; value: unknown; expected: string }[] =>
        (reply.body.error as { issues?: { code: string; path: unknown[]; value: unknown; expected: string }[] } | undefined)?.issues ?? [];
      const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
      const tooDeep = await c.sendRaw('post', records, `{"formType":"lab","data":{"note":${deep}}}`);
      assert.equal(tooDeep.status, 422);
      assert.equal(issuesOf(tooDeep)[0]?.code, 'too-deep');
      assert.deepEqual(issuesOf(tooDeep)[0]?.path.slice(0, 3), ['data', 'note', 0]);
      const anonymous = client('10.9.0.1');
      assert.equal((await anonymous.sendRaw('post', '/auth/login', `{"userId":${deep}}`)).status, 422, 'the public login too');
      assert.equal((await c.sendRaw('put', `/records/${fixture.recordId}`, `{"version":1,"reason":"x","data":${deep}}`)).status, 422);

      const huge = await c.sendRaw('post', records, JSON.stringify({ formType: 'lab', data: { ...labData, analyte: 'x'.repeat(2 * 1024 * 1024) } }));
      assert.equal(huge.status, 413);
      assert.equal((huge.body.error as { code: string }).code, 'too-large');
      // announced by Content-Length (as Node's server receives it): refused on the header, the body unread
      const announced = await c.sendRaw('post', records, '{}', { 'content-length': String(2 * 1024 * 1024) });
      assert.equal(announced.status, 413);
      assert.equal((announced.body.error as { code: string }).code, 'too-large');

      const long = await c.send('post', records, { formType: 'lab', data: { ...labData, analyte: 'y'.repeat(1_000_000) } });
      assert.equal(long.status, 422);
      assert.deepEqual(issuesOf(long).map((i) => [i.code, i.path]), [['too-long', ['data', 'analyte']]]);
      assert.match(String(issuesOf(long)[0].value), /^y{100}… \(1000000 characters\)$/, 'the echo is cut');
      assert.ok(JSON.stringify(long.body).length < 1000, 'a 1 MB field gives a short answer');
      const longPut = await c.send('put', `/records/${fixture.recordId}`, { version: 1, reason: 'z'.repeat(5000), data: labData });
      assert.equal(longPut.status, 422);
      assert.deepEqual(issuesOf(longPut).map((i) => i.path), [['reason']]);

      const nul = await c.send('post', records, { formType: 'lab', data: { ...labData, unit: 'g/L\u0000' } });
      assert.equal(nul.status, 422);
      assert.deepEqual(issuesOf(nul).map((i) => [i.code, i.path]), [['nul-character', ['data', 'unit']]]);
      const surrogate = await c.sendRaw('post', records, `{"formType":"lab","data":{"date":"2025-02-03","visit":"C1D1","analyte":"neutrophils\\ud800","value":1,"unit":"10^9/L","source":"local"}}`);
      assert.equal(surrogate.status, 422);
      assert.deepEqual(issuesOf(surrogate).map((i) => [i.code, i.path]), [['unpaired-surrogate', ['data', 'analyte']]]);
      const key = await c.sendRaw('post', records, '{"formType":"lab","data":{"bad\\u0000key":1}}');
      assert.equal(key.status, 422);
      assert.equal(issuesOf(key)[0]?.code, 'nul-character');

      const prefix = Buffer.from('{"formType":"lab","data":{"date":"2025-02-03","visit":"C1D1","analyte":"neutro');
      const bytes = Buffer.concat([prefix, Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('phils","value":1,"unit":"10^9/L","source":"local"}}')]);
      const badUtf8 = await c.sendRaw('post', records, new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)));
      assert.equal(badUtf8.status, 422, 'an encoded surrogate is not replaced by U+FFFD');
      assert.deepEqual(issuesOf(badUtf8).map((i) => [i.code, i.path]), [['invalid-utf8', ['data', 'analyte']]]);
      assert.equal((await c.sendRaw('post', records, '{"formType":')).status, 400);

      assert.equal(await countAuditEntries(getStore()), before, 'nothing written');
      const record = await c.send('get', `/records/${fixture.recordId}`);
      assert.equal((record.body.record as { version: number }).version, 1);
      assert.ok(!getWorld().logs.some((line) => / 5\d\d /.test(line)), 'no 5xx among the answers');
    });

    void it('never echoes a password, and names the field of a reference to a row that does not exist', async () => {
      const trial = await seedTrial(getStore());
      const admin = await signedIn(trial.users.admin);
      const secret = 'Zq9#xY-short';
      const short = await admin.send('post', '/users', { userId: `u-${fresh()}`, displayName: 'New', role: 'statistician', password: 'Zq9#xY' });
      assert.equal(short.status, 422);
      assert.ok(!JSON.stringify(short.body).includes('Zq9#xY'), JSON.stringify(short.body));
      const issue = (short.body.error as { issues: { path: unknown[]; value: unknown }[] }).issues[0];
      assert.deepEqual(issue.path, ['password']);
      assert.equal(issue.value, '(not shown: a secret)');
      const long = await client('10.9.0.2').send('post', '/auth/login', { userId: trial.users.admin, password: `${secret}${'p'.repeat(250)}` });
      assert.equal(long.status, 422);
      assert.ok(!JSON.stringify(long.body).includes(secret));

      const unknownSite = await admin.send('post', '/users', { userId: `u-${fresh()}`, displayName: 'New', role: 'investigator', siteId: 'NOSUCHSITE', password: PASSWORD });
      assert.equal(unknownSite.status, 422);
      const error = unknownSite.body.error as { code: string; issues: { code: string; path: unknown[]; value: unknown; expected: string }[] };
      assert.equal(error.code, 'reference');
      assert.deepEqual(error.issues.map((i) => [i.code, i.path, i.value]), [['unknown-reference', ['siteId'], 'NOSUCHSITE']]);
      assert.match(error.issues[0].expected, /sites/);
      const taken = await admin.send('post', '/sites', { siteId: trial.siteA, name: 'again' });
      assert.equal(taken.status, 409);
      assert.deepEqual((taken.body.error as { issues: { path: unknown[] }[] }).issues.map((i) => i.path), [['siteId']]);
    });

    void it('refuses a state-changing request from another origin whatever its cookie (403, nothing written); reads and its own origin pass', async () => {
      const trial = await seedTrial(getStore());
      const fixture = await seedFixture(getStore(), trial);
      const c = await signedIn(trial.users.coordinator);
      const before = await countAuditEntries(getStore());
      const foreign: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'http://localhost:8080' }];
      for (const headers of foreign) {
        const label = JSON.stringify(headers);
        const post = await c.send('post', `/subjects/${fixture.subjectId}/records`, { formType: 'lab', data: labData }, headers);
        assert.equal(post.status, 403, label);
        assert.equal((post.body.error as { code: string }).code, 'cross-origin', label);
        assert.equal((await c.send('put', `/records/${fixture.recordId}`, { version: 1, reason: 'x', data: labData }, headers)).status, 403, label);
        assert.equal((await c.send('post', '/auth/logout', undefined, headers)).status, 403, label);
        assert.equal((await client('10.9.0.3').send('post', '/auth/login', { userId: trial.users.coordinator, password: PASSWORD }, headers)).status, 403, `login ${label}`);
        assert.equal((await c.send('get', `/records/${fixture.recordId}`, undefined, headers)).status, 200, `a read ${label}`);
      }
      assert.equal(await countAuditEntries(getStore()), before, 'nothing written');
      assert.equal((await c.send('get', '/auth/session')).status, 200, 'the session survived the refused logouts');
      const own: Record<string, string>[] = [{ origin: 'http://localhost' }, { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' }, {}];
      for (const headers of own) {
        assert.equal((await c.send('post', `/subjects/${fixture.subjectId}/records`, { formType: 'lab', data: labData }, headers)).status, 201, JSON.stringify(headers));
      }
      const proxied = createApp({ store: getStore(), protocol: PROTOCOL, trustedOrigins: ['https://edc.example.org'] });
      const behindProxy = new Client(proxied, '10.9.0.4');
      assert.equal((await behindProxy.send('post', '/auth/login', { userId: trial.users.coordinator, password: PASSWORD }, { origin: 'https://edc.example.org' })).status, 200);
      assert.equal((await behindProxy.send('post', '/auth/logout', undefined, { origin: 'https://evil.example' })).status, 403);
    });

    void it('forbids framing and names every answer with a request id', async () => {
      for (const reply of [await client().send('get', '/openapi.json'), await client().send('get', '/auth/session'), await client().send('get', '/no/such/path')]) {
        assert.equal(reply.headers.get('x-frame-options'), 'DENY');
        assert.match(reply.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
        assert.match(reply.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
      }
    });

    void it('answers an internal error with 500 and a request id, logged with method and route', async () => {
      const logs: string[] = [];
      const store = getStore();
      const failing: SqlClient = {
        query: (sql, params) => (/FROM sessions s JOIN users/.test(sql) ? Promise.reject(new RangeError('Maximum call stack size exceeded')) : store.query(sql, params)),
        queryLast: (sql, params) => store.queryLast(sql, params),
        exec: (sql) => store.exec(sql),
        transaction: (fn, options) => store.transaction(fn, options),
      };
      const app = createApp({ store: { ...store, ...failing }, protocol: PROTOCOL, log: (line) => logs.push(line) });
      const reply = await new Client(app, '10.9.0.5').send('get', '/auth/session', undefined, { cookie: 'trialkit_session=whatever' });
      assert.equal(reply.status, 500);
      const requestId = (reply.body.error as { requestId: string }).requestId;
      assert.equal(reply.headers.get('x-request-id'), requestId);
      assert.ok(logs.includes(`internal error RangeError: GET /api/v1/auth/session request ${requestId}`), logs.join('\n'));
      assert.ok(!logs.join('\n').includes('Maximum call stack'), 'the message may quote values: only the name is logged');
    });

    void it('signs the trail of what the requests wrote; a snapshot exports evidence that verifies offline', async () => {
      const trial = await seedTrial(getStore());
      const fixture = await seedFixture(getStore(), trial);
      const stat = await signedIn(trial.users.statistician);
      const evidence = await stat.send('get', `/snapshots/${fixture.snapshotId}/evidence`);
      assert.equal(evidence.status, 200);
      assert.match(evidence.headers.get('content-disposition') ?? '', /evidence\.json/);
      const report = verifySnapshotEvidence(evidence.body, [signer]);
      assert.deepEqual(report.problems, []);
      assert.equal(report.ok, true);
      await sealer?.sealNow();
      const trail = await verifyAuditTrail(getStore(), { trustedKeys: [signer] });
      assert.deepEqual(trail.problems, []);
      assert.ok(trail.checkpoints.total > 0);
    });

    void it('logs route patterns, never subject ids or passwords', () => {
      const text = getWorld().logs.join('\n');
      assert.ok(getWorld().logs.length > 0);
      assert.ok(!text.includes(PASSWORD));
      assert.doesNotMatch(text, /\/subjects\/[A-Za-z0-9]+-\d+/);
      assert.match(text, /\/subjects\/:subjectId/);
    });

    void it('answers as its OpenAPI document declares: every success answer of this suite matches the declared schema', async () => {
      type Operation = { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> };
      const doc = (await client().send('get', '/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
      const routes = API_ROUTES.map((spec) => ({ spec, pattern: new RegExp(`^${spec.path.replace(/\./g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+')}$`) }));
      const validators = new Map<string, z.ZodType>();
      const failures: string[] = [];
      const answered = new Set<string>();
      for (const answer of ANSWERS.filter((a) => a.status >= 200 && a.status < 300 && a.status !== 204)) {
        const spec = routes.find((r) => r.spec.method === answer.method && r.pattern.test(answer.path))?.spec;
        if (spec === undefined) continue;
        const key = routeKey(spec);
        const declared = doc.paths[spec.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[spec.method]?.responses[String(answer.status)]?.content;
        const [mediaType, media] = Object.entries(declared ?? {})[0] ?? [];
        if (mediaType === undefined || media === undefined || !answer.contentType.startsWith(mediaType)) {
          failures.push(`${key}: answered ${answer.status} ${answer.contentType}, the document declares ${mediaType ?? 'no content for that status'}`);
          continue;
        }
        const id = `${key} ${answer.status}`;
        let validator = validators.get(id);
        if (validator === undefined) {
          validator = z.fromJSONSchema(media.schema);
          validators.set(id, validator);
        }
        const parsed = validator.safeParse(answer.body);
        if (parsed.success) answered.add(key);
        else failures.push(`${id}: ${z.prettifyError(parsed.error).slice(0, 400)}`);
      }
      assert.deepEqual(failures.slice(0, 10), []);
      // each route that declares its answer was answered (by the role matrix at least) and checked
      assert.deepEqual(API_ROUTES.filter((spec) => spec.response !== undefined && !answered.has(routeKey(spec))).map(routeKey), []);
    });

    void it('publishes an OpenAPI document with every route and the form schemas', async () => {
      const doc = (await client().send('get', '/openapi.json')).body as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { required?: string[] }> } };
      assert.equal(doc.openapi, '3.1.0');
      for (const spec of API_ROUTES) assert.ok(doc.paths[spec.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[spec.method] !== undefined, routeKey(spec));
      assert.ok(doc.components.schemas.lab.required?.includes('analyte'));
      for (const form of PROTOCOL.definition.forms) assert.ok(doc.components.schemas[form.id] !== undefined, `components/schemas/${form.id}`);
    });
  });
}
