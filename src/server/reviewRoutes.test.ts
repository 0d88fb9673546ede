import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import {
  insertCrfRecord,
  insertSite,
  insertSubject,
  insertUser,
  listAuditEntries,
  openEmbeddedStore,
  setPasswordHash,
  withAuditContext,
  type Store,
  type UserRole,
} from '../store/index.js';
import { findProtocol } from '../protocols/index.js';
import { createApp } from './createApp.js';
import type { IrcCaseView } from './ircCases.js';
import { hashPassword } from './passwords.js';
import type { AppEnv } from './route.js';

// The IRC's adjudication over HTTP on the embedded store: blinded answers, override reasons, versions,
// idempotent retries, the data lock and the audit trail of the stored adjudication.

const PASSWORD = 'correct horse battery staple';
const fresh = (): string => randomBytes(4).toString('hex');

let store: Store | undefined;
let app: Hono<AppEnv> | undefined;
const getStore = (): Store => {
  if (store === undefined) throw new Error('the embedded store did not open (see the before hook)');
  return store;
};

interface Reply {
  readonly status: number;
  readonly text: string;
  readonly body: Record<string, unknown>;
  readonly headers: Headers;
}

class Client {
  private cookie: string | undefined;
  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    if (app === undefined) throw new Error('no app');
    const response = await app.request(`/api/v1${path}`, {
      method: method.toUpperCase(),
      headers: { ...(this.cookie === undefined ? {} : { cookie: this.cookie }), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie !== null) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    return { status: response.status, text, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>), headers: response.headers };
  }
}

interface Trial {
  readonly siteId: string;
  readonly subjectId: string;
  readonly irc: Client;
  readonly dm: Client;
  readonly site: Client;
  readonly ircUserId: string;
  /** The baseline M-protein, different in each trial: it tells the tests' cases apart (no id links them). */
  readonly baselineMProtein: number;
}

let trials = 0;

/** A site, a subject with central-lab M-protein 20.x -> 8 -> 7.5 g/L (a confirmed PR) and investigator calls PR, VGPR. */
async function seedTrial(): Promise<Trial> {
  const hash = await hashPassword(PASSWORD);
  const siteId = `S${fresh()}`;
  trials += 1;
  const baselineMProtein = 20 + trials / 10;
  const users: Partial<Record<UserRole, string>> = {};
  const subjectId = await withAuditContext(getStore(), { user: 'seed', reason: 'fixture' }, async (tx) => {
    await insertSite(tx, { siteId, name: 'Site of the IRC test' });
    for (const role of ['irc', 'data_manager', 'investigator'] as const) {
      const userId = `${role.replace('_', '-')}-${fresh()}`;
      await insertUser(tx, { userId, displayName: role, role, siteId: role === 'investigator' ? siteId : null });
      await setPasswordHash(tx, userId, hash, new Date());
      users[role] = userId;
    }
    const subject = await insertSubject(tx, { siteId });
    for (const [date, mProtein] of [['2025-01-20', baselineMProtein], ['2025-02-17', 8], ['2025-03-17', 7.5]] as const) {
      await insertCrfRecord(tx, { subjectId: subject.subjectId, formType: 'diseaseAssessment', visit: date, data: { date, visit: date, source: 'central', serumMProteinGPerL: mProtein } });
    }
    for (const [date, response] of [['2025-02-17', 'PR'], ['2025-03-17', 'VGPR']] as const) {
      await insertCrfRecord(tx, { subjectId: subject.subjectId, formType: 'responseCall', data: { date, evaluator: 'investigator', response } });
    }
    return subject.subjectId;
  });
  const signIn = async (role: UserRole): Promise<Client> => {
    const client = new Client();
    const reply = await client.send('post', '/auth/login', { userId: users[role], password: PASSWORD });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return client;
  };
  return { siteId, subjectId, irc: await signIn('irc'), dm: await signIn('data_manager'), site: await signIn('investigator'), ircUserId: users.irc ?? '', baselineMProtein };
}

/** The case of the trial's subject: the one whose measurements are this trial's (no id links them). */
async function caseOf(trial: Trial): Promise<IrcCaseView> {
  const reply = await trial.irc.send('get', '/irc/assessments');
  assert.equal(reply.status, 200);
  assert.ok(!reply.text.includes(trial.subjectId) && !reply.text.includes(trial.siteId), 'no subject or site identity for the IRC');
  const cases = reply.body.cases as IrcCaseView[];
  const mine = cases.filter((c) => Object.values(c.assessments[0]?.values ?? {})[0] === trial.baselineMProtein);
  assert.equal(mine.length, 1);
  return mine[0];
}

async function countRows(sql: string, params: string[] = []): Promise<number> {
  return (await getStore().query<{ n: number }>(sql, params)).rows[0].n;
}

