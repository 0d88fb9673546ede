import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findProtocol } from '../protocols/index.js';
import { exampleAdverseEvent } from '../protocols/nct05236621/testing/index.js';
import { insertCrfRecord, insertSite, insertSubject, openEmbeddedStore, withAuditContext, type CrfRecord, type SqlClient, type Store } from '../store/index.js';
import { deriveRecord } from './liveLogic.js';
import { createServedProtocol } from './servedProtocol.js';

const module = findProtocol('nct05236621');
if (module === undefined) throw new Error('the reference protocol is not registered');
const protocol = createServedProtocol(module);
const context = { protocol, today: '2022-12-01' };

// One in-memory PGlite for the file: a cold start costs seconds.
let store: Store | undefined;
const opened = (): Store => {
  if (store === undefined) throw new Error('the embedded store did not open (see the before hook)');
  return store;
};

const dosing = (cycle: number, startDate: string, mg = 4) => ({
  cycle, drug: 'pomalidomide', startDate, endDate: startDate, plannedDoseMg: mg, plannedDays: 21, doseGivenMg: mg, daysGiven: 21, delayed: false, interrupted: false, reduced: false,
});
const neutrophils = (date: string, value: number) => ({ date, visit: 'unscheduled', analyte: 'neutrophils', value, unit: '10^9/L', lln: 1.8, uln: 7.5, source: 'local' });
const neutropeniaAe = exampleAdverseEvent('2021-06-03', { grade: 4, actionTaken: { pomalidomide: 'interrupted', dexamethasone: 'none' }, outcome: 'not-recovered' });

interface DrugProposal { readonly drug: string; readonly doseMg: number | null; readonly action: string; readonly reason: string }
interface Proposal { readonly action: string; readonly cycle: number; readonly date: string; readonly reason: string; readonly drugs: readonly DrugProposal[] }
/** The proposal for the regimen's first drug: [action, mg]. */
const first = (p: Proposal): [string, number | null] => [p.drugs[0].action, p.drugs[0].doseMg];

/** Enters the forms for a fresh subject and returns the proposal derived for its last dosing row. */
async function proposal(forms: readonly { formType: string; data: Readonly<Record<string, unknown>> }[]): Promise<Proposal> {
  return withAuditContext(opened(), { user: 'test', reason: 'live logic test' }, async (tx: SqlClient) => {
    const subject = await insertSubject(tx, { siteId: 'L01' });
    await insertCrfRecord(tx, { subjectId: subject.subjectId, formType: 'demographics', data: { birthDate: '1960-01-01', sex: 'M' } });
    let last: CrfRecord | null = null;
    for (const form of forms) {
      const record = await insertCrfRecord(tx, { subjectId: subject.subjectId, formType: form.formType, data: form.data });
      if (form.formType === 'dosing') last = record;
    }
    assert.ok(last !== null);
    const derived = (await deriveRecord(tx, last, context)).derived as { doseProposal: Proposal };
    return derived.doseProposal;
  });
}

describe('live dose proposal (proposeDose): a lab result alone can hold the drug of a count rule', () => {
  before(async () => {
    store = await openEmbeddedStore();
    await withAuditContext(store, { user: 'test', reason: 'site' }, (tx) => insertSite(tx, { siteId: 'L01', name: 'Live logic site' }));
  });
  after(async () => {
    await store?.close();
  });

  it('continues at 4 mg with a grade 3 neutrophil count (ANC 0.7: no action by the label)', async () => {
    const p = await proposal([{ formType: 'dosing', data: dosing(1, '2021-05-20') }, { formType: 'lab', data: neutrophils('2021-06-03', 0.7) }]);
    assert.deepEqual([p.cycle, ...first(p)], [2, 'continue', 4]);
    assert.deepEqual(p.drugs.map((d) => d.drug), protocol.definition.regimen.drugs.map((d) => d.id), 'one proposal per drug of the regimen');
  });

  it('holds after a grade 4 neutrophil count without any AE form, citing the rule', async () => {
    const p = await proposal([{ formType: 'dosing', data: dosing(1, '2021-05-20') }, { formType: 'lab', data: neutrophils('2021-06-03', 0.3) }]);
    assert.deepEqual(first(p), ['hold', null]);
    assert.equal(p.action, 'hold');
    assert.match(p.drugs[0].reason, /ANC 0\.3 < 0\.5 x10\^9\/L.*resume.*3 mg/);
  });

  it('the AE form for the same episode does not reduce twice: one level once ANC >= 0.5', async () => {
    const p = await proposal([
      { formType: 'dosing', data: dosing(1, '2021-05-20') },
      { formType: 'lab', data: neutrophils('2021-06-03', 0.3) },
      { formType: 'adverseEvent', data: neutropeniaAe as unknown as Readonly<Record<string, unknown>> },
      { formType: 'lab', data: neutrophils('2021-06-10', 0.9) },
    ]);
    assert.deepEqual(first(p), ['resume-reduced', 3]);
  });

  it("proposes the next cycle a cycle length after this row's own day 1, so a delayed cycle moves the calendar", async () => {
    // cycle 2 started 7 days late (2021-06-24 instead of 2021-06-17): cycle 3 is due 2021-07-22, its day 1
    const p = await proposal([{ formType: 'dosing', data: dosing(1, '2021-05-20') }, { formType: 'dosing', data: dosing(2, '2021-06-24') }]);
    assert.deepEqual([p.cycle, p.date, ...first(p)], [3, '2021-07-22', 'continue', 4]);
    assert.match(p.drugs[0].reason, /Today is a dosing day/);
  });
});
