import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { parseCsvText } from '../io/index.js';
import { findProtocol } from '../protocols/index.js';
import { createSnapshot, sealQueuedAuditEntries, insertCrfRecord, insertLock, insertSite, insertSubject, insertUser, setPasswordHash, withAuditContext, type Store, type UserRole } from '../store/index.js';
import { createApp } from './createApp.js';
import { parseWellFormedXml, xmlElements } from './parseWellFormedXml.js';
import { hashPassword } from './passwords.js';
import type { AppEnv } from './route.js';

/** The central-lab import and the snapshot exports over HTTP, run on both engines (importExport.*.test.ts). */
const PASSWORD = 'correct horse battery staple';
const fresh = (): string => randomBytes(4).toString('hex');

interface Reply {
  readonly status: number;
  readonly text: string;
  readonly headers: Headers;
}

async function signIn(app: Hono<AppEnv>, userId: string): Promise<(method: string, path: string, body?: string, type?: string) => Promise<Reply>> {
  const login = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, password: PASSWORD }) });
  assert.equal(login.status, 200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  return async (method, path, body, type = 'text/csv') => {
    const response = await app.request(`/api/v1${path}`, { method, headers: { cookie, ...(body === undefined ? {} : { 'content-type': type }) }, ...(body === undefined ? {} : { body }) });
    return { status: response.status, text: await response.text(), headers: response.headers };
  };
}

interface Seeded {
  readonly siteId: string;
  readonly subjects: readonly string[];
  readonly users: Readonly<Record<UserRole, string>>;
}

async function seed(store: Store): Promise<Seeded> {
  const hash = await hashPassword(PASSWORD);
  const siteId = `L${fresh()}`;
  return withAuditContext(store, { user: 'seed' }, async (tx) => {
    await insertSite(tx, { siteId, name: 'Lab site' });
    const subjects = [(await insertSubject(tx, { siteId })).subjectId, (await insertSubject(tx, { siteId })).subjectId];
    const users: Partial<Record<UserRole, string>> = {};
    for (const role of ['data_manager', 'statistician'] as const) {
      const userId = `${role.replace('_', '-')}-${fresh()}`;
      await insertUser(tx, { userId, displayName: role, role, siteId: null });
      await setPasswordHash(tx, userId, hash, new Date());
      users[role] = userId;
    }
    return { siteId, subjects, users: users as Record<UserRole, string> };
  });
}

const HEADER = 'subjectId,date,visit,analyte,value,unit,lln,uln';

