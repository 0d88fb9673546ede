import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateAuditSigner, signCheckpoint, verifyCheckpointSignature, type AuditCheckpoint } from './auditCheckpoint.js';
import { registerSigningKey } from './auditCheckpoints.js';
import { sealAndCheckpoint, startAuditSealer } from './auditSealer.js';
import type { StoreProvider } from './contractSupport.js';
import { countRows, freshId, inRolledBackTransaction, seedSubject } from './contractSupport.js';
import { createSnapshot } from './createSnapshot.js';
import { insertCrfRecord } from './crfRecords.js';
import { chainHash, sealAuditQueue } from './sealAuditQueue.js';
import { isStoreError } from './storeError.js';
import { createSnapshotEvidence, type SnapshotEvidence } from './snapshotEvidence.js';
import type { SqlClient } from './sqlClient.js';
import { readChainRows } from './verifyAuditChain.js';
import { verifyAuditTrail, type AuditTrailReport } from './verifyAuditTrail.js';
import { verifySnapshotEvidence } from './verifySnapshotEvidence.js';
import { withAuditContext } from './withAuditContext.js';

const codes = (report: AuditTrailReport): string[] => [...new Set(report.problems.map((p) => p.code))].sort();

/** What a superuser does first: switch off the append-only guards of the tables named. */
async function disableGuards(tx: SqlClient, ...tables: string[]): Promise<void> {
  for (const table of tables) await tx.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
}

async function addSite(client: SqlClient, name = 'site'): Promise<string> {
  const siteId = `T${freshId()}`;
  await withAuditContext(client, { user: 'admin-1' }, (tx) => tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [siteId, name]));
  return siteId;
}

/**
 * Sealing and signed checkpoints: the chain extended by a sealer off the commit path, checkpoints signed with
 * the trial's key, and verifyAuditTrail / verifySnapshotEvidence catching what a database superuser could do.
 * Each tamper happens inside a transaction the test rolls back.
 */
