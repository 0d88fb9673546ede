import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { ScreeningRecord, SubjectRecord } from '../clinical/index.js';
import { findProtocol } from '../protocols/index.js';
import { retSubject, retTrial, tumourRead } from '../protocols/ret-cabo-2/testing/index.js';
import { getTrialProtocol, insertUser, openEmbeddedStore, setPasswordHash, withAuditContext, type Store } from '../store/index.js';
import { repoPath } from '../testing/index.js';
import { createApp } from './createApp.js';
import { loadDemoTrial, type DemoLoadSummary } from './loadDemoTrial.js';
import { hashPassword } from './passwords.js';
import { readTrialFromStore } from './readTrialFromStore.js';

// The EDC on the second registered protocol, RET-CABO-2 (a solid tumour, RECIST 1.1, one drug, tumour reads
// with a repeating group of lesions), with nothing in the server written for it: a trial of its fixtures is
// entered through the site services, read back, served to the site and the IRC over HTTP.

const module = findProtocol('ret-cabo-2');
if (module === undefined) throw new Error('the second protocol is not registered');
const RET = module;
const PASSWORD = 'correct horse battery staple';

/** The protocol's example eligible screening record, dated at the subject's consent. */
function screeningOf(record: SubjectRecord): ScreeningRecord {
  const example = JSON.parse(readFileSync(repoPath('examples', 'ret-cabo-2', 'screening-eligible.json'), 'utf8')) as ScreeningRecord;
  const day = record.subject.consentDate;
  const labs = Object.fromEntries(Object.entries(example.labs ?? {}).map(([key, lab]) => [key, lab === null || lab === undefined ? lab : { ...lab, date: day }]));
  return { ...example, screeningDate: day, consentDate: day, ...(record.subject.enrolmentDate === undefined ? {} : { enrolmentDate: record.subject.enrolmentDate }), labs };
}

