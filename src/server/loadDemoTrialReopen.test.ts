import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDemoTrial } from '../demo/index.js';
import { listAuditEntries, listLocks, listSnapshots, openEmbeddedStore, type Store } from '../store/index.js';
import { loadDemoTrial, type DemoLoadSummary } from './loadDemoTrial.js';

// serve --demo reopens the trial after the cutoff snapshot so a demo user can try data entry; a small synthetic
// trial (24 screened) keeps this quick, the full demo trial's load is tested in loadDemoTrialContract.
describe('loadDemoTrial with reopenAfterSnapshot', () => {
  let store: Store | undefined;
  let summary: DemoLoadSummary | undefined;
  before(async () => {
    store = await openEmbeddedStore();
    summary = await loadDemoTrial(store, createDemoTrial({ seed: 5, size: 24 }), { reopenAfterSnapshot: true });
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
});
