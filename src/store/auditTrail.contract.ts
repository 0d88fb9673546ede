import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoreProvider } from './contractSupport.js';
import { auditRowsFor, countAudit, countRows, freshId, inRolledBackTransaction, sealAll, seedSubject } from './contractSupport.js';
import { deleteCrfRecord, insertCrfRecord, updateCrfRecord } from './crfRecords.js';
import { StoreError, isStoreError } from './storeError.js';
import { GENESIS_HASH, verifyAuditChain } from './verifyAuditChain.js';
import { withAuditContext } from './withAuditContext.js';

/** The structural audit trail: every clinical write audited by trigger, who/why enforced, chained, append-only. */
export function auditTrailContract(getStore: StoreProvider): void {
  void describe('audit trail', () => {
    void it('records create, update and delete with old and new values, who, when and why', async () => {
      const { subjectId } = await seedSubject(getStore());
      const created = await withAuditContext(getStore(), { user: 'coordinator-a' }, (tx) =>
        insertCrfRecord(tx, { subjectId, formType: 'demographics', visit: 'screening', data: { sex: 'F', weightKg: 61 } }),
      );
      const updated = await withAuditContext(getStore(), { user: 'investigator-b', reason: 'weight transcribed wrongly' }, (tx) =>
        updateCrfRecord(tx, created.recordId, 1, { sex: 'F', weightKg: 67 }),
      );
      assert.equal(updated.kind, 'written');
      const deleted = await withAuditContext(getStore(), { user: 'data-manager-c', reason: 'entered for the wrong subject' }, (tx) =>
        deleteCrfRecord(tx, created.recordId, 2),
      );
      assert.equal(deleted.kind, 'written');

      const rows = await auditRowsFor(getStore(), 'crf_records', String(created.recordId));
      assert.deepEqual(
        rows.map((row) => [row.action, row.changed_by, row.reason]),
        [
          ['create', 'coordinator-a', null],
          ['update', 'investigator-b', 'weight transcribed wrongly'],
          ['delete', 'data-manager-c', 'entered for the wrong subject'],
        ],
      );
      const [create, update, remove] = rows;
      assert.equal(create.old_value, null);
      assert.deepEqual(create.new_value?.data, { sex: 'F', weightKg: 61 });
      assert.equal(create.new_value?.created_by, 'coordinator-a');
      assert.deepEqual(update.old_value?.data, { sex: 'F', weightKg: 61 });
      assert.deepEqual(update.new_value?.data, { sex: 'F', weightKg: 67 });
      assert.equal(update.new_value?.version, 2);
      assert.equal(remove.old_value?.deleted, false);
      assert.equal(remove.new_value?.deleted, true);
      for (const row of rows) assert.ok(row.changed_at instanceof Date && Math.abs(row.changed_at.getTime() - Date.now()) < 60_000);
    });

    void it('audits a statement of several records as one entry per row, in the order they were inserted', async () => {
      const { subjectId } = await seedSubject(getStore());
      const weights = [61, 62, 63];
      const { rows: inserted } = await withAuditContext(getStore(), { user: 'coordinator-a', reason: 'entered from the source' }, (tx) =>
        // a forged author is overwritten by the database, as for a record inserted alone
        tx.query<{ record_id: number }>(
          `INSERT INTO crf_records (subject_id, form_type, visit, data, created_by, version)
           SELECT $1, 'demographics', 'screening', jsonb_build_object('weightKg', w), 'mallory', 7 FROM unnest($2::int[]) WITH ORDINALITY AS u(w, i) ORDER BY i
           RETURNING record_id`,
          [subjectId, weights],
        ),
      );
      assert.equal(inserted.length, 3);
      const ids = inserted.map((row) => row.record_id).sort((a, b) => a - b);
      const { rows: queued } = await getStore().query<{ record_id: string; action: string; changed_by: string; reason: string | null; old_value: unknown; new_value: Record<string, unknown> }>(
        "SELECT record_id, action, changed_by, reason, old_value, new_value FROM audit_queue WHERE table_name = 'crf_records' AND record_id = ANY($1::text[]) ORDER BY queue_id",
        [ids.map(String)],
      );
      assert.deepEqual(queued.map((row) => [row.record_id, row.action, row.changed_by, row.reason, row.old_value]), ids.map((id) => [String(id), 'create', 'coordinator-a', 'entered from the source', null]));
      assert.deepEqual(queued.map((row) => (row.new_value.data as { weightKg: number }).weightKg), weights);
      // each entry holds the row as stored, stamped by the database
      const { rows: stored } = await getStore().query<{ image: Record<string, unknown> }>('SELECT to_jsonb(r) AS image FROM crf_records r WHERE record_id = ANY($1) ORDER BY record_id', [ids]);
      assert.deepEqual(queued.map((row) => row.new_value), stored.map((row) => row.image));
      for (const row of stored) assert.deepEqual([row.image.created_by, row.image.updated_by, row.image.version], ['coordinator-a', 'coordinator-a', 1]);
      await sealAll(getStore());
      assert.equal((await verifyAuditChain(getStore())).ok, true);
    });

    void it('audits a hard DELETE with the old value', async () => {
      const siteId = `D${freshId()}`;
      await withAuditContext(getStore(), { user: 'admin-1' }, (tx) => tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [siteId, 'short-lived']));
      await withAuditContext(getStore(), { user: 'admin-1', reason: 'created by mistake' }, (tx) => tx.query('DELETE FROM sites WHERE site_id = $1', [siteId]));
      const rows = await auditRowsFor(getStore(), 'sites', siteId);
      assert.deepEqual(rows.map((row) => row.action), ['create', 'delete']);
      assert.equal(rows[1].old_value?.name, 'short-lived');
      assert.equal(rows[1].new_value, null);
    });

    void it('stamps who and version itself: a caller cannot forge them', async () => {
      const siteId = `F${freshId()}`;
      await withAuditContext(getStore(), { user: 'real-user' }, (tx) =>
        tx.query("INSERT INTO sites (site_id, name, created_by, updated_by, version) VALUES ($1, 'x', 'someone-else', 'someone-else', 7)", [siteId]),
      );
      const { rows } = await getStore().query<{ created_by: string; updated_by: string; version: number }>(
        'SELECT created_by, updated_by, version FROM sites WHERE site_id = $1',
        [siteId],
      );
      assert.deepEqual(rows, [{ created_by: 'real-user', updated_by: 'real-user', version: 1 }]);
    });

    void it('rejects a write with no user set, outside or inside a transaction', async () => {
      const siteId = `N${freshId()}`;
      await assert.rejects(getStore().query("INSERT INTO sites (site_id, name) VALUES ($1, 'x')", [siteId]), (error) => isStoreError(error, 'audit-user-missing'));
      await assert.rejects(
        getStore().transaction((tx) => tx.query("INSERT INTO sites (site_id, name) VALUES ($1, 'x')", [siteId])),
        (error) => isStoreError(error, 'audit-user-missing'),
      );
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM sites WHERE site_id = $1', [siteId]), 0);
    });

    void it('does not carry the user beyond its transaction', async () => {
      const siteId = `L${freshId()}`;
      await withAuditContext(getStore(), { user: 'earlier' }, (tx) => tx.query('SELECT 1'));
      await assert.rejects(getStore().query("INSERT INTO sites (site_id, name) VALUES ($1, 'x')", [siteId]), (error) => isStoreError(error, 'audit-user-missing'));
    });

    void it('rejects an update or delete of a saved record without a reason', async () => {
      const { subjectId } = await seedSubject(getStore());
      const record = await withAuditContext(getStore(), { user: 'coordinator-a' }, (tx) =>
        insertCrfRecord(tx, { subjectId, formType: 'diagnosis', data: { subtype: 'IgG' } }),
      );
      await assert.rejects(
        withAuditContext(getStore(), { user: 'coordinator-a' }, (tx) => updateCrfRecord(tx, record.recordId, 1, { subtype: 'IgA' })),
        (error) => isStoreError(error, 'audit-reason-missing'),
      );
      await assert.rejects(
        withAuditContext(getStore(), { user: 'coordinator-a', reason: '' }, (tx) => deleteCrfRecord(tx, record.recordId, 1)),
        (error) => isStoreError(error, 'audit-reason-missing'),
      );
      const { rows } = await getStore().query<{ data: unknown; version: number; deleted: boolean }>(
        'SELECT data, version, deleted FROM crf_records WHERE record_id = $1',
        [record.recordId],
      );
      assert.deepEqual(rows, [{ data: { subtype: 'IgG' }, version: 1, deleted: false }]);
    });

    void it('makes the audit table append-only', async () => {
      const { subjectId } = await seedSubject(getStore());
      const [row] = await auditRowsFor(getStore(), 'subjects', subjectId);
      for (const sql of ["UPDATE audit_log SET changed_by = 'mallory' WHERE audit_id = $1", 'DELETE FROM audit_log WHERE audit_id = $1']) {
        await assert.rejects(
          withAuditContext(getStore(), { user: 'mallory', reason: 'cover up' }, (tx) => tx.query(sql, [row.audit_id])),
          (error) => isStoreError(error, 'audit-immutable'),
          sql,
        );
      }
      await assert.rejects(getStore().query('TRUNCATE audit_log'), (error) => isStoreError(error, 'audit-immutable'));
      assert.deepEqual((await auditRowsFor(getStore(), 'subjects', subjectId))[0], row);
    });

    void it('lets a queued entry leave the queue only into the chain', async () => {
      const siteId = `Q${freshId()}`;
      await withAuditContext(getStore(), { user: 'coordinator-a' }, (tx) => tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [siteId, 'queued']));
      const { rows } = await getStore().query<{ queue_id: number }>("SELECT queue_id FROM audit_queue WHERE table_name = 'sites' AND record_id = $1", [siteId]);
      assert.equal(rows.length, 1, 'the entry waits in the queue until a sealer runs');
      for (const sql of ["UPDATE audit_queue SET changed_by = 'mallory' WHERE queue_id = $1", 'DELETE FROM audit_queue WHERE queue_id = $1']) {
        await assert.rejects(
          withAuditContext(getStore(), { user: 'mallory', reason: 'cover up' }, (tx) => tx.query(sql, [rows[0].queue_id])),
          (error) => isStoreError(error, 'audit-immutable'),
          sql,
        );
      }
      // a removal of several entries in one statement is refused as a whole when any of them is not chained
      const otherSite = `Q${freshId()}`;
      await withAuditContext(getStore(), { user: 'coordinator-a' }, (tx) => tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [otherSite, 'queued too']));
      await assert.rejects(
        withAuditContext(getStore(), { user: 'mallory', reason: 'cover up' }, (tx) => tx.query("DELETE FROM audit_queue WHERE table_name = 'sites' AND record_id = ANY($1)", [[siteId, otherSite]])),
        (error) => isStoreError(error, 'audit-immutable'),
      );
      assert.equal(await countRows(getStore(), "SELECT 1 FROM audit_queue WHERE table_name = 'sites' AND record_id = ANY($1)", [[siteId, otherSite]]), 2, 'nothing removed');
      await assert.rejects(getStore().query('TRUNCATE audit_queue'), (error) => isStoreError(error, 'audit-immutable'));
      await sealAll(getStore());
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM audit_queue WHERE queue_id = $1', [rows[0].queue_id]), 0);
      const chained = await getStore().query<{ changed_by: string; queue_id: number }>("SELECT changed_by, queue_id FROM audit_log WHERE table_name = 'sites' AND record_id = $1", [siteId]);
      assert.deepEqual(chained.rows, [{ changed_by: 'coordinator-a', queue_id: rows[0].queue_id }]);
    });

    void it('chains every row to the previous one and verifies', async () => {
      await seedSubject(getStore());
      await sealAll(getStore());
      const report = await verifyAuditChain(getStore());
      assert.equal(report.ok, true, JSON.stringify(report));
      const total = await countRows(getStore(), 'SELECT 1 FROM audit_log');
      assert.equal(report.rows, total);
      const { rows } = await getStore().query<{ prev_hash: string; hash: string }>('SELECT prev_hash, hash FROM audit_log ORDER BY audit_id LIMIT 2');
      assert.equal(rows[0].prev_hash, GENESIS_HASH);
      assert.equal(rows[1].prev_hash, rows[0].hash);
      assert.match(rows[0].hash, /^[0-9a-f]{64}$/);
    });

    void it('keeps the chain intact under concurrent writers', async () => {
      const siteIds = Array.from({ length: 16 }, () => `C${freshId()}`);
      await Promise.all(
        siteIds.map((siteId) =>
          withAuditContext(getStore(), { user: 'parallel' }, async (tx) => {
            await tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [siteId, 'concurrent']);
            await tx.query("INSERT INTO subjects (subject_id, site_id, screening_number) VALUES ($1, $2, 'S1')", [`${siteId}-001`, siteId]);
          }),
        ),
      );
      assert.equal(await countRows(getStore(), "SELECT 1 FROM audit_queue WHERE table_name = 'sites' AND record_id = ANY($1)", [siteIds]), 16, 'written, queued');
      await sealAll(getStore());
      assert.equal(await countRows(getStore(), "SELECT 1 FROM audit_log WHERE table_name = 'sites' AND record_id = ANY($1)", [siteIds]), 16);
      assert.equal((await verifyAuditChain(getStore())).ok, true);
    });

    void it('detects an edited audit row (guard disabled by the owner)', async () => {
      const { subjectId } = await seedSubject(getStore());
      const [target] = await auditRowsFor(getStore(), 'subjects', subjectId);
      const report = await inRolledBackTransaction(getStore(), async (tx) => {
        await tx.query('ALTER TABLE audit_log DISABLE TRIGGER trialkit_00_immutable');
        await tx.query(`UPDATE audit_log SET new_value = jsonb_set(new_value, '{screening_number}', '"SCR-9"') WHERE audit_id = $1`, [target.audit_id]);
        return verifyAuditChain(tx);
      });
      assert.deepEqual(report, { ok: false, rows: report.rows, firstBrokenId: target.audit_id, reason: 'hash-mismatch' });
      assert.equal((await verifyAuditChain(getStore())).ok, true, 'the rollback restored the row');
    });

    void it('detects a deleted audit row', async () => {
      const { subjectId } = await seedSubject(getStore());
      const [target] = await auditRowsFor(getStore(), 'subjects', subjectId);
      await seedSubject(getStore());
      await sealAll(getStore());
      const { report, next } = await inRolledBackTransaction(getStore(), async (tx) => {
        await tx.query('ALTER TABLE audit_log DISABLE TRIGGER trialkit_00_immutable');
        await tx.query('DELETE FROM audit_log WHERE audit_id = $1', [target.audit_id]);
        const following = await tx.query<{ audit_id: number }>('SELECT min(audit_id)::bigint AS audit_id FROM audit_log WHERE audit_id > $1', [target.audit_id]);
        return { report: await verifyAuditChain(tx), next: following.rows[0].audit_id };
      });
      assert.equal(report.ok, false);
      assert.equal(report.firstBrokenId, next);
      assert.equal(report.reason, 'prev-hash-mismatch');
    });

    void it('leaves no rows and no audit rows when a transaction fails', async () => {
      const siteId = `R${freshId()}`;
      const auditBefore = await countAudit(getStore());
      await assert.rejects(
        withAuditContext(getStore(), { user: 'coordinator-a' }, async (tx) => {
          await tx.query("INSERT INTO sites (site_id, name) VALUES ($1, 'doomed')", [siteId]);
          await tx.query("INSERT INTO subjects (subject_id, site_id, screening_number) VALUES ($1, $2, 'S1')", [`${siteId}-001`, siteId]);
          // violates subjects_site_prefix
          await tx.query("INSERT INTO subjects (subject_id, site_id, screening_number) VALUES ('OTHER-002', $1, 'S2')", [siteId]);
        }),
        (error) => error instanceof StoreError && error.code === 'check-violation',
      );
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM sites WHERE site_id = $1', [siteId]), 0);
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM subjects WHERE site_id = $1', [siteId]), 0);
      assert.equal(await countAudit(getStore()), auditBefore);
      await sealAll(getStore());
      assert.equal((await verifyAuditChain(getStore())).ok, true);
    });
  });
}
