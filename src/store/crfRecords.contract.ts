import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoreProvider } from './contractSupport.js';
import { countAudit, seedSubject } from './contractSupport.js';
import { deleteCrfRecord, getCrfRecord, insertCrfRecord, updateCrfRecord } from './crfRecords.js';
import { listAuditEntries } from './auditEntries.js';
import { listSubjectRecords } from './subjectRecords.js';
import { getSubjectForShare } from './subjects.js';
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

    void it('grouped saves (one statement for all on a server) read and write each its own subject under its own user', async () => {
      const store = getStore();
      const seeded = await Promise.all([0, 1, 2, 3].map(() => seedSubject(store)));
      const screening = await withAuditContext(store, { user: 'seed' }, (tx) => insertCrfRecord(tx, { subjectId: seeded[1].subjectId, formType: 'screening', data: { consentDate: '2024-01-02' } }));
      // bodies 0, 1 and 3 share a user, body 2 has its own; body 3 is scoped to another site, so finds no subject
      const users = ['site-a', 'site-a', 'site-b', 'site-a'];
      const saves = await Promise.all(
        seeded.map(({ subjectId, siteId }, i) =>
          withAuditContext(
            store,
            { user: users[i] },
            async (tx) => {
              const [subject, screenings] = await Promise.all([getSubjectForShare(tx, subjectId, i === 3 ? seeded[0].siteId : siteId), listSubjectRecords(tx, subjectId, 'screening')]);
              const record = await insertCrfRecord(tx, { subjectId, formType: 'lab', visit: `V${i}`, data: { value: i } }, { last: true });
              return { subject, screenings, record };
            },
            { group: true },
          ),
        ),
      );
      saves.forEach(({ subject, screenings, record }, i) => {
        assert.equal(subject?.subjectId, i === 3 ? undefined : seeded[i].subjectId, `subject of body ${i}`);
        assert.deepEqual(screenings, i === 1 ? [screening] : [], `screenings of body ${i}`);
        assert.deepEqual([record.subjectId, record.visit, record.data, record.createdBy], [seeded[i].subjectId, `V${i}`, { value: i }, users[i]], `record of body ${i}`);
      });
      for (const [i, { record }] of saves.entries()) {
        assert.deepEqual(await getCrfRecord(store, record.recordId), record);
        assert.deepEqual((await listAuditEntries(store, 'crf_records', String(record.recordId))).map((entry) => [entry.action, entry.changedBy]), [['create', users[i]]]);
      }
      assert.deepEqual(
        (await listSubjectRecords(store, seeded[1].subjectId)).map((record) => record.recordId),
        [screening.recordId, saves[1].record.recordId],
      );
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
