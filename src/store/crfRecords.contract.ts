import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoreProvider } from './contractSupport.js';
import { countAudit, inRolledBackTransaction, seedSubject } from './contractSupport.js';
import { deleteCrfRecord, getCrfRecord, insertCrfRecord, updateCrfRecord } from './crfRecords.js';
import { listAuditEntries } from './auditEntries.js';
import { listSubjectRecords, SUBJECT_RECORDS_BATCH_SQL } from './subjectRecords.js';
import { getSubjectForShare, subjectsForShareBatch } from './subjects.js';
import { withAuditContext } from './withAuditContext.js';

/** CRF records: optimistic concurrency answered as data, soft delete. */
export function crfRecordsContract(getStore: StoreProvider): void {
  void describe('CRF records', () => {
    void it("reads a group's subjects and their records through the indexes, never by scanning a table", async () => {
      // 20,000 subjects and 20,000 records of 200 of them (triggers and foreign keys off for the bulk rows),
      // statistics taken, and each batch form planned as a prepared statement's generic plan is: a plan that
      // reads every subject or every CRF record for a group of saves is what a large trial cannot afford.
      // All rolled back.
      const scans = await inRolledBackTransaction(getStore(), async (tx) => {
        await tx.exec(`SET LOCAL session_replication_role = replica;
          INSERT INTO subjects (subject_id, site_id, screening_number, created_by, updated_by)
            SELECT 'PLAN-' || g, 'PLAN', 'P' || g, 'planner-test', 'planner-test' FROM generate_series(1, 20000) g;
          INSERT INTO crf_records (subject_id, form_type, visit, data, created_by, updated_by)
            SELECT 'PLAN-' || (g % 200), CASE WHEN g % 50 = 0 THEN 'screening' WHEN g % 7 = 0 THEN 'adverseEvent' ELSE 'lab' END,
              'C' || (g % 20) || 'D1', '{"value": 1}'::jsonb, 'planner-test', 'planner-test'
            FROM generate_series(1, 20000) g;
          ANALYZE subjects;
          ANALYZE crf_records;
          SET LOCAL plan_cache_mode = force_generic_plan`);
        const subjects = `ARRAY[${Array.from({ length: 12 }, (_, i) => `'PLAN-${i}'`).join(', ')}]`;
        const forms = `ARRAY[${Array.from({ length: 12 }, () => "'screening'").join(', ')}]`;
        const sites = `ARRAY[${Array.from({ length: 12 }, () => 'NULL').join(', ')}]::text[]`;
        const batchForms = [
          ['all', 'crf_records', SUBJECT_RECORDS_BATCH_SQL.all, subjects],
          ['ofForm', 'crf_records', SUBJECT_RECORDS_BATCH_SQL.ofForm, `${subjects}, ${forms}`],
          ['subjectsForShare', 'subjects', subjectsForShareBatch, `${subjects}, ${sites}`],
        ] as const;
        const found: Record<string, string[]> = {};
        for (const [name, relation, sql, args] of batchForms) {
          const statement = `planner_test_${name}`;
          await tx.exec(`PREPARE ${statement} AS ${sql}`);
          const { rows } = await tx.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) EXECUTE ${statement}(${args})`);
          await tx.exec(`DEALLOCATE ${statement}`);
          found[`${name} (${relation})`] = scansOf(rows[0]['QUERY PLAN'], relation);
        }
        return found;
      });
      for (const [name, list] of Object.entries(scans)) {
        assert.ok(list.length > 0, `${name}: the plan reads the table`);
        assert.deepEqual(list.filter((scan) => scan === 'Seq Scan'), [], `${name}: ${list.join(', ')}`);
      }
    });

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

/** The scans of `relation` anywhere in an EXPLAIN (FORMAT JSON) plan, by node type. */
function scansOf(plan: unknown, relation: string): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record['Relation Name'] === relation && typeof record['Node Type'] === 'string') out.push(record['Node Type']);
    for (const value of Object.values(record)) visit(value);
  };
  visit(typeof plan === 'string' ? (JSON.parse(plan) as unknown) : plan);
  return out;
}
