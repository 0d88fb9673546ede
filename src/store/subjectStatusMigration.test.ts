import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openEmbeddedStore } from './embeddedStore.js';
import { insertLock } from './locks.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations.js';
import { sealQueuedAuditEntries } from './sealAuditQueue.js';
import { insertSite } from './sites.js';
import { isStoreError } from './storeError.js';
import { insertSubject } from './subjects.js';
import { verifyAuditTrail } from './verifyAuditTrail.js';
import { withAuditContext } from './withAuditContext.js';

describe('migration 8 (subject states)', () => {
  it("renames an 'off_treatment' subject of an older database 'follow_up', audited, even under a trial lock; the trail still replays", async () => {
    const store = await openEmbeddedStore({ migrations: migrations.filter((m) => m.version < 8) });
    try {
      const subjectId = await withAuditContext(store, { user: 'site', reason: 'end of treatment' }, async (tx) => {
        await insertSite(tx, { siteId: 'S1', name: 'Site 1' });
        const subject = await insertSubject(tx, { siteId: 'S1' });
        await tx.query("UPDATE subjects SET status = 'off_treatment' WHERE subject_id = $1", [subject.subjectId]);
        // a lock whose cutoff is after today covers every subject row written today
        await insertLock(tx, { scope: 'trial', cutoffDate: '2999-12-31' });
        return subject.subjectId;
      });
      // 8 and every migration released after it
      assert.deepEqual(await migrate(store), migrations.filter((m) => m.version >= 8).map((m) => m.version));
      const { rows } = await store.query<{ status: string; version: number; updated_by: string }>('SELECT status, version, updated_by FROM subjects WHERE subject_id = $1', [subjectId]);
      assert.deepEqual(rows, [{ status: 'follow_up', version: 3, updated_by: 'system:migration' }]);
      const audit = await store.query<{ changed_by: string; reason: string; old_status: string; new_status: string }>(
        "SELECT changed_by, reason, old_value ->> 'status' AS old_status, new_value ->> 'status' AS new_status FROM audit_queue WHERE table_name = 'subjects' AND record_id = $1 ORDER BY 1",
        [subjectId],
      );
      assert.ok(
        audit.rows.some((r) => r.changed_by === 'system:migration' && /off_treatment is now called follow_up/.test(r.reason) && r.old_status === 'off_treatment' && r.new_status === 'follow_up'),
        JSON.stringify(audit.rows),
      );
      await withAuditContext(store, { user: 'dm', reason: 'release' }, (tx) => tx.query('UPDATE locks SET released = true'));
      await assert.rejects(
        withAuditContext(store, { user: 'site', reason: 'old name' }, (tx) => tx.query("UPDATE subjects SET status = 'off_treatment' WHERE subject_id = $1", [subjectId])),
        (error) => isStoreError(error, 'check-violation'),
        'the old name is no longer a state',
      );
      await sealQueuedAuditEntries(store);
      const report = await verifyAuditTrail(store);
      assert.equal(report.ok, true, JSON.stringify(report));
    } finally {
      await store.close();
    }
  });
});
