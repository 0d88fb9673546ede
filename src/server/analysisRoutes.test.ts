import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { createAdrs, createAdsl } from '../clinical/index.js';
import { findProtocol } from '../protocols/index.js';
import { createSnapshot, listLocks, listSubjects, openEmbeddedStore, withAuditContext, type Store } from '../store/index.js';
import type { AnalysisDashboard } from './analysisDashboard.js';
import { analysisDashboardResponse } from './analysisResponses.js';
import type { DashboardAnswer } from './analysisRoutes.js';
import { readZip } from '../testing/index.js';
import { createApp } from './createApp.js';
import { DEMO_DATA_MANAGER, loadDemoTrial } from './loadDemoTrial.js';
import { referenceDemoTrial } from './loadDemoTrialContract.js';
import { readTrialFromStore } from './readTrialFromStore.js';
import { DEMO_PASSWORD, seedDemoAccounts } from './seedDemoAccounts.js';

// A small uncalibrated synthetic trial (the reference protocol's demo generator, 24 enrolled), entered through
// the EDC's services, locked and snapshotted by loadDemoTrial; the dashboard and the report are read back over
// HTTP.

const reference = findProtocol('nct05236621');
if (reference === undefined) throw new Error('the reference protocol is not registered');
const PROTOCOL = reference;
const reportTitle = async (): Promise<string> => (await import('../publish/index.js')).REPORT_TITLE;

interface Reply {
  readonly status: number;
  readonly type: string;
  readonly text: string;
  readonly bytes: Uint8Array;
}

type App = ReturnType<typeof createApp>;