export function importExportContract(getStore: () => Store): void {
  let app: Hono<AppEnv> | undefined;
  const getApp = (): Hono<AppEnv> => {
    if (app === undefined) throw new Error('the app was not created (see the before hook)');
    return app;
  };
  const counts = async (): Promise<{ records: number; queries: number; audit: number }> => {
    const { rows } = await getStore().query<{ records: number; queries: number; audit: number }>(
      'SELECT (SELECT count(*)::int FROM crf_records) AS records, (SELECT count(*)::int FROM queries) AS queries, ((SELECT count(*) FROM audit_log) + (SELECT count(*) FROM audit_queue))::int AS audit',
    );
    return rows[0];
  };

  before(() => {
    const protocol = findProtocol('nct05236621');
    if (protocol === undefined) throw new Error('the reference protocol is not registered');
    app = createApp({ store: getStore(), protocol, clock: () => new Date('2025-07-01T12:00:00Z') });
  });

  void describe('central-lab import and snapshot export', () => {
    void it('refuses a file with one bad row whole: 422 names the row, nothing is written', async () => {
      const trial = await seed(getStore());
      const dm = await signIn(getApp(), trial.users.data_manager);
      const [s1, s2] = trial.subjects;
      const lines = [HEADER, `${s1},2025-03-01,C1D1,neutrophils,1.2,10^9/L,1.8,7.5`, `${s2},2025-03-01,C1D1,platelets,85,10^9/L,150,400`, `${s2},2025-03-01,C1D1,hemoglobin,9.x,g/dL,12,16`, `${s1},2025-03-08,C1D8,creatinine,1.1,mg/dL,0.6,1.2`, `${s1},2025-03-08,C1D8,hemoglobin,100,g/L,160,120`];
      const before = await counts();
      const reply = await dm('POST', '/imports/labs?file=central-2025-03.csv', `${lines.join('\n')}\n`);
      assert.equal(reply.status, 422, reply.text);
      const error = (JSON.parse(reply.text) as { error: { code: string; lines: number[]; issues: { path: unknown[]; value: unknown; expected: string }[] } }).error;
      assert.equal(error.code, 'invalid-file');
      assert.deepEqual(error.lines, [4]);
      assert.deepEqual(error.issues.map((i) => i.path), [['central-2025-03.csv', 4, 'value']]);
      assert.equal(error.issues[0].value, '9.x');
      assert.equal(error.issues[0].expected, 'a number');
      assert.deepEqual(await counts(), before, 'no record, no query (not even the LLN > ULN row) and no audit row');

      const unknown = await dm('POST', '/imports/labs?file=u.csv', `${HEADER}\n${s1},2025-03-01,C1D1,neutrophils,1.2,10^9/L,,\nNOPE-999,2025-03-01,C1D1,neutrophils,1.2,10^9/L,,\n`);
      assert.equal(unknown.status, 422);
      assert.match(unknown.text, /"path":\["u\.csv",3,"subjectId"\],"value":"NOPE-999"/);
      assert.equal((await dm('POST', '/imports/labs', '{"a":1}', 'application/json')).status, 400);
      assert.deepEqual(await counts(), before);

      // impossible values (a negative count, a date after today) name their cell; an implausible one is imported with a query
      const implausible = await dm('POST', '/imports/labs?file=p.csv', `${HEADER}\n${s1},2025-03-01,C1D1,platelets,-5,10^9/L,150,400\n${s1},2025-03-01,C1D1,neutrophils,1.2,10^9/L,,\n${s1},2025-07-09,C1D1,neutrophils,1.2,10^9/L,,\n`);
      assert.equal(implausible.status, 422, implausible.text);
      const refused = (JSON.parse(implausible.text) as { error: { issues: { code: string; path: unknown[]; value: unknown }[] } }).error.issues;
      assert.deepEqual(refused.map((i) => [i.code, i.path, i.value]), [['too-small', ['p.csv', 2, 'value'], -5], ['future-date', ['p.csv', 4, 'date'], '2025-07-09']]);
      assert.deepEqual(await counts(), before);

      // a row refused by the database itself (a locked subject) after earlier rows were inserted: all rolled back
      await withAuditContext(getStore(), { user: 'seed' }, (tx) => insertLock(tx, { scope: 'subject', subjectId: s2, cutoffDate: '2025-06-30' }));
      const lockedBefore = await counts();
      // (the first row's save raises its LLN > ULN query before the locked row fails: the query is rolled back too)
      const locked = await dm('POST', '/imports/labs?file=locked.csv', `${HEADER}\n${s1},2025-03-01,C1D1,neutrophils,1.2,10^9/L,7.5,1.8\n${s2},2025-03-01,C1D1,neutrophils,1.3,10^9/L,,\n`);
      assert.equal(locked.status, 423, locked.text);
      assert.deepEqual(await counts(), lockedBefore);
    });

    void it("applies a single save's consent rule to every row: a sample before the subject's informed consent refuses the file, naming file, row, field, value and the consent date", async () => {
      const trial = await seed(getStore());
      const dm = await signIn(getApp(), trial.users.data_manager);
      const [s1, s2] = trial.subjects;
      // the subject's consent, as its screening record states it (only the dates are read by the rule)
      await withAuditContext(getStore(), { user: 'seed' }, (tx) => insertCrfRecord(tx, { subjectId: s1, formType: 'screening', data: { screeningDate: '2025-02-20', consentDate: '2025-02-15' } }));
      const before = await counts();
      const body = [HEADER, `${s1},2025-02-15,SCREENING,neutrophils,1.2,10^9/L,1.8,7.5`, `${s2},2025-01-02,SCREENING,neutrophils,1.2,10^9/L,1.8,7.5`, `${s1},2025-02-14,SCREENING,platelets,185,10^9/L,150,400`].join('\n');
      const reply = await dm('POST', '/imports/labs?file=early.csv', `${body}\n`);
      assert.equal(reply.status, 422, reply.text);
      const error = (JSON.parse(reply.text) as { error: { code: string; message: string; lines: number[]; issues: { code: string; path: unknown[]; value: unknown; expected: string }[] } }).error;
      assert.equal(error.code, 'invalid-file');
      assert.match(error.message, /^early\.csv: 1 problem\(s\) on 1 line\(s\); nothing was imported$/);
      assert.deepEqual(error.lines, [4]);
      assert.deepEqual(error.issues.map((i) => [i.code, i.path, i.value]), [['before-consent', ['early.csv', 4, 'date'], '2025-02-14']]);
      assert.match(error.issues[0].expected, new RegExp(`on or after 2025-02-15, the informed consent of subject ${s1}`));
      assert.deepEqual(await counts(), before, 'the good rows (the consent day itself, a subject without screening) are not written either');

      const fixed = await dm('POST', '/imports/labs?file=fixed.csv', `${body.replace('2025-02-14,SCREENING', '2025-02-16,SCREENING')}\n`);
      assert.equal(fixed.status, 201, fixed.text);
      assert.equal((JSON.parse(fixed.text) as { imported: number }).imported, 3);
    });

    void it('writes a good file whole, every record audited with the import reason', async () => {
      const trial = await seed(getStore());
      const dm = await signIn(getApp(), trial.users.data_manager);
      const [s1, s2] = trial.subjects;
      const body = `${HEADER}\r\n${s1},2025-03-01,C1D1,neutrophils,1.2,10^9/L,1.8,7.5\r\n${s2},2025-03-01,C1D1,platelets,85,10^9/L,150,400\r\n${s2},2025-03-01,C1D1,hemoglobin,9.8,g/dL,12,16\r\n`;
      const before = await counts();
      const reply = await dm('POST', '/imports/labs?file=central-2025-03.csv', body);
      assert.equal(reply.status, 201, reply.text);
      const result = JSON.parse(reply.text) as { imported: number; recordIds: number[]; sha256: string };
      assert.equal(result.imported, 3);
      assert.equal((await counts()).records, before.records + 3);
      await sealQueuedAuditEntries(getStore());
      const { rows } = await getStore().query<{ record_id: string; reason: string; changed_by: string; action: string }>(
        "SELECT record_id, reason, changed_by, action FROM audit_log WHERE table_name = 'crf_records' AND record_id = ANY(string_to_array($1, ',')) ORDER BY audit_id",
        [result.recordIds.join(',')],
      );
      assert.deepEqual(rows.map((r) => r.record_id).sort(), result.recordIds.map(String).sort());
      assert.ok(rows.every((r) => r.reason === 'central lab import central-2025-03.csv' && r.changed_by === trial.users.data_manager && r.action === 'create'), JSON.stringify(rows));
      const stored = await getStore().query<{ subject_id: string; data: Record<string, unknown> }>('SELECT subject_id, data FROM crf_records WHERE record_id = $1', [result.recordIds[2]]);
      assert.equal(stored.rows[0].subject_id, s2);
      assert.deepEqual(stored.rows[0].data, { date: '2025-03-01', visit: 'C1D1', analyte: 'hemoglobin', value: 9.8, unit: 'g/dL', lln: 12, uln: 16, source: 'central' });

      assert.deepEqual(JSON.parse(reply.text) as unknown, { ...result, raisedQueryIds: [], raisedQueries: [] });
      const odd = await dm('POST', '/imports/labs?file=odd.csv', `${HEADER}\n${s1},2025-03-01,C1D1,hemoglobin,1.2,g/dL,12,16\n`);
      assert.equal(odd.status, 201, odd.text);
      const [queryId] = (JSON.parse(odd.text) as { raisedQueryIds: number[] }).raisedQueryIds;
      const query = await getStore().query<{ check_code: string; field_path: string; subject_id: string }>('SELECT check_code, field_path, subject_id FROM queries WHERE query_id = $1', [queryId]);
      assert.deepEqual(query.rows, [{ check_code: 'RANGE', field_path: 'value', subject_id: s1 }]);

      const unnamed = await dm('POST', '/imports/labs', `${HEADER}\n${s1},2025-03-08,C1D8,ldh,250,U/L,,\n`);
      assert.equal(unnamed.status, 201);
      const hash = (JSON.parse(unnamed.text) as { sha256: string }).sha256;
      await sealQueuedAuditEntries(getStore());
      const audit = await getStore().query<{ reason: string }>("SELECT reason FROM audit_log WHERE table_name = 'crf_records' ORDER BY audit_id DESC LIMIT 1");
      assert.equal(audit.rows[0].reason, `central lab import sha256:${hash.slice(0, 16)}`);
    });

    void it('saves each row as a single lab save does: live-logic findings (LLN > ULN) raised as queries of the import, listed per line', async () => {
      const trial = await seed(getStore());
      const dm = await signIn(getApp(), trial.users.data_manager);
      const [s1, s2] = trial.subjects;
      const body = [HEADER, `${s1},2025-03-01,C1D1,neutrophils,1.2,10^9/L,1.8,7.5`, `${s2},2025-03-01,C1D1,hemoglobin,100,g/L,160,120`, `${s1},2025-03-08,C1D8,hemoglobin,1.2,g/dL,16,12`].join('\n');
      const before = await counts();
      const reply = await dm('POST', '/imports/labs?file=ranges.csv', `${body}\n`);
      assert.equal(reply.status, 201, reply.text);
      const result = JSON.parse(reply.text) as { recordIds: number[]; raisedQueryIds: number[]; raisedQueries: { line: number; recordId: number; queryIds: number[] }[] };
      assert.equal(result.recordIds.length, 3, 'the rows with a finding are saved');
      assert.deepEqual(
        result.raisedQueries.map((r) => [r.line, r.recordId, r.queryIds.length]),
        [
          [3, result.recordIds[1], 1],
          [4, result.recordIds[2], 2],
        ],
      );
      assert.deepEqual(result.raisedQueryIds, result.raisedQueries.flatMap((r) => r.queryIds));
      const after = await counts();
      assert.equal(after.records, before.records + 3);
      assert.equal(after.queries, before.queries + 3);

      const { rows } = await getStore().query<{ query_id: number; record_id: number; subject_id: string; check_code: string; field_path: string; created_by: string; status: string }>(
        "SELECT query_id, record_id, subject_id, check_code, field_path, created_by, status FROM queries WHERE query_id = ANY(string_to_array($1, ',')::bigint[]) ORDER BY query_id",
        [result.raisedQueryIds.join(',')],
      );
      const who = trial.users.data_manager;
      assert.deepEqual(
        rows.map((q) => [Number(q.query_id), Number(q.record_id), q.subject_id, q.check_code, q.field_path, q.created_by, q.status]),
        [
          [result.raisedQueryIds[0], result.recordIds[1], s2, 'LAB-RANGE', 'lln', who, 'open'],
          // the plausibility finding first, then the live logic's, as on a single save
          [result.raisedQueryIds[1], result.recordIds[2], s1, 'RANGE', 'value', who, 'open'],
          [result.raisedQueryIds[2], result.recordIds[2], s1, 'LAB-RANGE', 'lln', who, 'open'],
        ],
      );
      await sealQueuedAuditEntries(getStore());
      const audit = await getStore().query<{ reason: string; changed_by: string }>(
        "SELECT reason, changed_by FROM audit_log WHERE table_name = 'queries' AND record_id = ANY(string_to_array($1, ',')) ORDER BY audit_id",
        [result.raisedQueryIds.join(',')],
      );
      assert.deepEqual(audit.rows, result.raisedQueryIds.map(() => ({ reason: 'central lab import ranges.csv', changed_by: who })));

      // the same form saved one record at a time raises the same checks, and the same grade is derived
      const single = await withAuditContext(getStore(), { user: 'seed' }, async (tx) => {
        await insertUser(tx, { userId: `coordinator-${trial.siteId}`, displayName: 'coordinator', role: 'coordinator', siteId: trial.siteId });
        await setPasswordHash(tx, `coordinator-${trial.siteId}`, await hashPassword(PASSWORD), new Date());
        return `coordinator-${trial.siteId}`;
      });
      const site = await signIn(getApp(), single);
      const form = { date: '2025-03-01', visit: 'C1D1', analyte: 'hemoglobin', value: 100, unit: 'g/L', lln: 160, uln: 120, source: 'central' };
      const saved = await site('POST', `/subjects/${s2}/records`, JSON.stringify({ formType: 'lab', data: form }), 'application/json');
      assert.equal(saved.status, 201, saved.text);
      const view = JSON.parse(saved.text) as { derived: unknown; editChecks: { checkCode: string }[] };
      assert.deepEqual(view.editChecks.map((f) => f.checkCode), ['LAB-RANGE']);
      const imported = JSON.parse((await dm('GET', `/records/${result.recordIds[1]}`)).text) as { derived: unknown };
      assert.deepEqual(imported.derived, view.derived);
    });

    void it('exports a snapshot as CSV per form and as well-formed ODM 1.3.2 with escaped values', async () => {
      const trial = await seed(getStore());
      const [s1, s2] = trial.subjects;
      const tricky = 'C1 <D1> & "early"';
      const snapshotId = await withAuditContext(getStore(), { user: 'seed' }, async (tx) => {
        await insertCrfRecord(tx, { subjectId: s1, formType: 'lab', visit: tricky, data: { date: '2025-03-01', visit: tricky, analyte: 'neutrophils', value: 0.4, unit: '10^9/L', lln: 1.8, source: 'central' } });
        await insertCrfRecord(tx, { subjectId: s2, formType: 'lab', visit: 'C1D1', data: { date: '2025-03-02', visit: 'C1D1', analyte: 'hemoglobin', value: 101, unit: 'g/L', source: 'local' } });
        await insertCrfRecord(tx, { subjectId: s2, formType: 'adverseEvent', data: { sequence: 1, reportedTerm: "rash, 'itchy'\nnew line", grade: 2, serious: false } });
        return (await createSnapshot(tx, { name: `export ${fresh()}`, cutoffDate: '2025-06-30' })).snapshotId;
      });
      const stat = await signIn(getApp(), trial.users.statistician);

      const csv = await stat('GET', `/snapshots/${snapshotId}/export.csv?form=lab`);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
      const table = parseCsvText(csv.text, 'export.csv');
      assert.deepEqual(table.header.slice(0, 5), ['subjectId', 'siteId', 'recordId', 'recordVersion', 'recordVisit']);
      const mine = table.rows.filter((row) => row[0] === s1 || row[0] === s2);
      assert.equal(mine.length, 2);
      const col = (name: string): number => table.header.indexOf(name);
      assert.equal(mine[0][col('visit')], tricky);
      assert.equal(mine[0][col('value')], '0.4');
      assert.equal(mine[1][col('lln')], '', 'a missing answer is an empty cell');
      const ae = parseCsvText((await stat('GET', `/snapshots/${snapshotId}/export.csv?form=adverseEvent`)).text, 'ae.csv');
      assert.ok(ae.rows.some((row) => row[ae.header.indexOf('reportedTerm')] === "rash, 'itchy'\nnew line"));
      assert.equal((await stat('GET', `/snapshots/${snapshotId}/export.csv?form=nonsense`)).status, 400);

      const odm = await stat('GET', `/snapshots/${snapshotId}/odm.xml`);
      assert.equal(odm.status, 200);
      assert.match(odm.headers.get('content-type') ?? '', /^application\/xml/);
      assert.ok(odm.text.includes('&lt;D1&gt; &amp; &quot;early&quot;'), 'escaped in the text');
      const root = parseWellFormedXml(odm.text);
      assert.equal(root.name, 'ODM');
      assert.equal(root.attributes.ODMVersion, '1.3.2');
      assert.equal(root.attributes.CreationDateTime, '2025-07-01T12:00:00.000Z');
      assert.match(root.attributes.FileOID, new RegExp(`${snapshotId}$`));
      const mdv = xmlElements(root, 'MetaDataVersion')[0];
      const itemName = new Map(xmlElements(mdv, 'ItemDef').map((d) => [d.attributes.OID, d.attributes.Name]));
      const formName = new Map(xmlElements(mdv, 'FormDef').map((d) => [d.attributes.OID, d.attributes.Name]));
      const visitName = new Map(xmlElements(mdv, 'StudyEventDef').map((d) => [d.attributes.OID, d.attributes.Name]));
      assert.ok([...visitName.values()].includes(tricky));
      const subject = xmlElements(root, 'SubjectData').find((s) => s.attributes.SubjectKey === s1);
      assert.ok(subject !== undefined);
      const event = xmlElements(subject, 'StudyEventData')[0];
      assert.equal(visitName.get(event.attributes.StudyEventOID), tricky);
      const form = xmlElements(event, 'FormData')[0];
      assert.equal(formName.get(form.attributes.FormOID), 'lab');
      const items: Record<string, string> = Object.fromEntries(xmlElements(form, 'ItemData').map((d): [string, string] => [itemName.get(d.attributes.ItemOID) ?? '?', d.attributes.Value]));
      assert.deepEqual(items, { date: '2025-03-01', visit: tricky, analyte: 'neutrophils', value: '0.4', unit: '10^9/L', lln: '1.8', source: 'central' });
      const other = xmlElements(root, 'SubjectData').find((s) => s.attributes.SubjectKey === s2);
      assert.ok(other !== undefined && xmlElements(other, 'ItemData').some((d) => d.attributes.Value === "rash, 'itchy'\nnew line"));
      assert.equal((await stat('GET', '/snapshots/999999999/odm.xml')).status, 404);
    });
  });
}