describe('IRC adjudication over HTTP (embedded store)', () => {
  before(async () => {
    store = await openEmbeddedStore();
    const protocol = findProtocol('nct05236621');
    if (protocol === undefined) throw new Error('the reference protocol is not registered');
    app = createApp({ store, protocol, clientAddress: () => '10.9.0.1', clock: () => new Date('2025-06-01T10:00:00Z') });
  });
  after(async () => {
    await store?.close();
  });

  it("shows the derived response and the investigator's call side by side, flags their disagreement, and names no subject or site", async () => {
    const trial = await seedTrial();
    const c = await caseOf(trial);
    assert.match(c.caseId, /^case-[0-9a-f]{12}$/);
    assert.equal(c.status, 'pending');
    assert.deepEqual(c.assessments.map((a) => [a.date, a.baseline, a.derivedResponse, a.investigatorResponse]), [
      ['2025-01-20', true, null, null],
      ['2025-02-17', false, 'PR', 'PR'],
      ['2025-03-17', false, 'PR', 'VGPR'],
    ]);
    assert.deepEqual(c.bestOverall, { derivedResponse: 'PR', investigatorResponse: 'VGPR', irc: null });
    assert.deepEqual(c.disagreements.map((d) => [d.scope, d.assessmentDate, d.kind]), [
      ['bestOverall', null, 'investigator-vs-derived'],
      ['assessment', '2025-03-17', 'investigator-vs-derived'],
    ]);
    for (const forbidden of ['visit', 'source', 'subjectId', 'siteId', 'recordId']) assert.ok(!JSON.stringify(c).includes(`"${forbidden}"`), forbidden);
  });

  it('records an agreeing adjudication without a reason, audited under the IRC user, and answers without identity', async () => {
    const trial = await seedTrial();
    const c = await caseOf(trial);
    const reply = await trial.irc.send('post', `/irc/cases/${c.caseId}/adjudications`, { scope: 'bestOverall', response: 'PR' });
    assert.equal(reply.status, 201, reply.text);
    assert.ok(!reply.text.includes(trial.subjectId) && !reply.text.includes(trial.siteId));
    const answer = reply.body as { adjudication: { response: string; derivedResponse: string; investigatorResponse: string; version: number; adjudicatedBy: string }; case: IrcCaseView };
    assert.deepEqual([answer.adjudication.response, answer.adjudication.derivedResponse, answer.adjudication.investigatorResponse, answer.adjudication.version], ['PR', 'PR', 'VGPR', 1]);
    assert.equal(answer.case.status, 'adjudicated');
    assert.deepEqual(answer.case.disagreements.filter((d) => d.scope === 'bestOverall').map((d) => d.kind), ['investigator-vs-derived', 'irc-vs-investigator']);

    const { rows } = await getStore().query<{ record_id: number }>("SELECT record_id FROM crf_records WHERE subject_id = $1 AND form_type = 'ircAdjudication'", [trial.subjectId]);
    assert.equal(rows.length, 1);
    const entries = await listAuditEntries(getStore(), 'crf_records', String(rows[0].record_id));
    assert.deepEqual(entries.map((e) => [e.action, e.changedBy]), [['create', trial.ircUserId]]);

    // the site whose assessment was judged never sees the adjudication; the data manager does
    const siteRecords = (await trial.site.send('get', `/subjects/${trial.subjectId}/records`)).body.records as { formType: string }[];
    assert.ok(siteRecords.length > 0 && !siteRecords.some((r) => r.formType === 'ircAdjudication'));
    assert.equal((await trial.site.send('get', `/records/${rows[0].record_id}`)).status, 404);
    const dmRecords = (await trial.dm.send('get', `/subjects/${trial.subjectId}/records`)).body.records as { formType: string }[];
    assert.ok(dmRecords.some((r) => r.formType === 'ircAdjudication'));
    assert.equal((await trial.dm.send('get', `/records/${rows[0].record_id}`)).status, 200);
  });

  it('refuses an override without a reason (422 on the reason field, nothing written), and keeps the reason of one with it', async () => {
    const trial = await seedTrial();
    const c = await caseOf(trial);
    const before = await countRows('SELECT ((SELECT count(*) FROM audit_log) + (SELECT count(*) FROM audit_queue))::int AS n');
    const refused = await trial.irc.send('post', `/irc/cases/${c.caseId}/adjudications`, { scope: 'assessment', assessmentDate: '2025-03-17', response: 'VGPR' });
    assert.equal(refused.status, 422);
    const issues = (refused.body.error as { issues: { path: string[]; expected: string }[] }).issues;
    assert.deepEqual(issues.map((i) => i.path), [['reason']]);
    assert.match(issues[0].expected, /differs from derivedResponse \(PR\).*overriding the derived response needs a reason/);
    assert.equal(await countRows('SELECT ((SELECT count(*) FROM audit_log) + (SELECT count(*) FROM audit_queue))::int AS n'), before, 'nothing written');

    const baseline = await trial.irc.send('post', `/irc/cases/${c.caseId}/adjudications`, { scope: 'assessment', assessmentDate: '2025-01-20', response: 'PR' });
    assert.equal(baseline.status, 422, 'the baseline has no response to adjudicate');
    const offScale = await trial.irc.send('post', `/irc/cases/${c.caseId}/adjudications`, { scope: 'bestOverall', response: 'GOOD', reason: 'not a category' });
    assert.equal(offScale.status, 422, 'a response off the protocol scale');
    const offIssue = (offScale.body.error as { issues: { path: string[]; value: unknown; expected: string }[] }).issues[0];
    assert.deepEqual([offIssue.path, offIssue.value], [['response'], 'GOOD']);
    assert.match(offIssue.expected, /"PR"/);

    const why = 'serum IFE images show a further fall; VGPR per charter section 4.2';
    const saved = await trial.irc.send('post', `/irc/cases/${c.caseId}/adjudications`, { scope: 'assessment', assessmentDate: '2025-03-17', response: 'VGPR', reason: why });
    assert.equal(saved.status, 201, saved.text);
    const view = (saved.body as { case: IrcCaseView }).case;
    const third = view.assessments[2];
    assert.deepEqual([third.irc?.response, third.irc?.reason], ['VGPR', why]);
    assert.ok(view.disagreements.some((d) => d.assessmentDate === '2025-03-17' && d.kind === 'irc-vs-derived'));
    assert.ok(!view.disagreements.some((d) => d.assessmentDate === '2025-03-17' && d.kind === 'irc-vs-investigator'));
    const { rows } = await getStore().query<{ record_id: number }>("SELECT record_id FROM crf_records WHERE subject_id = $1 AND form_type = 'ircAdjudication'", [trial.subjectId]);
    const entries = await listAuditEntries(getStore(), 'crf_records', String(rows[0].record_id));
    assert.equal(entries[0].reason, why);
  });

  it('changes an adjudication only with the version read and a reason (409 when stale), and replays a retried POST', async () => {
    const trial = await seedTrial();
    const c = await caseOf(trial);
    const path = `/irc/cases/${c.caseId}/adjudications`;
    const key = fresh();
    const first = await trial.irc.send('post', path, { scope: 'bestOverall', response: 'PR' }, { 'idempotency-key': key });
    const retry = await trial.irc.send('post', path, { scope: 'bestOverall', response: 'PR' }, { 'idempotency-key': key });
    assert.equal(first.status, 201);
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.equal(await countRows("SELECT count(*)::int AS n FROM crf_records WHERE subject_id = $1 AND form_type = 'ircAdjudication'", [trial.subjectId]), 1);

    assert.equal((await trial.irc.send('post', path, { scope: 'bestOverall', response: 'VGPR', reason: 'IFE' })).status, 409, 'a second first adjudication');
    const noReason = await trial.irc.send('post', path, { scope: 'bestOverall', response: 'PR', version: 1 });
    assert.equal(noReason.status, 422);
    const changed = await trial.irc.send('post', path, { scope: 'bestOverall', response: 'VGPR', version: 1, reason: 'second read of the IFE' });
    assert.equal(changed.status, 200, changed.text);
    assert.equal((changed.body as { adjudication: { version: number } }).adjudication.version, 2);
    const stale = await trial.irc.send('post', path, { scope: 'bestOverall', response: 'CR', version: 1, reason: 'again' });
    assert.equal(stale.status, 409);
    assert.equal((stale.body.error as { currentVersion: number }).currentVersion, 2);
  });

  it('refuses an adjudication of a locked subject (423), 404 for an unknown case, 403 for a site role', async () => {
    const trial = await seedTrial();
    const c = await caseOf(trial);
    const lock = await trial.dm.send('post', '/locks', { scope: 'subject', subjectId: trial.subjectId, cutoffDate: '2025-06-30', reason: 'adjudication complete' });
    assert.equal(lock.status, 201);
    const refused = await trial.irc.send('post', `/irc/cases/${c.caseId}/adjudications`, { scope: 'bestOverall', response: 'PR' });
    assert.equal(refused.status, 423);
    assert.equal(await countRows("SELECT count(*)::int AS n FROM crf_records WHERE subject_id = $1 AND form_type = 'ircAdjudication'", [trial.subjectId]), 0);
    assert.equal((await trial.irc.send('post', '/irc/cases/case-000000000000/adjudications', { scope: 'bestOverall', response: 'PR' })).status, 404);
    assert.equal((await trial.site.send('post', `/irc/cases/${c.caseId}/adjudications`, { scope: 'bestOverall', response: 'PR' })).status, 403);
  });
});
