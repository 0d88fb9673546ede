import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoreProvider } from './contractSupport.js';
import { sealAll, seedSubject } from './contractSupport.js';
import { insertCrfRecord } from './crfRecords.js';
import { getQuery, insertQuery, listQueries, updateQuery } from './queries.js';
import { withAuditContext } from './withAuditContext.js';

/** The query list a data manager works from: each query with its record's form, visit and date, and the reason of its latest change. */
export function queriesContract(getStore: StoreProvider): void {
  void describe('queries with their record and reasons', () => {
    void it('lists a query with the form, visit and date of its record, and none on a subject-only query', async () => {
      const { subjectId, siteId } = await seedSubject(getStore());
      const record = await withAuditContext(getStore(), { user: 'coordinator-a' }, (tx) =>
        insertCrfRecord(tx, { subjectId, formType: 'lab', visit: 'C2D1', data: { sampleDate: '2024-03-05', resultDate: '2024-03-07', value: 1.1 } }),
      );
      const onRecord = await withAuditContext(getStore(), { user: 'dm' }, (tx) => insertQuery(tx, { subjectId, recordId: record.recordId, fieldPath: 'value', message: 'value?' }));
      const onSubject = await withAuditContext(getStore(), { user: 'dm' }, (tx) => insertQuery(tx, { subjectId, message: 'consent copy?' }));
      assert.equal(onRecord.formType, 'lab');
      assert.equal(onRecord.visit, 'C2D1');
      // the earliest date the record holds, as a lock dates it
      assert.equal(onRecord.recordDate, '2024-03-05');
      assert.equal(onRecord.lastReason, null);
      assert.ok(!Number.isNaN(Date.parse(onRecord.createdAt)));
      assert.deepEqual([onSubject.formType, onSubject.visit, onSubject.recordDate], [null, null, null]);
      const listed = await listQueries(getStore(), { siteId });
      assert.deepEqual(
        listed.map((q) => [q.queryId, q.formType, q.visit, q.recordDate]),
        [
          [onRecord.queryId, 'lab', 'C2D1', '2024-03-05'],
          [onSubject.queryId, null, null, null],
        ],
      );
    });

    void it('keeps the free-text reason of a close and of a reopen, read back from the audit trail, sealed or queued', async () => {
      const { subjectId } = await seedSubject(getStore());
      const query = await withAuditContext(getStore(), { user: 'dm' }, (tx) => insertQuery(tx, { subjectId, message: 'weight 580 kg?' }));
      const answered = await withAuditContext(getStore(), { user: 'coordinator-a', reason: 'query answered' }, (tx) =>
        updateQuery(tx, query.queryId, 1, { status: 'answered', answer: 'typo, 58 kg' }),
      );
      assert.equal(answered.kind, 'written');
      const reopened = await withAuditContext(getStore(), { user: 'dm', reason: 'the record still says 580: correct it, please' }, (tx) => updateQuery(tx, query.queryId, 2, { status: 'open' }));
      assert.equal(reopened.kind === 'written' ? reopened.row.lastReason : undefined, 'the record still says 580: correct it, please');
      await sealAll(getStore());
      assert.equal((await getQuery(getStore(), query.queryId, null))?.lastReason, 'the record still says 580: correct it, please');
      await withAuditContext(getStore(), { user: 'coordinator-a', reason: 'query answered' }, (tx) => updateQuery(tx, query.queryId, 3, { status: 'answered', answer: 'corrected' }));
      const closed = await withAuditContext(getStore(), { user: 'dm', reason: 'corrected at source, verified on 12-MAR-2024' }, (tx) => updateQuery(tx, query.queryId, 4, { status: 'closed' }));
      assert.equal(closed.kind === 'written' ? closed.row.lastReason : undefined, 'corrected at source, verified on 12-MAR-2024');
      assert.equal(closed.kind === 'written' ? closed.row.status : undefined, 'closed');
    });
  });
}
