import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoreProvider } from './contractSupport.js';
import { countAudit, seedSubject } from './contractSupport.js';
import { deleteCrfRecord, getCrfRecord, insertCrfRecord, updateCrfRecord } from './crfRecords.js';
import { withAuditContext } from './withAuditContext.js';

/** CRF records: optimistic concurrency answered as data, soft delete. */
export function crfRecordsContract(getStore: StoreProvider): void {
  void describe('CRF records', () => {
    void it('stores a record at version 1 stamped with the acting user', async () => {
      const { subjectId } = await seedSubject(getStore());
      const record = await withAuditContext(getStore(), { user: 'coordinator-a' }, (tx) =>
        insertCrfRecord(tx, { subjectId, formType: 'diseaseAssessment', visit: 'C2D1', data: { serumMProteinGPerL: 12.5, source: 'central' } }),
      );
      assert.equal(record.version, 1);
      assert.equal(record.createdBy, 'coordinator-a');
      assert.deepEqual(await getCrfRecord(getStore(), record.recordId), record);
    });

    void it('answers a stale version with a typed conflict and changes nothing', async () => {
      const { subjectId } = await seedSubject(getStore());
      const record = await withAuditContext(getStore(), { user: 'coordinator-a' }, (tx) =>
        insertCrfRecord(tx, { subjectId, formType: 'demographics', data: { weightKg: 70 } }),
      );
      const first = await withAuditContext(getStore(), { user: 'coordinator-a', reason: 'correction' }, (tx) => updateCrfRecord(tx, record.recordId, 1, { weightKg: 71 }));
      assert.equal(first.kind, 'written');
      if (first.kind === 'written') assert.equal(first.record.version, 2);
      const auditBefore = await countAudit(getStore());
      const stale = await withAuditContext(getStore(), { user: 'investigator-b', reason: 'correction' }, (tx) => updateCrfRecord(tx, record.recordId, 1, { weightKg: 99 }));
      assert.deepEqual(stale, { kind: 'conflict', expectedVersion: 1, currentVersion: 2 });
      assert.deepEqual((await getCrfRecord(getStore(), record.recordId))?.data, { weightKg: 71 });
      assert.equal(await countAudit(getStore()), auditBefore);
    });

    void it('answers not-found for a missing or deleted record', async () => {
      const { subjectId } = await seedSubject(getStore());
      const missing = await withAuditContext(getStore(), { user: 'u', reason: 'r' }, (tx) => updateCrfRecord(tx, 987654321, 1, {}));
      assert.deepEqual(missing, { kind: 'not-found' });
      const record = await withAuditContext(getStore(), { user: 'u' }, (tx) => insertCrfRecord(tx, { subjectId, formType: 'death', data: { cause: 'other' } }));
      const removed = await withAuditContext(getStore(), { user: 'u', reason: 'wrong subject' }, (tx) => deleteCrfRecord(tx, record.recordId, 1));
      assert.equal(removed.kind, 'written');
      if (removed.kind === 'written') assert.equal(removed.record.deleted, true);
      const again = await withAuditContext(getStore(), { user: 'u', reason: 'r' }, (tx) => updateCrfRecord(tx, record.recordId, 2, { cause: 'disease' }));
      assert.deepEqual(again, { kind: 'not-found' });
    });
  });
}