describe('the EDC on the second protocol (RET-CABO-2, RECIST 1.1)', () => {
  let store: Store | undefined;
  let loaded: DemoLoadSummary | undefined;
  const trial = retTrial([retSubject(1, { t1Mm: [30, 20, 18, 18] }), retSubject(2, { enrolmentDate: '2024-04-02', t1Mm: [40, 45, 60, 60] }), retSubject(3, { enrolmentDate: '2024-05-06' })]);

  before(async () => {
    store = await openEmbeddedStore();
    loaded = await loadDemoTrial(store, RET, trial, { screening: trial.subjects.map(screeningOf), reopenAfterSnapshot: true });
  });
  after(async () => {
    await store?.close();
  });

  it('enters its trial through the site services: eligible enrolments, no query, the protocol recorded', async () => {
    assert.ok(store !== undefined && loaded !== undefined);
    assert.equal(loaded.subjectsLoaded, 3);
    assert.deepEqual(loaded.protocolDeviations, []);
    assert.equal(loaded.queriesRaised, 0);
    assert.deepEqual([(await getTrialProtocol(store))?.protocolId, (await getTrialProtocol(store))?.synthetic], ['ret-cabo-2', true]);
  });

  it('reads back the same forms, tumour reads (lesion groups) in diseaseForms', async () => {
    assert.ok(store !== undefined && loaded !== undefined);
    const read = await readTrialFromStore(store, RET, { snapshot: loaded.snapshotName });
    const plain = (record: SubjectRecord): unknown => JSON.parse(JSON.stringify({ ...record, subject: { ...record.subject, subjectId: '' } }));
    const byNumber = new Map(read.subjects.map((s) => [s.subject.screeningNumber, plain(s)]));
    for (const subject of trial.subjects) assert.deepEqual(byNumber.get(subject.subject.screeningNumber), plain(subject), subject.subject.subjectId);
  });

  it('serves its forms over HTTP, derives RECIST 1.1 on a new read, and shows the IRC the sum of target diameters', async () => {
    assert.ok(store !== undefined);
    const hash = await hashPassword(PASSWORD);
    await withAuditContext(store, { user: 'seed' }, async (tx) => {
      for (const [userId, role, siteId] of [['ret-site', 'investigator', trial.sites[0].siteId], ['ret-irc', 'irc', null]] as const) {
        await insertUser(tx, { userId, displayName: userId, role, siteId });
        await setPasswordHash(tx, userId, hash, new Date());
      }
    });
    const app = createApp({ store, protocol: RET, clock: () => new Date('2025-06-30T12:00:00Z') });
    const signIn = async (userId: string) => {
      const login = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, password: PASSWORD }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      return async (method: string, path: string, body?: unknown) => {
        const response = await app.request(`/api/v1${path}`, { method, headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };
    };
    const site = await signIn('ret-site');
    const view = (await site('GET', '/protocol')).body as { id: string; forms: { id: string; fields: { key: string; type: string }[] }[]; response: { scale: { id: string } } };
    assert.equal(view.id, 'ret-cabo-2');
    assert.equal(view.forms.find((f) => f.id === 'tumourAssessment')?.fields.find((f) => f.key === 'lesions')?.type, 'group');
    const subjects = (await site('GET', '/subjects')).body.subjects as { subjectId: string; screeningNumber: string }[];
    const third = subjects.find((s) => s.screeningNumber === trial.subjects[2].subject.screeningNumber);
    assert.ok(third !== undefined);
    // the third subject's reads are stable (T1 30 mm, T2 20 mm); a new central read at T1 15 mm (sum 35 from 50, -30 %) is a partial response
    const saved = await site('POST', `/subjects/${third.subjectId}/records`, { formType: 'tumourAssessment', data: tumourRead('2025-01-13', 'TA5', 'central', 15) });
    assert.equal(saved.status, 201, JSON.stringify(saved.body));
    const evaluation = (saved.body.derived as { response: { scale: string; evaluations: { evaluator: string; assessment: { response: string } | null }[] } }).response;
    assert.equal(evaluation.scale, view.response.scale.id);
    assert.deepEqual(evaluation.evaluations.map((e) => [e.evaluator, e.assessment?.response]), [['IRC', 'PR']]);
    const negative = await site('POST', `/subjects/${third.subjectId}/records`, { formType: 'tumourAssessment', data: tumourRead('2025-02-10', 'TA6', 'central', -2) });
    assert.equal(negative.status, 422);
    assert.deepEqual((negative.body.error as { issues: { path: unknown[] }[] }).issues.map((i) => i.path), [['data', 'lesions', 0, 'diameterMm']]);
    const foreign = await site('POST', `/subjects/${third.subjectId}/records`, { formType: 'diseaseAssessment', data: {} });
    assert.equal(foreign.status, 422, "the reference protocol's form is not this protocol's");

    const irc = await signIn('ret-irc');
    const cases = (await irc('GET', '/irc/assessments')).body.cases as { parameters: { code: string; label: string }[]; bestOverall: { derivedResponse: string | null } }[];
    assert.equal(cases.length, 3);
    assert.ok(cases.every((c) => c.parameters.map((p) => p.code).join() === 'SUMDIAM'));
    // best overall: -24 % stays SD; the growing one was SD before it progressed; the new PR is not confirmed yet
    assert.deepEqual(cases.map((c) => c.bestOverall.derivedResponse), ['SD', 'SD', 'SD']);
  });

  it("shows the sponsor the Simon stage-1 decision computed from the snapshot's data (aggregates only)", async () => {
    assert.ok(store !== undefined && loaded !== undefined);
    await withAuditContext(store, { user: 'seed' }, async (tx) => {
      await insertUser(tx, { userId: 'ret-sponsor', displayName: 'ret-sponsor', role: 'sponsor', siteId: null });
      await setPasswordHash(tx, 'ret-sponsor', await hashPassword(PASSWORD), new Date());
    });
    const app = createApp({ store, protocol: RET, clock: () => new Date('2025-06-30T12:00:00Z') });
    const login = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'ret-sponsor', password: PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const reply = await app.request('/api/v1/analysis/dashboard', { headers: { cookie } });
    assert.equal(reply.status, 200);
    const text = await reply.text();
    const answer = JSON.parse(text) as { dashboard: { design: { n1: number; r1: number; n: number; r: number; decision: { stage1: Record<string, unknown>; final: Record<string, unknown> }; stage1Text: string } | null } };
    const design = answer.dashboard.design;
    assert.ok(design !== null, 'a Simon design has a status');
    const plan = RET.definition.analysisPlan.design;
    assert.ok(plan.kind === 'simon-two-stage');
    assert.deepEqual([design.n1, design.r1, design.n, design.r], [plan.n1, plan.r1, plan.n, plan.r]);
    // three subjects, none responding at the snapshot; the second progressed (a final non-responder), the others are still assessed
    assert.deepEqual(design.decision.stage1, { size: plan.n1, threshold: plan.r1, accrued: 3, responders: 0, nonResponders: 1, pending: 2, state: 'accruing' });
    assert.match(design.stage1Text, new RegExp(`^Stage 1 accruing: 0 responders among the first 3 of ${plan.n1} subjects`));
  });
});
