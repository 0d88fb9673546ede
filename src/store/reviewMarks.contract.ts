import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoreProvider } from './contractSupport.js';
import { auditRowsFor, freshId, seedSubject } from './contractSupport.js';
import { deleteCrfRecord, insertCrfRecord, updateCrfRecord } from './crfRecords.js';
import { insertSdvMark, listSdvMarks } from './sdvMarks.js';
import { insertSignature, listSignatures } from './signatures.js';
import type { SqlClient } from './sqlClient.js';
import { isStoreError } from './storeError.js';
import { insertUser } from './users.js';
import { verifyAuditTrail } from './verifyAuditTrail.js';
import { withAuditContext } from './withAuditContext.js';

const FORM = 'lab';
const DATA = { sampleDate: '2024-03-05', value: 1.1 };
const MEANING = 'I approve the data of this form.';

async function addUser(client: SqlClient, role: 'investigator' | 'coordinator' | 'monitor', siteId: string | null, displayName: string): Promise<string> {
  const userId = `${role}-${freshId()}`;
  await withAuditContext(client, { user: 'admin' }, (tx) => insertUser(tx, { userId, displayName, role, siteId }));
  return userId;
}

async function seedRecord(client: SqlClient): Promise<{ subjectId: string; siteId: string; recordId: number }> {
  const { subjectId, siteId } = await seedSubject(client);
  const record = await withAuditContext(client, { user: 'coordinator-a' }, (tx) => insertCrfRecord(tx, { subjectId, formType: FORM, visit: 'C1D1', data: DATA }));
  return { subjectId, siteId, recordId: record.recordId };
}

