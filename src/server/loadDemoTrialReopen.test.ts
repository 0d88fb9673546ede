import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findProtocol } from '../protocols/index.js';
import { nctSubject, nctTrial } from '../protocols/nct05236621/testing/index.js';
import { listAuditEntries, listLocks, listSnapshots, openEmbeddedStore, type Store } from '../store/index.js';
import { loadDemoTrial, type DemoLoadSummary } from './loadDemoTrial.js';

// serve --demo reopens the trial after the cutoff snapshot so a demo user can try data entry; a small trial of
// the reference protocol's fixtures keeps this quick (the full load is tested in loadDemoTrialContract). It has
// no screening records of its own: each is built from the subject's forms, and the criteria those cannot
// read stay not evaluable, so every enrolment is entered as a protocol deviation.
describe('loadDemoTrial with reopenAfterSnapshot, without screening records', () => {
  const protocol = findProtocol('nct05236621');
  let store: Store | undefined;
  let summary: DemoLoadSummary | undefined;
  before(async () => {
    assert.ok(protocol !== undefined);
    store = await openEmbeddedStore();
    const trial = nctTrial([nctSubject(1, { siteId: 'D01' }), nctSubject(2, { siteId: 'D02', enrolmentDate: '2021-08-02' })]);
    summary = await loadDemoTrial(store, protocol, trial, { reopenAfterSnapshot: true });
  });
  after(async () => {
    await store?.close();
  });

  it('takes the cutoff snapshot under the lock, then releases the lock with its reason in the audit trail', async () => {
    assert.ok(store !== undefined && summary !== undefined);
    assert.equal(summary.snapshotCreated, true);
    assert.equal(summary.trialLocked, false);
    const snapshot = (await listSnapshots(store)).find((s) => s.name === summary?.snapshotName);
    assert.ok(snapshot !== undefined, 'the snapshot is there');
    const locks = (await listLocks(store)).filter((l) => l.scope === 'trial');
    assert.equal(locks.length, 1);
    assert.equal(locks[0].released, true);
    const trail = await listAuditEntries(store, 'locks', String(locks[0].lockId));
    assert.deepEqual(trail.map((e) => e.action), ['create', 'update']);
    assert.match(trail[1].reason ?? '', /reopened after the cutoff-\d{4}-\d{2}-\d{2} snapshot/);
  });

  it('screens each subject from its own forms and enters the enrolment of a subject not shown eligible as a protocol deviation, with the criteria in the reason', async () => {
    assert.ok(store !== undefined && summary !== undefined);
    assert.equal(summary.protocolDeviations.length, 2);
    const { rows } = await store.query<{ reason: string }>("SELECT reason FROM audit_log WHERE table_name = 'subjects' AND new_value ->> 'status' = 'enrolled' ORDER BY audit_id");
    assert.equal(rows.length, 2);
    for (const row of rows) assert.match(row.reason, /^protocol deviation: enrolled although .*not evaluable/);
    const screening = await store.query<{ data: { labs?: Record<string, { value: number }>; priorTherapyLines?: unknown[] } }>("SELECT data FROM crf_records WHERE form_type = 'screening' ORDER BY record_id");
    assert.equal(screening.rows[0].data.labs?.anc?.value, 2.5, "the subject's own neutrophil count up to enrolment");
    assert.equal(screening.rows[0].data.priorTherapyLines?.length, 2);
  });
});
