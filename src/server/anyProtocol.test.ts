import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { findProtocol } from '../protocols/index.js';
import { insertSite, insertUser, openEmbeddedStore, setPasswordHash, withAuditContext, type Store } from '../store/index.js';
import { TOY_SCALE, repoPath, toyProtocol } from '../testing/index.js';
import { createApp } from './createApp.js';
import { hashPassword } from './passwords.js';
import { readTrialFromStore } from './readTrialFromStore.js';
import type { AppEnv } from './route.js';

// The EDC serves a protocol it has never seen from its definition alone: a test protocol with one drug, a
// response scale of its own and a disease form with a repeating group of lesions (src/testing/toyProtocol.ts).

const PASSWORD = 'correct horse battery staple';
const TOY = toyProtocol();

let store: Store | undefined;
let app: Hono<AppEnv> | undefined;

type Send = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;

async function signIn(userId: string): Promise<Send> {
  if (app === undefined) throw new Error('no app');
  const current = app;
  const login = await current.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, password: PASSWORD }) });
  assert.equal(login.status, 200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  return async (method, path, body) => {
    const response = await current.request(`/api/v1${path}`, { method, headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  };
}

const lesions = (date: string, visit: string, diameters: readonly number[], source = 'central') => ({
  formType: 'lesionAssessment',
  data: { date, visit, source, lesions: diameters.map((d, i) => ({ lesionId: `T${i + 1}`, site: i === 0 ? 'lung' : 'liver', diameterMm: d })) },
});

describe('the EDC serving another protocol (a test protocol with lesion forms and one drug)', () => {
  before(async () => {
    store = await openEmbeddedStore();
    const hash = await hashPassword(PASSWORD);
    await withAuditContext(store, { user: 'seed' }, async (tx) => {
      await insertSite(tx, { siteId: 'T01', name: 'Toy site' });
      for (const [userId, role, siteId] of [['toy-investigator', 'investigator', 'T01'], ['toy-irc', 'irc', null], ['toy-dm', 'data_manager', null]] as const) {
        await insertUser(tx, { userId, displayName: userId, role, siteId });
        await setPasswordHash(tx, userId, hash, new Date());
      }
    });
    app = createApp({ store, protocol: TOY, clock: () => new Date('2022-06-01T09:00:00Z') });
  });
  after(async () => {
    await store?.close();
  });

  it('serves its forms, its drug and its scale, and the OpenAPI document lists its forms', async () => {
    const site = await signIn('toy-investigator');
    const view = (await site('get', '/protocol')).body as { id: string; forms: { id: string; fields: { key: string; type: string }[] }[]; regimen: { drugs: { id: string }[] }; response: { scale: { id: string } } };
    assert.equal(view.id, 'toy-protocol');
    assert.deepEqual(view.regimen.drugs.map((d) => d.id), ['drug-a']);
    assert.equal(view.response.scale.id, TOY_SCALE.id);
    assert.equal(view.forms.find((f) => f.id === 'lesionAssessment')?.fields.find((f) => f.key === 'lesions')?.type, 'group');
    assert.ok(!view.forms.some((f) => f.id === 'diseaseAssessment'));
    const doc = (await site('get', '/openapi.json')).body as { components: { schemas: Record<string, unknown> } };
    assert.ok(doc.components.schemas.lesionAssessment !== undefined && doc.components.schemas.diseaseAssessment === undefined);
  });

  it("enters its forms, derives the response on its scale and the dose of its one drug, checks limits inside a group, and reads the trial back", async () => {
    const site = await signIn('toy-investigator');
    const subjectId = String((await site('post', '/subjects', {})).body.subjectId);
    const example = JSON.parse(readFileSync(repoPath('examples', 'nct05236621', 'screening-eligible.json'), 'utf8')) as { priorTherapyLines: Record<string, unknown>[] };
    // the best response of a prior line is on this protocol's scale: the reference protocol's categories are refused
    const refused = await site('post', `/subjects/${subjectId}/records`, { formType: 'screening', data: example });
    assert.equal(refused.status, 422);
    assert.match(JSON.stringify(refused.body), /"path":\["data","priorTherapyLines",0,"bestResponse"\].*SHRINK/);
    const screening = { ...example, priorTherapyLines: example.priorTherapyLines.map(({ bestResponse: _scale, ...line }) => line) };
    assert.equal((await site('post', `/subjects/${subjectId}/records`, { formType: 'screening', data: screening })).status, 201);
    assert.equal((await site('post', `/subjects/${subjectId}/status`, { status: 'enrolled', version: 1, reason: 'eligible' })).status, 200);

    // the reference protocol's forms are not this protocol's
    const other = await site('post', `/subjects/${subjectId}/records`, { formType: 'diseaseAssessment', data: { date: '2021-05-18', visit: 'x', source: 'central' } });
    assert.equal(other.status, 422);
    assert.deepEqual((other.body.error as { issues: { path: unknown[] }[] }).issues[0].path, ['formType']);
    const [reference] = findProtocol('nct05236621')?.definition.regimen.drugs ?? [];
    const ae = {
      sequence: 1, reportedTerm: 'rash', preferredTerm: 'Rash maculo-papular', onsetDate: '2021-06-01', grade: 2, serious: false,
      relatedness: { [reference.id]: 'possible' }, actionTaken: { [reference.id]: 'none' }, ledToStudyDiscontinuation: false, outcome: 'recovered', endDate: '2021-06-10',
    };
    const wrongDrug = await site('post', `/subjects/${subjectId}/records`, { formType: 'adverseEvent', data: ae });
    assert.equal(wrongDrug.status, 422, 'causality is asked per drug of this regimen');
    const fields = (wrongDrug.body.error as { issues: { code: string; path: unknown[] }[] }).issues.map((i) => [i.code, i.path.join('.')]);
    assert.ok(fields.some(([code, path]) => code === 'unknown-field' && path === `data.relatedness.${reference.id}`), JSON.stringify(fields));
    assert.equal((await site('post', `/subjects/${subjectId}/records`, { formType: 'adverseEvent', data: { ...ae, relatedness: { 'drug-a': 'possible' }, actionTaken: { 'drug-a': 'none' } } })).status, 201);

    const dose = await site('post', `/subjects/${subjectId}/records`, {
      formType: 'dosing',
      data: { cycle: 1, drug: 'drug-a', startDate: '2021-05-20', endDate: '2021-06-09', plannedDoseMg: 4, plannedDays: 21, doseGivenMg: 4, daysGiven: 21, delayed: false, interrupted: false, reduced: false },
    });
    const proposal = (dose.body.derived as { doseProposal: { drugs: { drug: string; doseMg: number }[] } }).doseProposal;
    assert.deepEqual(proposal.drugs.map((d) => [d.drug, d.doseMg]), [['drug-a', 4]]);

    // a hard limit of a field inside a row of the group: 422 naming the row and field; a soft one: a query on it
    const negative = await site('post', `/subjects/${subjectId}/records`, lesions('2021-05-15', 'BL', [40, -3]));
    assert.equal(negative.status, 422);
    assert.deepEqual((negative.body.error as { issues: { path: unknown[] }[] }).issues.map((i) => i.path), [['data', 'lesions', 1, 'diameterMm']]);
    const duplicate = await site('post', `/subjects/${subjectId}/records`, { formType: 'lesionAssessment', data: { date: '2021-05-15', visit: 'BL', source: 'central', lesions: [{ lesionId: 'T1', site: 'lung', diameterMm: 4 }, { lesionId: 'T1', site: 'lung', diameterMm: 5 }] } });
    assert.equal(duplicate.status, 422, 'a lesion id used twice');
    const baseline = await site('post', `/subjects/${subjectId}/records`, lesions('2021-05-15', 'BL', [40, 350]));
    assert.equal(baseline.status, 201, JSON.stringify(baseline.body));
    assert.deepEqual((baseline.body.editChecks as { checkCode: string; fieldPath: string }[]).map((f) => [f.checkCode, f.fieldPath]), [['RANGE', 'lesions.1.diameterMm']]);
    await site('post', `/subjects/${subjectId}/records`, lesions('2021-07-10', 'W8', [30, 250]));
    const shrink = await site('post', `/subjects/${subjectId}/records`, lesions('2021-09-05', 'W16', [20, 200]));
    type Evaluation = { evaluator: string; assessment: { response: string } | null; best: string };
    const [central] = (shrink.body.derived as { response: { scale: string; evaluations: Evaluation[] } }).response.evaluations;
    assert.deepEqual([central.evaluator, central.assessment?.response, central.best], ['IRC', 'SHRINK', 'SHRINK']);

    const irc = await signIn('toy-irc');
    const cases = (await irc('get', '/irc/assessments')).body.cases as { parameters: { code: string }[]; assessments: { values: Record<string, number>; derivedResponse: string | null }[]; bestOverall: { derivedResponse: string | null } }[];
    assert.equal(cases.length, 1);
    assert.deepEqual(cases[0].parameters.map((p) => p.code), ['SUMDIAM']);
    assert.deepEqual(cases[0].assessments.map((a) => [a.values.SUMDIAM, a.derivedResponse]), [[390, null], [280, 'STABLE'], [220, 'SHRINK']]);
    assert.equal(cases[0].bestOverall.derivedResponse, 'SHRINK');

    if (store === undefined) throw new Error('no store');
    const trial = await readTrialFromStore(store, TOY, { cutoffDate: '2022-06-01' });
    assert.equal(trial.protocolId, 'toy-protocol');
    const [subject] = trial.subjects;
    assert.deepEqual(subject.diseaseForms.lesionAssessment.map((row) => (row.lesions as { diameterMm: number }[]).map((l) => l.diameterMm)), [[40, 350], [30, 250], [20, 200]]);
    assert.deepEqual(subject.adverseEvents[0].relatedness, { 'drug-a': 'possible' });
  });

  it('refuses to serve the reference protocol on this database', async () => {
    const reference = findProtocol('nct05236621');
    assert.ok(reference !== undefined && store !== undefined);
    const wrong = createApp({ store, protocol: reference });
    const response = await wrong.request('/api/v1/auth/session');
    assert.equal(response.status, 409);
    assert.match(await response.text(), /toy-protocol/);
  });
});