export function auditSealContract(getStore: StoreProvider): void {
  const signer = generateAuditSigner();
  const trusted = { trustedKeys: [signer] };

  void describe('sealer, signed checkpoints and verification', () => {
    void it('seals queued entries, signs the head, and the whole trail verifies against the pinned key', async () => {
      await registerSigningKey(getStore(), signer);
      await seedSubject(getStore());
      assert.ok((await countRows(getStore(), 'SELECT 1 FROM audit_queue')) > 0, 'entries wait in the queue');
      const checkpoint = await sealAndCheckpoint(getStore(), signer);
      assert.ok(checkpoint !== undefined);
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM audit_queue'), 0);
      assert.equal(checkpoint.treeSize, await countRows(getStore(), 'SELECT 1 FROM audit_log'));
      const head = await getStore().query<{ audit_id: number; hash: string }>('SELECT audit_id, hash FROM audit_log ORDER BY audit_id DESC LIMIT 1');
      assert.deepEqual([checkpoint.lastAuditId, checkpoint.headHash], [head.rows[0].audit_id, head.rows[0].hash]);
      assert.ok(verifyCheckpointSignature(checkpoint, signer));
      const checkpoints = await countRows(getStore(), 'SELECT 1 FROM audit_checkpoints');
      assert.equal((await sealAndCheckpoint(getStore(), signer))?.signature, checkpoint.signature, 'nothing new: the same checkpoint');
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM audit_checkpoints'), checkpoints);
      const report = await verifyAuditTrail(getStore(), trusted);
      assert.deepEqual(report.problems, []);
      assert.equal(report.ok, true);
      assert.equal(report.checkpoints.trust, 'pinned');
      assert.equal(report.checkpoints.rowsAfterLatest, 0);
      assert.equal(report.queued.entries, 0);
      assert.ok(report.replay.rows > 0 && report.replay.entries >= report.replay.rows);
    });

    void it('chains in rounds of at most maxEntries, hashing any text exactly as the verifier does', async () => {
      const names = ['Hôpital Saint-Éloi', 'клиника 🏥', 'quote " and backslash \\', 'tab\tline\u2028separator', '東京'];
      const last = async (): Promise<{ audit_id: number; hash: string } | undefined> =>
        (await getStore().query<{ audit_id: number; hash: string }>('SELECT audit_id, hash FROM audit_log ORDER BY audit_id DESC LIMIT 1')).rows[0];
      await getStore().transaction((tx) => sealAuditQueue(tx));
      const before = await last();
      const siteIds: string[] = [];
      for (const name of names) siteIds.push(await addSite(getStore(), name));
      const queued = await countRows(getStore(), 'SELECT 1 FROM audit_queue');
      assert.ok(queued >= names.length);
      const head = await getStore().transaction((tx) => sealAuditQueue(tx, 2));
      assert.equal(head.sealed, queued, 'every round of 2 until the queue is empty');
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM audit_queue'), 0);
      const after = await last();
      assert.deepEqual([head.lastAuditId, head.headHash], [after?.audit_id, after?.hash]);
      assert.equal(head.lastAuditId, (before?.audit_id ?? 0) + queued);
      // the database's hashes, recomputed outside it from the content it reads back
      let previous = before?.hash ?? '0'.repeat(64);
      let checked = 0;
      for await (const row of readChainRows(getStore())) {
        if (row.audit_id <= (before?.audit_id ?? 0)) continue;
        assert.equal(row.prev_hash, previous, `audit_id ${row.audit_id}`);
        assert.equal(row.hash, chainHash(previous, row.content), `audit_id ${row.audit_id}`);
        previous = row.hash;
        checked += 1;
      }
      assert.equal(checked, queued);
      const stored = await getStore().query<{ name: string }>("SELECT new_value ->> 'name' AS name FROM audit_log WHERE table_name = 'sites' AND record_id = ANY($1) ORDER BY audit_id", [siteIds]);
      assert.deepEqual(stored.rows.map((row) => row.name), names);
      // an empty queue: nothing sealed, the head unchanged
      assert.deepEqual(await getStore().transaction((tx) => sealAuditQueue(tx, 2)), { sealed: 0, lastAuditId: head.lastAuditId, headHash: head.headHash });
      await assert.rejects(getStore().transaction((tx) => sealAuditQueue(tx, 0)), (error) => isStoreError(error, 'invalid-config'));
    });

    void it('seals a round through the indexes, never by scanning the trail', async () => {
      // a trail of 20,000 rows (bulk rows with the guards off, statistics taken; all rolled back): a round that
      // reads the whole of audit_log (e.g. the queue's removal guard as a hash anti-join) costs more as the
      // trial grows
      const scans = await inRolledBackTransaction(getStore(), async (tx) => {
        await tx.exec(`SET LOCAL session_replication_role = replica;
          INSERT INTO audit_log (audit_id, table_name, record_id, action, new_value, changed_by, changed_at, prev_hash, hash, queue_id)
            SELECT m.top + g, 'sites', 'BULK' || g, 'create', '{}'::jsonb, 'planner-test', now(), repeat('0', 64), repeat('0', 64), -g
            FROM generate_series(1, 20000) g, (SELECT coalesce(max(audit_id), 0) AS top FROM audit_log) m;
          ANALYZE audit_log;
          SET LOCAL session_replication_role = origin`);
        await tx.query("SELECT set_config('trialkit.user', 'admin-1', true)");
        // a round of hundreds of entries, as under load (the planner reads the removal's size)
        await tx.query("INSERT INTO sites (site_id, name) SELECT $1 || g, 'sealed through the index' FROM generate_series(1, 500) g", [`T${freshId()}X`]);
        const seqScans = async (): Promise<number> =>
          (await tx.query<{ n: number }>("SELECT coalesce(sum(seq_scan), 0)::int AS n FROM pg_stat_xact_user_tables WHERE relname = 'audit_log' AND schemaname = current_schema()")).rows[0].n;
        const before = await seqScans();
        const head = await sealAuditQueue(tx);
        return { sealed: head.sealed, scans: (await seqScans()) - before };
      });
      assert.ok(scans.sealed >= 500, 'the new entries sealed');
      assert.equal(scans.scans, 0, 'sequential scans of audit_log during the round');
    });

    void it('reveals a deleted tail that a checkpoint covers, and the row it leaves unexplained', async () => {
      const siteId = await addSite(getStore(), 'before');
      await withAuditContext(getStore(), { user: 'admin-1', reason: 'rename' }, (tx) => tx.query("UPDATE sites SET name = 'after' WHERE site_id = $1", [siteId]));
      const checkpoint = await sealAndCheckpoint(getStore(), signer);
      assert.ok(checkpoint !== undefined);
      const report = await inRolledBackTransaction(getStore(), async (tx) => {
        await disableGuards(tx, 'audit_log');
        await tx.query('DELETE FROM audit_log WHERE audit_id = $1', [checkpoint.lastAuditId]);
        return verifyAuditTrail(tx, trusted);
      });
      assert.deepEqual(codes(report), ['row-differs', 'tail-missing']);
      assert.ok(report.problems.some((p) => p.code === 'row-differs' && p.table === 'sites' && p.recordId === siteId));
    });

    void it('needs a checkpoint kept outside to see a tail deleted together with its checkpoints and its effect', async () => {
      const siteId = await addSite(getStore(), 'original');
      const earlier = await sealAndCheckpoint(getStore(), signer);
      // as text: a JS Date would drop the microseconds PostgreSQL keeps
      const { rows: original } = await getStore().query<{ version: number; updated_at: string; updated_by: string }>('SELECT version, updated_at::text AS updated_at, updated_by FROM sites WHERE site_id = $1', [
        siteId,
      ]);
      await withAuditContext(getStore(), { user: 'admin-1', reason: 'rename' }, (tx) => tx.query("UPDATE sites SET name = 'renamed' WHERE site_id = $1", [siteId]));
      const witnessed = await sealAndCheckpoint(getStore(), signer);
      assert.ok(earlier !== undefined && witnessed !== undefined && witnessed.lastAuditId > earlier.lastAuditId);
      const [inside, outside] = await inRolledBackTransaction(getStore(), async (tx) => {
        await disableGuards(tx, 'audit_log', 'audit_checkpoints', 'sites');
        await tx.query('DELETE FROM audit_log WHERE audit_id > $1', [earlier.lastAuditId]);
        await tx.query('DELETE FROM audit_checkpoints WHERE last_audit_id > $1', [earlier.lastAuditId]);
        await tx.query("UPDATE sites SET name = 'original', version = $2, updated_at = $3::timestamptz, updated_by = $4 WHERE site_id = $1", [
          siteId,
          original[0].version,
          original[0].updated_at,
          original[0].updated_by,
        ]);
        return [await verifyAuditTrail(tx, trusted), await verifyAuditTrail(tx, { ...trusted, externalCheckpoints: [witnessed] })];
      });
      assert.deepEqual(inside.problems, [], 'the database alone is consistent again: the limit the README states');
      assert.deepEqual(codes(outside), ['tail-missing']);
    });

    void it('reveals a history rewritten with fresh hashes: the chain holds, the signed heads do not', async () => {
      const { subjectId } = await seedSubject(getStore());
      await sealAndCheckpoint(getStore(), signer);
      const report = await inRolledBackTransaction(getStore(), async (tx) => {
        await disableGuards(tx, 'audit_log');
        const { rows } = await tx.query<{ audit_id: number }>("SELECT audit_id FROM audit_log WHERE table_name = 'subjects' AND record_id = $1", [subjectId]);
        await tx.query(`UPDATE audit_log SET new_value = jsonb_set(new_value, '{screening_number}', '"SCR-REWRITTEN"') WHERE audit_id = $1`, [rows[0].audit_id]);
        let previous: string | undefined;
        for await (const row of readChainRows(tx)) {
          if (row.audit_id < rows[0].audit_id) {
            previous = row.hash;
            continue;
          }
          const hash = chainHash(previous ?? '0'.repeat(64), row.content);
          await tx.query('UPDATE audit_log SET prev_hash = $2, hash = $3 WHERE audit_id = $1', [row.audit_id, previous ?? '0'.repeat(64), hash]);
          previous = hash;
        }
        return verifyAuditTrail(tx, trusted);
      });
      assert.equal(report.chain.ok, true, 'the rewritten chain is internally consistent');
      assert.ok(codes(report).includes('checkpoint-mismatch'), JSON.stringify(codes(report)));
      assert.ok(report.problems.some((p) => p.code === 'row-differs' && p.recordId === subjectId), 'and the replay names the subject whose history was rewritten');
    });

    void it('names a clinical row changed, inserted or deleted without an audit entry', async () => {
      const { subjectId } = await seedSubject(getStore());
      const record = await withAuditContext(getStore(), { user: 'coordinator-a' }, (tx) =>
        insertCrfRecord(tx, { subjectId, formType: 'lab', data: { date: '2025-02-03', analyte: 'albumin', value: 35 } }),
      );
      const other = await withAuditContext(getStore(), { user: 'coordinator-a' }, (tx) =>
        insertCrfRecord(tx, { subjectId, formType: 'lab', data: { date: '2025-02-04', analyte: 'albumin', value: 36 } }),
      );
      const report = await inRolledBackTransaction(getStore(), async (tx) => {
        await disableGuards(tx, 'crf_records', 'queries');
        await tx.query(`UPDATE crf_records SET data = jsonb_set(data, '{value}', '3.5') WHERE record_id = $1`, [record.recordId]);
        const inserted = await tx.query<{ record_id: number }>(
          "INSERT INTO crf_records (subject_id, form_type, data, created_by, updated_by) VALUES ($1, 'lab', '{}', 'mallory', 'mallory') RETURNING record_id",
          [subjectId],
        );
        await tx.query('DELETE FROM crf_records WHERE record_id = $1', [other.recordId]);
        return { report: await verifyAuditTrail(tx, trusted), inserted: inserted.rows[0].record_id };
      });
      const found = report.report.problems.map((p) => [p.code, p.table, p.recordId]);
      assert.deepEqual(
        found.sort(),
        [
          ['row-differs', 'crf_records', String(record.recordId)],
          ['row-missing', 'crf_records', String(other.recordId)],
          ['row-unaudited', 'crf_records', String(report.inserted)],
        ].sort(),
      );
    });

    void it('refuses a checkpoint signed by another key or altered after signing, unless only the database is trusted', async () => {
      await addSite(getStore());
      const genuine = await sealAndCheckpoint(getStore(), signer);
      assert.ok(genuine !== undefined);
      const mallory = generateAuditSigner();
      const [pinned, databaseOnly, altered] = await inRolledBackTransaction(getStore(), async (tx) => {
        await registerSigningKey(tx, mallory);
        const forged: AuditCheckpoint = signCheckpoint({ ...genuine, signedAt: new Date().toISOString() }, mallory);
        await tx.query('INSERT INTO audit_checkpoints (tree_size, last_audit_id, head_hash, signed_at, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6)', [
          forged.treeSize,
          forged.lastAuditId,
          forged.headHash,
          new Date(forged.signedAt),
          forged.keyId,
          forged.signature,
        ]);
        const first = await verifyAuditTrail(tx, trusted);
        const second = await verifyAuditTrail(tx);
        await disableGuards(tx, 'audit_checkpoints');
        await tx.query('UPDATE audit_checkpoints SET tree_size = tree_size + 1 WHERE key_id = $1', [signer.keyId]);
        return [first, second, await verifyAuditTrail(tx, trusted)];
      });
      assert.deepEqual(codes(pinned), ['checkpoint-untrusted-key']);
      assert.deepEqual(databaseOnly.problems, [], 'a key the database lists passes when nothing is pinned');
      assert.equal(databaseOnly.checkpoints.trust, 'database');
      assert.ok(databaseOnly.warnings.some((w) => /database itself lists/.test(w)));
      assert.ok(codes(altered).includes('checkpoint-signature'));
    });

    void it('keeps the chain and the checkpoints whole with concurrent writers and a running sealer', async () => {
      const sealer = await startAuditSealer(getStore(), signer, { batchDelayMs: 1, pollMs: 20 });
      try {
        await Promise.all(
          Array.from({ length: 12 }, async () => {
            for (let i = 0; i < 4; i++) {
              await addSite(getStore(), `concurrent ${i}`);
              sealer.poke();
            }
          }),
        );
      } finally {
        await sealer.stop();
      }
      const report = await verifyAuditTrail(getStore(), trusted);
      assert.deepEqual(report.problems, []);
      assert.equal(report.queued.entries, 0);
      assert.equal(report.checkpoints.rowsAfterLatest, 0);
      assert.deepEqual(sealer.latest()?.lastAuditId, report.chain.lastAuditId);
    });

    void it('exports a snapshot with its signed proof, which an inspector checks offline, and refuses a tampered bundle', async () => {
      const { subjectId } = await seedSubject(getStore());
      const earlier = await sealAndCheckpoint(getStore(), signer);
      assert.ok(earlier !== undefined);
      await withAuditContext(getStore(), { user: 'coordinator-a' }, (tx) =>
        insertCrfRecord(tx, { subjectId, formType: 'lab', data: { date: '2025-02-03', analyte: 'albumin', value: 1.1 } }),
      );
      const snapshot = await withAuditContext(getStore(), { user: 'data-manager' }, (tx) => createSnapshot(tx, { name: `evidence-${freshId()}`, cutoffDate: '2025-06-30' }));
      assert.equal((await createSnapshotEvidence(getStore(), snapshot.snapshotId)).kind, 'not-covered', 'not yet sealed and signed');
      await sealAndCheckpoint(getStore(), signer);
      const result = await createSnapshotEvidence(getStore(), snapshot.snapshotId);
      assert.equal(result.kind, 'ok');
      if (result.kind !== 'ok') return;
      const bundle = JSON.parse(JSON.stringify(result.evidence)) as SnapshotEvidence;
      const report = verifySnapshotEvidence(bundle, [signer]);
      assert.deepEqual(report.problems, []);
      assert.deepEqual(report.warnings, []);
      assert.equal(report.ok, true);
      assert.ok((report.replayed.records ?? 0) >= 1 && (report.replayed.subjects ?? 0) >= 1);

      assert.deepEqual(verifySnapshotEvidence(bundle, [signer], [earlier]).problems, [], 'the chain passes through a checkpoint kept earlier');
      const otherHistory = signCheckpoint({ ...earlier, headHash: 'e'.repeat(64) }, signer);
      assert.ok(verifySnapshotEvidence(bundle, [signer], [otherHistory]).problems.some((p) => /does not pass through a kept checkpoint/.test(p)));
      assert.ok(verifySnapshotEvidence(bundle, [signer], [{ ...earlier, treeSize: earlier.treeSize + 1 }]).problems.some((p) => /valid signature/.test(p)));

      const unpinned = verifySnapshotEvidence(bundle);
      assert.equal(unpinned.ok, true);
      assert.equal(unpinned.trust, 'bundle');
      assert.match(unpinned.warnings.join(' '), /no trusted key given/);

      const data = bundle.snapshot.data.replace('"value": 1.1', '"value": 11');
      assert.notEqual(data, bundle.snapshot.data);
      assert.ok(verifySnapshotEvidence({ ...bundle, snapshot: { ...bundle.snapshot, data } }, [signer]).problems.some((p) => /does not hash/.test(p)));
      const forgedData = { ...bundle.snapshot, data, contentHash: 'f'.repeat(64) };
      assert.ok(!verifySnapshotEvidence({ ...bundle, snapshot: forgedData }, [signer]).ok, 'a re-hashed body no longer matches the signed chain');
      const entries = bundle.entries.map((e, i) => (i === 0 ? { ...e, content: e.content.replace('"create"', '"update"') } : e));
      assert.ok(verifySnapshotEvidence({ ...bundle, entries }, [signer]).problems.some((p) => /does not hash/.test(p)));
      assert.ok(verifySnapshotEvidence({ ...bundle, entries: bundle.entries.slice(0, -1) }, [signer]).problems.some((p) => /checkpoint signed/.test(p)));
      assert.ok(verifySnapshotEvidence(bundle, [generateAuditSigner()]).problems.some((p) => /not among the trusted keys/.test(p)));
    });
  });
}