/** Source data verification marks and electronic signatures: written, refused, cleared and invalidated by the database itself, and audited. */
export function reviewMarksContract(getStore: StoreProvider): void {
  void describe('source data verification marks', () => {
    void it('marks the current version; a later change of the record clears the mark in the same transaction, audited with its reason', async () => {
      const { subjectId, recordId } = await seedRecord(getStore());
      const monitor = await addUser(getStore(), 'monitor', null, 'Mona Monitor');
      await assert.rejects(
        withAuditContext(getStore(), { user: monitor }, (tx) => insertSdvMark(tx, { subjectId, recordId, recordVersion: 2 })),
        (error) => isStoreError(error, 'sdv-mark'),
      );
      const mark = await withAuditContext(getStore(), { user: monitor }, (tx) => insertSdvMark(tx, { subjectId, recordId, recordVersion: 1 }));
      assert.deepEqual([mark.cleared, mark.verifiedBy, mark.recordVersion], [false, monitor, 1]);
      // a second current mark of the same record is refused
      await assert.rejects(withAuditContext(getStore(), { user: monitor }, (tx) => insertSdvMark(tx, { subjectId, recordId, recordVersion: 1 })), (error) => isStoreError(error, 'unique-violation'));
      // nobody edits or deletes a mark
      await assert.rejects(
        withAuditContext(getStore(), { user: monitor, reason: 'undo' }, (tx) => tx.query('UPDATE sdv_marks SET record_version = 2 WHERE sdv_id = $1', [mark.sdvId])),
        (error) => isStoreError(error, 'sdv-mark'),
      );
      await assert.rejects(withAuditContext(getStore(), { user: monitor, reason: 'undo' }, (tx) => tx.query('DELETE FROM sdv_marks WHERE sdv_id = $1', [mark.sdvId])), (error) => isStoreError(error, 'sdv-mark'));

      const written = await withAuditContext(getStore(), { user: 'coordinator-a', reason: 'transcription error' }, (tx) => updateCrfRecord(tx, recordId, 1, { ...DATA, value: 1.3 }));
      assert.equal(written.kind, 'written');
      const after = (await listSdvMarks(getStore(), subjectId)).get(recordId);
      assert.deepEqual([after?.cleared, after?.clearedBy], [true, 'coordinator-a']);
      const trail = await auditRowsFor(getStore(), 'sdv_marks', String(mark.sdvId));
      assert.deepEqual(
        trail.map((row) => [row.action, row.changed_by, row.reason, row.new_value?.cleared]),
        [
          ['create', monitor, null, false],
          ['update', 'coordinator-a', 'transcription error', true],
        ],
      );
      // the new version can be verified again
      const again = await withAuditContext(getStore(), { user: monitor }, (tx) => insertSdvMark(tx, { subjectId, recordId, recordVersion: 2 }));
      assert.equal((await listSdvMarks(getStore(), subjectId)).get(recordId)?.sdvId, again.sdvId);
    });

    void it('keeps the mark when nothing of the data changes, clears it when the record is deleted, and needs a user', async () => {
      const { subjectId, recordId } = await seedRecord(getStore());
      await assert.rejects(
        getStore().transaction((tx) => insertSdvMark(tx, { subjectId, recordId, recordVersion: 1 })),
        (error) => isStoreError(error, 'audit-user-missing'),
      );
      await withAuditContext(getStore(), { user: 'monitor-x' }, (tx) => insertSdvMark(tx, { subjectId, recordId, recordVersion: 1 }));
      await withAuditContext(getStore(), { user: 'coordinator-a', reason: 'same values saved again' }, (tx) => updateCrfRecord(tx, recordId, 1, DATA));
      assert.equal((await listSdvMarks(getStore(), subjectId)).get(recordId)?.cleared, false);
      await withAuditContext(getStore(), { user: 'coordinator-a', reason: 'entered on the wrong subject' }, (tx) => deleteCrfRecord(tx, recordId, 2));
      assert.equal((await listSdvMarks(getStore(), subjectId)).get(recordId)?.cleared, true);
    });
  });

  void describe('electronic signatures', () => {
    void it("writes the signer's printed name, role, time and a hash of what was signed; only an active investigator of the subject's site signs", async () => {
      const { subjectId, siteId, recordId } = await seedRecord(getStore());
      const investigator = await addUser(getStore(), 'investigator', siteId, 'Dr Ada Investigator');
      const coordinator = await addUser(getStore(), 'coordinator', siteId, 'Colin Coordinator');
      const elsewhere = await seedSubject(getStore());
      const otherInvestigator = await addUser(getStore(), 'investigator', elsewhere.siteId, 'Dr Other Site');
      for (const user of [coordinator, otherInvestigator, 'nobody-known']) {
        await assert.rejects(
          withAuditContext(getStore(), { user }, (tx) => insertSignature(tx, { scope: 'form', subjectId, recordId, recordVersion: 1, meaning: MEANING })),
          (error) => isStoreError(error, 'signature'),
          user,
        );
      }
      await assert.rejects(
        withAuditContext(getStore(), { user: investigator }, (tx) => insertSignature(tx, { scope: 'form', subjectId, recordId, recordVersion: 2, meaning: MEANING })),
        (error) => isStoreError(error, 'signature'),
      );
      const signed = await withAuditContext(getStore(), { user: investigator }, (tx) =>
        // a forged name or hash is overwritten by the database
        tx
          .query<{ signature_id: number }>(
            "INSERT INTO signatures (subject_id, scope, record_id, record_version, meaning, signer_name, signer_role, content_hash) VALUES ($1, 'form', $2, 1, $3, 'Someone Else', 'admin', 'forged') RETURNING signature_id",
            [subjectId, recordId, MEANING],
          )
          .then(() => listSignatures(tx, subjectId)),
      );
      const form = signed.forms.get(recordId);
      assert.deepEqual([form?.signerName, form?.signerRole, form?.signedBy, form?.meaning, form?.invalidated], ['Dr Ada Investigator', 'investigator', investigator, MEANING, false]);
      assert.match(form?.contentHash ?? '', /^[0-9a-f]{64}$/);
      const { rows } = await getStore().query<{ hash: string }>("SELECT encode(sha256(convert_to(data::text, 'UTF8')), 'hex') AS hash FROM crf_records WHERE record_id = $1", [recordId]);
      assert.equal(form?.contentHash, rows[0].hash);
    });

    void it('a change of the signed data invalidates the form and casebook signatures; a new record invalidates the casebook; audited', async () => {
      const { subjectId, siteId, recordId } = await seedRecord(getStore());
      const investigator = await addUser(getStore(), 'investigator', siteId, 'Dr Ada Investigator');
      const sign = (s: Parameters<typeof insertSignature>[1]): Promise<unknown> => withAuditContext(getStore(), { user: investigator }, (tx) => insertSignature(tx, s));
      await sign({ scope: 'form', subjectId, recordId, recordVersion: 1, meaning: MEANING });
      await sign({ scope: 'casebook', subjectId, meaning: 'I approve this casebook.' });
      // one valid signature per record and per casebook
      await assert.rejects(sign({ scope: 'casebook', subjectId, meaning: 'again' }), (error) => isStoreError(error, 'unique-violation'));
      // a signature cannot be edited, deleted or revived
      const { casebook } = await listSignatures(getStore(), subjectId);
      assert.ok(casebook !== null);
      await assert.rejects(
        withAuditContext(getStore(), { user: investigator, reason: 'edit' }, (tx) => tx.query("UPDATE signatures SET meaning = 'other' WHERE signature_id = $1", [casebook.signatureId])),
        (error) => isStoreError(error, 'signature'),
      );
      await assert.rejects(withAuditContext(getStore(), { user: investigator, reason: 'remove' }, (tx) => tx.query('DELETE FROM signatures WHERE signature_id = $1', [casebook.signatureId])), (error) =>
        isStoreError(error, 'signature'),
      );

      // a new record: the casebook signature no longer stands, the form's does
      const second = await withAuditContext(getStore(), { user: 'coordinator-a' }, (tx) => insertCrfRecord(tx, { subjectId, formType: FORM, visit: 'C2D1', data: { ...DATA, sampleDate: '2024-04-02' } }));
      let now = await listSignatures(getStore(), subjectId);
      assert.deepEqual([now.casebook?.invalidated, now.forms.get(recordId)?.invalidated], [true, false]);
      const casebookTrail = await auditRowsFor(getStore(), 'signatures', String(casebook.signatureId));
      assert.deepEqual(
        casebookTrail.map((row) => [row.action, row.changed_by, row.reason]),
        [
          ['create', investigator, null],
          ['update', 'coordinator-a', `signed data changed: record ${second.recordId} of subject ${subjectId} was added`],
        ],
      );
      // the insert itself is audited without a reason, as any first entry
      const recordTrail = await auditRowsFor(getStore(), 'crf_records', String(second.recordId));
      assert.deepEqual(recordTrail.map((row) => [row.action, row.reason]), [['create', null]]);

      // sign the casebook again, then change the first record: both signatures over it are invalidated
      await sign({ scope: 'casebook', subjectId, meaning: 'I approve this casebook.' });
      await withAuditContext(getStore(), { user: 'coordinator-a', reason: 'unit corrected' }, (tx) => updateCrfRecord(tx, recordId, 1, { ...DATA, value: 1.2 }));
      now = await listSignatures(getStore(), subjectId);
      assert.deepEqual([now.casebook?.invalidated, now.casebook?.invalidatedBy, now.forms.get(recordId)?.invalidated], [true, 'coordinator-a', true]);
      // the trail still replays to the tables, the new ones included
      const report = await verifyAuditTrail(getStore(), { maxProblems: 10_000 });
      assert.deepEqual(report.problems.filter((p) => p.table === 'signatures' || p.table === 'sdv_marks'), []);
    });

    void it('records inserted together in one statement invalidate each casebook they touch once, naming its first new record', async () => {
      const first = await seedRecord(getStore());
      const second = await seedRecord(getStore());
      for (const { subjectId, siteId } of [first, second]) {
        const investigator = await addUser(getStore(), 'investigator', siteId, 'Dr Ada Investigator');
        await withAuditContext(getStore(), { user: investigator }, (tx) => insertSignature(tx, { scope: 'casebook', subjectId, meaning: 'I approve this casebook.' }));
      }
      const subjects = [first.subjectId, first.subjectId, second.subjectId];
      const { rows } = await withAuditContext(getStore(), { user: 'coordinator-a' }, (tx) =>
        tx.query<{ record_id: number; subject_id: string }>(
          `INSERT INTO crf_records (subject_id, form_type, visit, data)
           SELECT s, $2, 'C3D1', $3::jsonb FROM unnest($1::text[]) WITH ORDINALITY AS u(s, i) ORDER BY i RETURNING record_id, subject_id`,
          [subjects, FORM, JSON.stringify({ ...DATA, sampleDate: '2024-05-02' })],
        ),
      );
      for (const { subjectId } of [first, second]) {
        const { casebook } = await listSignatures(getStore(), subjectId);
        assert.equal(casebook?.invalidated, true, subjectId);
        const firstNew = Math.min(...rows.filter((row) => row.subject_id === subjectId).map((row) => row.record_id));
        const trail = await auditRowsFor(getStore(), 'signatures', String(casebook?.signatureId));
        assert.deepEqual(
          trail.map((row) => [row.action, row.changed_by, row.reason]).slice(1),
          [['update', 'coordinator-a', `signed data changed: record ${firstNew} of subject ${subjectId} was added`]],
        );
      }
      // the records' own entries carry no reason, as any first entry
      const { rows: entries } = await getStore().query<{ reason: string | null }>(
        "SELECT reason FROM audit_queue WHERE table_name = 'crf_records' AND record_id = ANY($1::text[]) UNION ALL SELECT reason FROM audit_log WHERE table_name = 'crf_records' AND record_id = ANY($1::text[])",
        [rows.map((row) => String(row.record_id))],
      );
      assert.deepEqual(entries.map((row) => row.reason), [null, null, null]);
      const report = await verifyAuditTrail(getStore(), { maxProblems: 10_000 });
      assert.deepEqual(report.problems.filter((p) => p.table === 'signatures' || p.table === 'crf_records'), []);
    });
  });
}