async function signIn(app: App, userId: string): Promise<(path: string) => Promise<Reply>> {
  const login = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, password: DEMO_PASSWORD }) });
  assert.equal(login.status, 200, `login of ${userId}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  return async (path) => {
    const response = await app.request(`/api/v1${path}`, { headers: { cookie } });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: new TextDecoder().decode(bytes), bytes };
  };
}

function ready(reply: Reply): AnalysisDashboard {
  assert.equal(reply.status, 200, reply.text.slice(0, 300));
  const answer = JSON.parse(reply.text) as DashboardAnswer;
  assert.equal(answer.state, 'ready', reply.text.slice(0, 300));
  // the answer is what the OpenAPI document declares
  assert.equal(analysisDashboardResponse.safeParse(answer).success, true);
  if (answer.state !== 'ready') throw new Error('unreachable');
  return answer.dashboard;
}

let store: Store | undefined;
let app: App | undefined;

function world(): { store: Store; app: App } {
  if (store === undefined || app === undefined) throw new Error('the store did not load (see the before hook)');
  return { store, app };
}

describe('analysis routes (dashboard of the latest snapshot, the report in its full and aggregate editions)', () => {
  before(async () => {
    store = await openEmbeddedStore();
    const demo = referenceDemoTrial({ seed: 5, size: 24 });
    await loadDemoTrial(store, PROTOCOL, demo.trial, { screening: demo.screening });
    app = createApp({ store, protocol: PROTOCOL });
  });
  after(async () => {
    await store?.close();
  });

  it('gives the statistician the report numbers with the subjects behind each count', async () => {
    const { store, app } = world();
    const dashboard = ready(await (await signIn(app, 'demo-statistician'))('/analysis/dashboard'));
    assert.equal(dashboard.drillDown, true);
    assert.equal(dashboard.snapshot.name, 'cutoff-2022-12-01');
    // the responders of the ORR count are the IRC responders of the full analysis set, derived independently here
    const trial = await readTrialFromStore(store, PROTOCOL, { snapshot: dashboard.snapshot.name });
    const adsl = createAdsl(trial, PROTOCOL.definition).dataset;
    const fas = new Set(adsl.filter((s) => s.FASFL === 'Y').map((s) => s.USUBJID));
    const responders = createAdrs(trial, PROTOCOL.definition, adsl)
      .dataset.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC' && r.RSPFL === 'Y' && fas.has(r.USUBJID))
      .map((r) => r.USUBJID)
      .sort();
    const orr = dashboard.keyNumbers.find((k) => k.id === 'orr');
    assert.ok(orr !== undefined && orr.count !== null);
    assert.deepEqual(orr.count.subjects, responders);
    assert.equal(orr.count.value, responders.length);
    assert.equal(orr.population.N, fas.size);
    assert.ok(orr.value !== null && Math.abs(orr.value - responders.length / fas.size) < 1e-12);
    assert.match(orr.text, /95% CI/);
    assert.deepEqual(dashboard.keyNumbers.map((k) => k.id), ['orr', 'dcr', 'pfs', 'os']);
    // every figure link names a subject list, and every listed subject has its facts
    const links = [...JSON.stringify(dashboard.figures).matchAll(/#drill-(\d+)/g)].map((m) => Number(m[1]));
    assert.ok(links.length > 0);
    assert.ok(links.every((i) => i < dashboard.subjectLists.length));
    for (const id of dashboard.subjectLists.flat()) assert.ok(dashboard.subjects[id] !== undefined, id);
    for (const id of orr.count.subjects) assert.equal(dashboard.subjects[id].subjectId, adsl.find((s) => s.USUBJID === id)?.SUBJID);
    // enrolment by site over time: each enrolled subject in exactly one site-month cell
    const enrolment = dashboard.figures.find((f) => f.id === 'f-enrolment');
    assert.ok(enrolment !== undefined);
    const enrolledIds = (await listSubjects(store, null)).filter((s) => s.status !== 'screen_failure' && s.status !== 'screening').length;
    assert.equal(enrolment.population?.N, enrolledIds);
    const bySite = dashboard.tables.find((t) => t.id === 't-enrolment-site');
    assert.ok(bySite !== undefined);
    assert.equal(bySite.rows.reduce((n, r) => n + r.cells[0].subjects.length, 0), enrolledIds);
    assert.deepEqual(
      dashboard.figures.map((f) => f.id),
      ['f-enrolment', 'f-km-pfs', 'f-km-os', 'f-forest-orr', 'f-swimmer'],
    );
    assert.deepEqual(
      dashboard.tables.map((t) => t.id),
      ['t-enrolment-site', 't-response-rate', 't-subgroup-response', 't-pfs', 't-os', 't-teae-overview'],
    );
  });

  it('answers as the OpenAPI document declares', async () => {
    const { app } = world();
    const reply = await (await signIn(app, 'demo-statistician'))('/analysis/dashboard');
    type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: Record<string, unknown> }> }> }>> };
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as Doc;
    const declared = doc.paths['/analysis/dashboard'].get.responses['200'].content['application/json'].schema;
    const parsed = z.fromJSONSchema(declared).safeParse(JSON.parse(reply.text));
    assert.equal(parsed.success, true, parsed.success ? '' : z.prettifyError(parsed.error).slice(0, 400));
    assert.ok(doc.paths['/analysis/report'].get.responses['200'].content['text/html'] !== undefined);
  });

  it('gives the sponsor the same aggregates and no subject id anywhere in the answer', async () => {
    const { store, app } = world();
    const reply = await (await signIn(app, 'demo-sponsor'))('/analysis/dashboard');
    const sponsor = ready(reply);
    const statistician = ready(await (await signIn(app, 'demo-statistician'))('/analysis/dashboard'));
    assert.equal(sponsor.drillDown, false);
    assert.deepEqual(sponsor.subjectLists, []);
    assert.deepEqual(sponsor.subjects, {});
    assert.deepEqual(
      sponsor.keyNumbers.map((k) => [k.text, k.count?.text]),
      statistician.keyNumbers.map((k) => [k.text, k.count?.text]),
    );
    assert.deepEqual(
      sponsor.tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text))),
      statistician.tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text))),
    );
    const ids = (await listSubjects(store, null)).map((s) => s.subjectId);
    assert.ok(ids.length > 0);
    const leaked = ids.filter((id) => reply.text.includes(id));
    assert.deepEqual(leaked, []);
    assert.doesNotMatch(reply.text, /#drill-/);
  });

  it('refuses the site roles, the IRC and the admin', async () => {
    const { app } = world();
    for (const userId of ['demo-investigator', 'demo-coordinator', 'demo-irc', 'demo-admin']) {
      const get = await signIn(app, userId);
      assert.equal((await get('/analysis/dashboard')).status, 403, userId);
      assert.equal((await get('/analysis/report')).status, 403, userId);
    }
    const anonymous = await app.request('/api/v1/analysis/dashboard');
    assert.equal(anonymous.status, 401);
    assert.equal((await app.request('/api/v1/analysis/report')).status, 401);
  });

  it('gives the sponsor the aggregate edition of the report (no subject id, the same numbers) and the statistician the full one', async () => {
    const { store, app } = world();
    const ids = (await listSubjects(store, null)).map((s) => s.subjectId);
    assert.ok(ids.length > 0);
    const cited = (text: string) => ids.filter((id) => text.includes(id));
    const sponsor = await signIn(app, 'demo-sponsor');
    const statistician = await signIn(app, 'demo-statistician');
    const dashboard = ready(await sponsor('/analysis/dashboard'));
    const html = await sponsor('/analysis/report?format=html');
    assert.equal(html.status, 200, html.text.slice(0, 300));
    assert.match(html.type, /^text\/html/);
    assert.ok(html.text.includes(`${await reportTitle()} (aggregate edition)`));
    assert.match(html.text, /Left out: the subjects behind each count/);
    assert.deepEqual(cited(html.text), []);
    for (const k of dashboard.keyNumbers) assert.ok(html.text.includes(k.text), `the aggregate report prints ${k.label} as the dashboard does`);
    const docx = await sponsor(`/analysis/report?format=docx&snapshotId=${dashboard.snapshot.snapshotId}`);
    assert.equal(docx.status, 200);
    const documentXml = readZip(docx.bytes).get('word/document.xml')?.toString('utf8') ?? '';
    assert.ok(documentXml.includes('(aggregate edition)'));
    assert.deepEqual(cited(documentXml), []);
    const full = await statistician('/analysis/report?format=html');
    assert.equal(full.status, 200);
    assert.ok(!full.text.includes('(aggregate edition)'));
    assert.ok(full.text.includes('id="appendix-subjects"'));
    assert.ok(cited(full.text).length > 0, 'the full report lists subjects (so the checks above can fail)');
    const fullDocx = await statistician('/analysis/report?format=docx');
    assert.ok(cited(readZip(fullDocx.bytes).get('word/document.xml')?.toString('utf8') ?? '').length > 0);
  });

  it('serves the full report of the snapshot as HTML, DOCX and PDF', async () => {
    const { app } = world();
    const get = await signIn(app, 'demo-statistician');
    const dashboard = ready(await get('/analysis/dashboard'));
    const html = await get('/analysis/report?format=html');
    assert.equal(html.status, 200, html.text.slice(0, 300));
    assert.match(html.type, /^text\/html/);
    assert.ok(html.text.includes(await reportTitle()));
    const orr = dashboard.keyNumbers.find((k) => k.id === 'orr');
    assert.ok(orr !== undefined && html.text.includes(orr.text), 'the report prints the ORR the dashboard shows');
    const docx = await get(`/analysis/report?format=docx&snapshotId=${dashboard.snapshot.snapshotId}`);
    assert.equal(docx.status, 200);
    assert.deepEqual([...docx.bytes.slice(0, 2)], [0x50, 0x4b], 'a DOCX is a zip');
    const pdf = await get('/analysis/report?format=pdf');
    assert.equal(pdf.status, 200, pdf.text.slice(0, 300));
    assert.equal(new TextDecoder().decode(pdf.bytes.slice(0, 5)), '%PDF-');
    assert.equal((await get('/analysis/report?format=xlsx')).status, 400);
    assert.equal((await get('/analysis/report?snapshotId=999')).status, 404);
  });

  it('reads the latest snapshot by default, another one when asked, and lists them newest first', async () => {
    const { store, app } = world();
    const get = await signIn(app, 'demo-statistician');
    const first = ready(await get('/analysis/dashboard'));
    await withAuditContext(store, { user: DEMO_DATA_MANAGER }, async (tx) => {
      const lock = (await listLocks(tx)).find((l) => l.scope === 'trial' && !l.released);
      assert.ok(lock !== undefined);
      await createSnapshot(tx, { name: 'second-look', cutoffDate: lock.cutoffDate, lockId: lock.lockId });
    });
    const reply = await get('/analysis/dashboard');
    const latest = ready(reply);
    assert.equal(latest.snapshot.name, 'second-look');
    const answer = JSON.parse(reply.text) as DashboardAnswer;
    assert.ok(answer.state === 'ready');
    assert.deepEqual(answer.snapshots.map((s) => s.name), ['second-look', first.snapshot.name]);
    // the same locked data, so the same numbers
    assert.deepEqual(latest.keyNumbers, first.keyNumbers);
    const older = ready(await get(`/analysis/dashboard?snapshotId=${first.snapshot.snapshotId}`));
    assert.equal(older.snapshot.snapshotId, first.snapshot.snapshotId);
    assert.equal((await get('/analysis/dashboard?snapshotId=999')).status, 404);
    assert.equal((await get('/analysis/dashboard?snapshotId=abc')).status, 404);
  });

  it('says so when there is no snapshot yet', async () => {
    const empty = await openEmbeddedStore();
    try {
      await seedDemoAccounts(empty, { sites: [{ siteId: 'S01', name: 'Demo site 01' }] });
      const get = await signIn(createApp({ store: empty, protocol: PROTOCOL }), 'demo-statistician');
      const reply = await get('/analysis/dashboard');
      assert.equal(reply.status, 200);
      const answer = JSON.parse(reply.text) as DashboardAnswer;
      assert.equal(answer.state, 'no-snapshot');
      assert.equal(analysisDashboardResponse.safeParse(answer).success, true);
    } finally {
      await empty.close();
    }
  });
});
