import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import type { StoreProvider } from './contractSupport.js';
import { countRows, freshId, inRolledBackTransaction, seedSubject } from './contractSupport.js';
import { createSnapshot } from './createSnapshot.js';
import { insertCrfRecord, updateCrfRecord } from './crfRecords.js';
import type { SqlClient } from './sqlClient.js';
import { isStoreError } from './storeError.js';
import { setAuditContext, withAuditContext } from './withAuditContext.js';

/** A cutoff no data of these tests reaches: the lock covers every row, whatever its date. */
const FAR_CUTOFF = '2999-12-31';

async function lockSubject(client: SqlClient, subjectId: string, cutoffDate = FAR_CUTOFF): Promise<number> {
  return withAuditContext(client, { user: 'data-manager' }, async (tx) => {
    const { rows } = await tx.query<{ lock_id: number }>(
      "INSERT INTO locks (scope, subject_id, cutoff_date) VALUES ('subject', $1, $2::date) RETURNING lock_id",
      [subjectId, cutoffDate],
    );
    return rows[0].lock_id;
  });
}

/** Locks enforced by trigger, immutable snapshots, and the query workflow. */
export function locksContract(getStore: StoreProvider): void {
  void describe('locks, snapshots and queries', () => {
    void it('rejects writes to a locked subject and its records, and allows them after release', async () => {
      const { subjectId } = await seedSubject(getStore());
      const other = await seedSubject(getStore());
      const record = await withAuditContext(getStore(), { user: 'coordinator-a' }, (tx) =>
        insertCrfRecord(tx, { subjectId, formType: 'lab', visit: 'C1D1', data: { analyte: 'creatinine', value: 1.1 } }),
      );
      const lockId = await lockSubject(getStore(), subjectId);
      const context = { user: 'coordinator-a', reason: 'late correction' };
      await assert.rejects(withAuditContext(getStore(), context, (tx) => updateCrfRecord(tx, record.recordId, 1, { analyte: 'creatinine', value: 1.3 })), (error) =>
        isStoreError(error, 'locked'),
      );
      await assert.rejects(
        withAuditContext(getStore(), context, (tx) => insertCrfRecord(tx, { subjectId, formType: 'lab', data: { analyte: 'albumin', value: 35 } })),
        (error) => isStoreError(error, 'locked'),
      );
      await assert.rejects(
        withAuditContext(getStore(), context, (tx) => tx.query("UPDATE subjects SET status = 'off_study' WHERE subject_id = $1", [subjectId])),
        (error) => isStoreError(error, 'locked'),
      );
      // another subject is not affected
      await withAuditContext(getStore(), context, (tx) => insertCrfRecord(tx, { subjectId: other.subjectId, formType: 'lab', data: { analyte: 'albumin', value: 35 } }));
      await assert.rejects(
        withAuditContext(getStore(), context, (tx) => tx.query("INSERT INTO queries (subject_id, record_id, message) VALUES ($1, $2, 'value?')", [subjectId, record.recordId])),
        (error) => isStoreError(error, 'locked'),
      );

      await withAuditContext(getStore(), { user: 'data-manager', reason: 'unlock for query resolution' }, (tx) =>
        tx.query('UPDATE locks SET released = true WHERE lock_id = $1', [lockId]),
      );
      const after = await withAuditContext(getStore(), context, (tx) => updateCrfRecord(tx, record.recordId, 1, { analyte: 'creatinine', value: 1.3 }));
      assert.equal(after.kind, 'written');
    });

    void it('rejects every subject write while the trial is locked', async () => {
      const { subjectId, siteId } = await seedSubject(getStore());
      // the trial lock would block the other tests sharing this store: it lives in a rolled-back transaction
      const outcome = await inRolledBackTransaction(getStore(), async (tx) => {
        await setAuditContext(tx, { user: 'data-manager' });
        await tx.query("INSERT INTO locks (scope, cutoff_date) VALUES ('trial', $1::date)", [FAR_CUTOFF]);
        return tx.query("INSERT INTO subjects (subject_id, site_id, screening_number) VALUES ($1, $2, 'S2')", [`${siteId}-002`, siteId]).then(
          () => 'written',
          (error: unknown) => (isStoreError(error, 'locked') ? 'locked' : String(error)),
        );
      });
      assert.equal(outcome, 'locked');
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM locks WHERE scope = $1 AND NOT released', ['trial']), 0);
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM subjects WHERE subject_id = $1', [subjectId]), 1);
    });

    void it('refuses only data dated up to the cutoff: earlier records, undated records, moves across the cutoff', async () => {
      const { subjectId } = await seedSubject(getStore());
      const context = { user: 'coordinator-a', reason: 'correction' };
      const save = (data: Record<string, unknown>): Promise<number> =>
        withAuditContext(getStore(), context, async (tx) => (await insertCrfRecord(tx, { subjectId, formType: 'lab', data })).recordId);
      const before = await save({ date: '2025-06-01', analyte: 'albumin', value: 35 });
      const onCutoff = await save({ date: '2025-06-30', analyte: 'albumin', value: 36 });
      const lockId = await lockSubject(getStore(), subjectId, '2025-06-30');
      const refused = async (label: string, fn: (tx: SqlClient) => Promise<unknown>): Promise<void> => {
        await assert.rejects(withAuditContext(getStore(), context, fn), (error) => isStoreError(error, 'locked') && /locked up to 2025-06-30/.test(error.message), label);
      };
      await refused('update of a record dated before the cutoff', (tx) => updateCrfRecord(tx, before, 1, { date: '2025-06-01', analyte: 'albumin', value: 34 }));
      await refused('update of a record dated on the cutoff', (tx) => updateCrfRecord(tx, onCutoff, 1, { date: '2025-06-30', analyte: 'albumin', value: 30 }));
      await refused('a new record dated before the cutoff', (tx) => insertCrfRecord(tx, { subjectId, formType: 'lab', data: { date: '2025-05-01', analyte: 'albumin', value: 35 } }));
      await refused('a new record without a date', (tx) => insertCrfRecord(tx, { subjectId, formType: 'demographics', data: { sex: 'F' } }));
      await refused('a record holding any date up to the cutoff', (tx) =>
        insertCrfRecord(tx, { subjectId, formType: 'adverseEvent', data: { onsetDate: '2025-06-15', resolutionDate: '2025-07-20', term: 'fatigue' } }),
      );
      await refused('a query on a record dated before the cutoff', (tx) => tx.query("INSERT INTO queries (subject_id, record_id, message) VALUES ($1, $2, 'value?')", [subjectId, before]));

      const after = await save({ date: '2025-07-01', analyte: 'albumin', value: 37 });
      const corrected = await withAuditContext(getStore(), context, (tx) => updateCrfRecord(tx, after, 1, { date: '2025-07-02', analyte: 'albumin', value: 38 }));
      assert.equal(corrected.kind, 'written', 'a record dated after the cutoff can be corrected');
      await refused('moving a record into the certified period', (tx) => updateCrfRecord(tx, after, 2, { date: '2025-06-29', analyte: 'albumin', value: 38 }));
      await withAuditContext(getStore(), context, (tx) => tx.query("INSERT INTO queries (subject_id, record_id, message) VALUES ($1, $2, 'value?')", [subjectId, after]));
      // a subject row has no clinical date: a status move is dated the day it is made, after this past cutoff
      await withAuditContext(getStore(), context, (tx) => tx.query("UPDATE subjects SET status = 'enrolled' WHERE subject_id = $1", [subjectId]));

      const rows = await getStore().query<{ record_id: number; version: number }>('SELECT record_id, version FROM crf_records WHERE subject_id = $1 ORDER BY record_id', [subjectId]);
      assert.deepEqual(rows.rows, [{ record_id: before, version: 1 }, { record_id: onCutoff, version: 1 }, { record_id: after, version: 2 }]);
      await withAuditContext(getStore(), { user: 'data-manager', reason: 'done' }, (tx) => tx.query('UPDATE locks SET released = true WHERE lock_id = $1', [lockId]));
    });

    void it('lets a trial locked at a past cutoff take new subjects and their later data, not earlier data', async () => {
      const { subjectId, siteId } = await seedSubject(getStore());
      const outcome = await inRolledBackTransaction(getStore(), async (tx) => {
        await setAuditContext(tx, { user: 'data-manager' });
        await tx.query("INSERT INTO locks (scope, cutoff_date) VALUES ('trial', '2025-06-30')");
        const attempt = (fn: () => Promise<unknown>): Promise<string> =>
          tx.query('SAVEPOINT attempt').then(() =>
            fn().then(
              async () => {
                await tx.query('RELEASE SAVEPOINT attempt');
                return 'written';
              },
              async (error: unknown) => {
                await tx.query('ROLLBACK TO SAVEPOINT attempt');
                return isStoreError(error, 'locked') ? 'locked' : String(error);
              },
            ),
          );
        const newSubject = `${siteId}-002`;
        return [
          await attempt(() => tx.query("INSERT INTO subjects (subject_id, site_id, screening_number) VALUES ($1, $2, 'S2')", [newSubject, siteId])),
          await attempt(() => insertCrfRecord(tx, { subjectId: newSubject, formType: 'lab', data: { date: '2026-01-05', analyte: 'albumin', value: 35 } })),
          await attempt(() => insertCrfRecord(tx, { subjectId, formType: 'lab', data: { date: '2025-01-05', analyte: 'albumin', value: 35 } })),
        ];
      });
      assert.deepEqual(outcome, ['written', 'written', 'locked']);
    });

    void it('allows one active lock per subject', async () => {
      const { subjectId } = await seedSubject(getStore());
      await lockSubject(getStore(), subjectId);
      await assert.rejects(lockSubject(getStore(), subjectId), (error) => isStoreError(error, 'unique-violation'));
    });

    void it('keeps snapshots immutable and hashed', async () => {
      const { subjectId } = await seedSubject(getStore());
      const name = `interim-${freshId()}`;
      const summary = await withAuditContext(getStore(), { user: 'data-manager' }, async (tx) => {
        const lockId = (
          await tx.query<{ lock_id: number }>("INSERT INTO locks (scope, subject_id, cutoff_date) VALUES ('subject', $1, '2025-06-30') RETURNING lock_id", [
            subjectId,
          ])
        ).rows[0].lock_id;
        return createSnapshot(tx, { name, cutoffDate: '2025-06-30', lockId });
      });
      const { rows } = await getStore().query<{ text: string; cutoff_date: string; subjects: string[] }>(
        "SELECT data::text AS text, cutoff_date, ARRAY(SELECT jsonb_array_elements(data -> 'subjects') ->> 'subject_id') AS subjects FROM snapshots WHERE snapshot_id = $1",
        [summary.snapshotId],
      );
      assert.equal(rows[0].cutoff_date, '2025-06-30');
      assert.ok(rows[0].subjects.includes(subjectId));
      assert.equal(summary.contentHash, createHash('sha256').update(rows[0].text, 'utf8').digest('hex'));
      assert.match(summary.auditHeadHash ?? '', /^[0-9a-f]{64}$/);
      for (const sql of ["UPDATE snapshots SET data = '{}' WHERE snapshot_id = $1", 'DELETE FROM snapshots WHERE snapshot_id = $1']) {
        await assert.rejects(
          withAuditContext(getStore(), { user: 'mallory', reason: 'rewrite history' }, (tx) => tx.query(sql, [summary.snapshotId])),
          (error) => isStoreError(error, 'snapshot-immutable'),
        );
      }
      await assert.rejects(
        withAuditContext(getStore(), { user: 'data-manager' }, (tx) => createSnapshot(tx, { name, cutoffDate: '2025-06-30' })),
        (error) => isStoreError(error, 'unique-violation'),
      );
    });

    void it('moves a query open -> answered -> closed and refuses closed -> open', async () => {
      const { subjectId } = await seedSubject(getStore());
      const record = await withAuditContext(getStore(), { user: 'coordinator-a' }, (tx) =>
        insertCrfRecord(tx, { subjectId, formType: 'lab', data: { analyte: 'creatinine', value: 11 } }),
      );
      const queryId = await withAuditContext(getStore(), { user: 'edit-check' }, async (tx) => {
        const { rows } = await tx.query<{ query_id: number }>(
          "INSERT INTO queries (subject_id, record_id, field_path, check_code, message) VALUES ($1, $2, 'value', 'LAB-RANGE', 'creatinine 11 mg/dL?') RETURNING query_id",
          [subjectId, record.recordId],
        );
        return rows[0].query_id;
      });
      const move = (status: string, user: string) =>
        withAuditContext(getStore(), { user, reason: `query ${status}` }, (tx) => tx.query('UPDATE queries SET status = $2 WHERE query_id = $1', [queryId, status]));
      await move('answered', 'coordinator-a');
      await move('closed', 'data-manager');
      await assert.rejects(move('open', 'data-manager'), (error) => isStoreError(error, 'query-transition'));
      const { rows } = await getStore().query<{ status: string; version: number }>('SELECT status, version FROM queries WHERE query_id = $1', [queryId]);
      assert.deepEqual(rows, [{ status: 'closed', version: 3 }]);
    });

    void it('refuses a query whose record belongs to another subject', async () => {
      const first = await seedSubject(getStore());
      const second = await seedSubject(getStore());
      const record = await withAuditContext(getStore(), { user: 'coordinator-a' }, (tx) =>
        insertCrfRecord(tx, { subjectId: first.subjectId, formType: 'lab', data: { analyte: 'albumin', value: 35 } }),
      );
      await assert.rejects(
        withAuditContext(getStore(), { user: 'edit-check' }, (tx) =>
          tx.query("INSERT INTO queries (subject_id, record_id, message) VALUES ($1, $2, 'why?')", [second.subjectId, record.recordId]),
        ),
        (error) => isStoreError(error, 'foreign-key-violation'),
      );
    });
  });
}
