import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { findProtocol } from '../protocols/index.js';
import { openEmbeddedStore, type Store } from '../store/index.js';
import { repoPath } from '../testing/index.js';
import { DEMO_PASSWORD, seedDemoAccounts } from './seedDemoAccounts.js';
import { startServer, type RunningServer } from './startServer.js';

// The site's workflow on the server: a form kept as a draft and finished later, and a lab panel (every
// analyte of one draw) saved in one request, all or nothing. Run on the second protocol; nothing here is
// written for it.

const module = findProtocol('ret-cabo-2');
if (module === undefined) throw new Error('the second protocol is not registered');
const RET = module;

describe('drafts and lab panels over HTTP', () => {
  let store: Store | undefined;
  let server: RunningServer | undefined;
  let cookie = '';
  let subjectId = '';

  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
    const response = await fetch(`${server?.url ?? ''}/api/v1${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> };
  };
  const records = async (): Promise<{ recordId: number; formType: string; version: number; data: Record<string, unknown> }[]> =>
    (await call('GET', `/subjects/${subjectId}/records`)).json.records as { recordId: number; formType: string; version: number; data: Record<string, unknown> }[];

  before(async () => {
    store = await openEmbeddedStore();
    await seedDemoAccounts(store, { sites: [{ siteId: 'R01', name: 'Site R01' }] });
    server = await startServer({ store, protocol: RET, port: 0 });
    const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'demo-coordinator', password: DEMO_PASSWORD }) });
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    subjectId = String((await call('POST', '/subjects', {})).json.subjectId);
    const example = JSON.parse(readFileSync(repoPath('examples', 'ret-cabo-2', 'screening-eligible.json'), 'utf8')) as Record<string, unknown>;
    assert.equal((await call('POST', `/subjects/${subjectId}/records`, { formType: 'screening', data: example })).status, 201);
    assert.equal((await call('POST', `/subjects/${subjectId}/status`, { status: 'enrolled', version: 1, reason: 'eligible' })).status, 200);
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  it('keeps an incomplete form as a draft, refuses a bad value in it, and finishes it as a record in one step', async () => {
    const lab = RET.definition.forms.find((f) => f.role === 'lab');
    assert.ok(lab !== undefined);
    const bad = await call('POST', `/subjects/${subjectId}/drafts`, { formType: lab.id, visit: 'C1D1', data: { date: '2024-03-12', value: -4 } });
    assert.equal(bad.status, 422);
    assert.deepEqual((bad.json.error as { issues: { path: unknown[] }[] }).issues.map((i) => i.path), [['data', 'value']]);
    assert.equal((await records()).filter((r) => r.formType === 'draft').length, 0, 'a refused draft stores nothing');

    const kept = await call('POST', `/subjects/${subjectId}/drafts`, { formType: lab.id, visit: 'C1D1', data: { date: '2024-03-12', analyte: 'hemoglobin' } });
    assert.equal(kept.status, 201, JSON.stringify(kept.json));
    const draft = (kept.json.record as { recordId: number; version: number; data: Record<string, unknown> });
    assert.deepEqual(draft.data, { status: 'draft', formType: lab.id, data: { date: '2024-03-12', analyte: 'hemoglobin' } });
    const again = await call('PUT', `/drafts/${draft.recordId}`, { version: draft.version, data: { date: '2024-03-12', analyte: 'hemoglobin', value: 121 } });
    assert.equal(again.status, 200, JSON.stringify(again.json));
    const version = (again.json.record as { version: number }).version;

    const incomplete = await call('POST', `/drafts/${draft.recordId}/complete`, { version, data: { date: '2024-03-12', analyte: 'hemoglobin', value: 121 } });
    assert.equal(incomplete.status, 422);
    assert.ok((incomplete.json.error as { issues: { path: unknown[] }[] }).issues.some((i) => i.path.join('.') === 'data.unit'), 'the missing unit is named');
    assert.equal((await records()).filter((r) => r.formType === 'draft').length, 1, 'a refused completion keeps the draft');

    const done = await call('POST', `/drafts/${draft.recordId}/complete`, { version, data: { date: '2024-03-12', visit: 'C1D1', analyte: 'hemoglobin', value: 121, unit: 'g/L', source: 'local' } });
    assert.equal(done.status, 201, JSON.stringify(done.json));
    const now = await records();
    assert.deepEqual(now.filter((r) => r.formType === 'draft'), [], 'the draft is gone');
    assert.equal(now.filter((r) => r.formType === lab.id).length, 1);
  });

  it('saves every analyte of a draw in one request, or none when one value is impossible', async () => {
    const before = (await records()).length;
    const shared = { date: '2024-04-08', visit: 'C2D1', source: 'local' };
    const refused = await call('POST', `/subjects/${subjectId}/lab-panels`, {
      shared,
      results: [
        { analyte: 'platelets', value: 150, unit: '10^9/L' },
        { analyte: 'hemoglobin', value: 900, unit: 'g/L' },
      ],
    });
    assert.equal(refused.status, 422);
    assert.deepEqual((refused.json.error as { issues: { path: unknown[] }[] }).issues.map((i) => i.path), [['results', 1, 'value']]);
    assert.equal((await records()).length, before, 'nothing saved');

    const saved = await call('POST', `/subjects/${subjectId}/lab-panels`, {
      shared,
      results: [
        { analyte: 'platelets', value: 150, unit: '10^9/L' },
        { analyte: 'hemoglobin', value: 118, unit: 'g/L', lln: 120, uln: 160 },
      ],
    });
    assert.equal(saved.status, 201, JSON.stringify(saved.json));
    const rows = saved.json.records as { record: { visit: string; data: Record<string, unknown> }; derived: { ctcae?: unknown[] } }[];
    assert.deepEqual(rows.map((r) => [r.record.visit, r.record.data.analyte, r.record.data.date]), [['C2D1', 'platelets', '2024-04-08'], ['C2D1', 'hemoglobin', '2024-04-08']]);
    assert.ok(Array.isArray(rows[1].derived.ctcae), 'each analyte is graded as a single lab save is');
    assert.equal((await records()).length, before + 2);
  });
});
