import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { findProtocol } from '../protocols/index.js';
import { insertCrfRecord, insertSite, insertSubject, insertUser, openEmbeddedStore, setPasswordHash, withAuditContext, type Store } from '../store/index.js';
import { createApp } from './createApp.js';
import { LOGIN_THROTTLE } from './failureThrottle.js';
import { hashPassword } from './passwords.js';
import type { AppEnv } from './route.js';

// Electronic signatures over HTTP on the embedded store: the meanings are the protocol's (its
// signatureMeanings), chosen by id when there are several and written on the signature; wrong passwords at
// signing are throttled as sign-in is.

const PASSWORD = 'correct horse battery staple';
const fresh = (): string => randomBytes(4).toString('hex');

interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

for (const protocolId of ['nct05236621', 'ret-cabo-2'] as const) {
  const module = findProtocol(protocolId);
  if (module === undefined) throw new Error(`protocol ${protocolId} is not registered`);
  const meanings = module.definition.signatureMeanings;
  let store: Store | undefined;
  let app: Hono<AppEnv> | undefined;
  let now = new Date('2025-06-01T10:00:00Z');

  const client = async (userId: string): Promise<(method: string, path: string, body?: unknown) => Promise<Reply>> => {
    if (app === undefined) throw new Error('no app');
    const login = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, password: PASSWORD }) });
    assert.equal(login.status, 200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    return async (method, path, body) => {
      if (app === undefined) throw new Error('no app');
      const response = await app.request(`/api/v1${path}`, { method, headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const text = await response.text();
      return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
    };
  };

  /** A site, an investigator and a subject with one dated record to sign. */
  const seed = async (): Promise<{ investigator: string; subjectId: string; recordId: number }> => {
    if (store === undefined) throw new Error('no store');
    const hash = await hashPassword(PASSWORD);
    return withAuditContext(store, { user: 'seed', reason: 'fixture' }, async (tx) => {
      const siteId = `G${fresh()}`;
      await insertSite(tx, { siteId, name: 'Signing site' });
      const investigator = `investigator-${fresh()}`;
      await insertUser(tx, { userId: investigator, displayName: 'Dr Signing Investigator', role: 'investigator', siteId });
      await setPasswordHash(tx, investigator, hash, new Date());
      const subject = await insertSubject(tx, { siteId });
      const record = await insertCrfRecord(tx, { subjectId: subject.subjectId, formType: 'lab', data: { date: '2025-03-01', visit: 'C1D1', analyte: 'platelets', value: 185, unit: '10^9/L', source: 'local' } });
      return { investigator, subjectId: subject.subjectId, recordId: record.recordId };
    });
  };

  void describe(`electronic signatures on ${protocolId} (embedded store)`, () => {
    before(async () => {
      store = await openEmbeddedStore();
      app = createApp({ store, protocol: module, clientAddress: () => '10.9.0.7', clock: () => now });
    });
    after(async () => {
      await store?.close();
    });

    void it("offers the protocol's meanings, and writes the chosen one on the signature", async () => {
      const { investigator, subjectId, recordId } = await seed();
      const send = await client(investigator);
      const review = await send('GET', `/subjects/${subjectId}/review`);
      assert.equal(review.status, 200);
      assert.deepEqual(review.body.meanings, JSON.parse(JSON.stringify(meanings)));
      const [last] = meanings.form.slice(-1);
      if (meanings.form.length > 1) {
        // several meanings: the signer must choose one, and only one the protocol has
        const none = await send('POST', `/records/${recordId}/signature`, { version: 1, password: PASSWORD });
        assert.equal(none.status, 422);
        assert.match(JSON.stringify(none.body), /"path":\["meaning"\]/);
      }
      const unknown = await send('POST', `/records/${recordId}/signature`, { version: 1, password: PASSWORD, meaning: 'no-such-meaning' });
      assert.equal(unknown.status, 422);
      assert.match(JSON.stringify(unknown.body), new RegExp(`one of ${meanings.form.map((m) => m.id).join(', ')}`));
      const signed = await send('POST', `/records/${recordId}/signature`, { version: 1, password: PASSWORD, meaning: last.id });
      assert.equal(signed.status, 201, JSON.stringify(signed.body));
      assert.equal(signed.body.meaning, last.statement);
      assert.equal(signed.body.signerName, 'Dr Signing Investigator');
      const casebook = await send('POST', `/subjects/${subjectId}/signature`, { password: PASSWORD });
      assert.equal(casebook.status, meanings.casebook.length === 1 ? 201 : 422, JSON.stringify(casebook.body));
      if (meanings.casebook.length === 1) assert.equal(casebook.body.meaning, meanings.casebook[0].statement);
    });

    void it("dates a record by its form's own date field in the review, not by the earliest date it holds (a birth date)", async () => {
      if (store === undefined) throw new Error('no store');
      const { investigator, subjectId } = await seed();
      const screening = module.definition.forms.find((form) => form.role === 'screening');
      if (screening?.dateField === undefined) throw new Error('the screening form names no date field');
      const dateField = screening.dateField;
      await withAuditContext(store, { user: 'seed', reason: 'fixture' }, (tx) =>
        insertCrfRecord(tx, { subjectId, formType: screening.id, data: { [dateField]: '2025-02-10', birthDate: '1959-03-02' } }),
      );
      const send = await client(investigator);
      const review = await send('GET', `/subjects/${subjectId}/review`);
      const rows = review.body.records as { formType: string; recordDate: string | null; formDate: string | null }[];
      const row = rows.find((r) => r.formType === screening.id);
      assert.deepEqual([row?.formDate, row?.recordDate], ['2025-02-10', '1959-03-02'], 'the form date for readers; the earliest date for locks');
    });

    void it('pauses signing after five wrong passwords (429, nothing signed, even with the right one), leaves sign-in alone, and signs after the pause', async () => {
      const { investigator, subjectId, recordId } = await seed();
      const send = await client(investigator);
      const body = (password: string): Record<string, unknown> => ({ version: 1, password, meaning: meanings.form[0].id });
      for (let i = 0; i < LOGIN_THROTTLE.maxFailures; i++) assert.equal((await send('POST', `/records/${recordId}/signature`, body('not my password'))).status, 403);
      const paused = await send('POST', `/records/${recordId}/signature`, body(PASSWORD));
      assert.equal(paused.status, 429);
      assert.equal((paused.body.error as { code: string; retryAfterSeconds: number }).code, 'throttled');
      assert.equal((paused.body.error as { retryAfterSeconds: number }).retryAfterSeconds, LOGIN_THROTTLE.blockMinutes * 60);
      const review = await send('GET', `/subjects/${subjectId}/review`);
      assert.equal((review.body.records as { signature: unknown }[])[0].signature, null, 'nothing was signed');
      // the pause is the signing's own: the investigator still signs in (another session)
      await client(investigator);
      now = new Date(now.getTime() + (LOGIN_THROTTLE.blockMinutes + 1) * 60_000);
      assert.equal((await send('POST', `/records/${recordId}/signature`, body(PASSWORD))).status, 201);
    });
  });
}
