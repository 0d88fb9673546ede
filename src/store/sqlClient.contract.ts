import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoreProvider } from './contractSupport.js';
import { countRows, freshId, RollbackSignal } from './contractSupport.js';
import type { SqlClient } from './sqlClient.js';
import { isStoreError, StoreError } from './storeError.js';
import { listAuditEntries } from './auditEntries.js';
import { withAuditContext } from './withAuditContext.js';

/** The SqlClient port: parameters, typed rows alike on both engines, transactions. */
export function sqlClientContract(getStore: StoreProvider): void {
  void describe('SqlClient', () => {
    void it('binds parameters and returns the same JS types on every engine', async () => {
      const { rows } = await getStore().query<{ id: number; day: string; label: string; doc: { a: number[] }; at: Date; ok: boolean }>(
        "SELECT $1::bigint AS id, $2::date AS day, $3::text AS label, $4::jsonb AS doc, '2024-03-01T12:00:00Z'::timestamptz AS at, $5::boolean AS ok",
        [42, '2024-02-29', "O'Brien", JSON.stringify({ a: [1, 2] }), true],
      );
      assert.deepEqual(rows, [{ id: 42, day: '2024-02-29', label: "O'Brien", doc: { a: [1, 2] }, at: new Date('2024-03-01T12:00:00Z'), ok: true }]);
    });

    void it('commits a transaction and returns its value', async () => {
      const siteId = `T${freshId()}`;
      const value = await withAuditContext(getStore(), { user: 'tester' }, async (tx) => {
        await tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [siteId, 'committed']);
        return 'done';
      });
      assert.equal(value, 'done');
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM sites WHERE site_id = $1', [siteId]), 1);
    });

    void it('rolls back when the body throws and rethrows the body error unchanged', async () => {
      const siteId = `T${freshId()}`;
      const signal = new RollbackSignal();
      await assert.rejects(
        withAuditContext(getStore(), { user: 'tester' }, async (tx) => {
          await tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [siteId, 'rolled back']);
          throw signal;
        }),
        (error) => error === signal,
      );
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM sites WHERE site_id = $1', [siteId]), 0);
    });

    void it('rejects a nested transaction', async () => {
      await assert.rejects(
        getStore().transaction((tx) => tx.transaction(() => Promise.resolve(1))),
        (error) => isStoreError(error, 'nested-transaction'),
      );
    });

    void it('rejects use of a transaction client after the transaction ended', async () => {
      let leaked: SqlClient | undefined;
      await getStore().transaction((tx) => {
        leaked = tx;
        return Promise.resolve();
      });
      assert.ok(leaked !== undefined);
      await assert.rejects(leaked.query('SELECT 1'), (error) => isStoreError(error, 'transaction-closed'));
    });

    void it("commits with the transaction's last statement, audited, and closes the transaction's client", async () => {
      const [first, second] = [`T${freshId()}`, `T${freshId()}`];
      let txClient: SqlClient | undefined;
      const value = await withAuditContext(getStore(), { user: 'tester' }, async (tx) => {
        txClient = tx;
        await tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [first, 'first']);
        const { rows } = await tx.queryLast<{ site_id: string }>('INSERT INTO sites (site_id, name) VALUES ($1, $2) RETURNING site_id', [second, 'second']);
        return rows[0]?.site_id;
      });
      assert.equal(value, second);
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM sites WHERE site_id = $1 OR site_id = $2', [first, second]), 2);
      // the audit trigger ran in the same transaction, with its who
      assert.deepEqual((await listAuditEntries(getStore(), 'sites', second)).map((entry) => [entry.action, entry.changedBy]), [['create', 'tester']]);
      assert.ok(txClient !== undefined);
      await assert.rejects(txClient.query('SELECT 1'), (error) => isStoreError(error, 'transaction-closed'));
    });

    void it('rolls back the whole transaction when its last statement fails', async () => {
      const [first, taken] = [`T${freshId()}`, `T${freshId()}`];
      await withAuditContext(getStore(), { user: 'tester' }, (tx) => tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [taken, 'taken']));
      await assert.rejects(
        withAuditContext(getStore(), { user: 'tester' }, async (tx) => {
          await tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [first, 'first']);
          return tx.queryLast('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [taken, 'again']);
        }),
        (error) => isStoreError(error, 'unique-violation'),
      );
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM sites WHERE site_id = $1', [first]), 0);
      // the store stays usable: the next transaction on the (pooled) connection commits
      const next = `T${freshId()}`;
      await withAuditContext(getStore(), { user: 'tester' }, (tx) => tx.queryLast('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [next, 'next']));
      assert.equal(await countRows(getStore(), 'SELECT 1 FROM sites WHERE site_id = $1', [next]), 1);
    });

    void it('group commit: grouped transactions begun together commit each with its own who and why; a refused or throwing body changes nothing and undoes no other', async () => {
      const store = getStore();
      const ids = [0, 1, 2, 3].map(() => `T${freshId()}`);
      const grouped = (i: number, body: (tx: SqlClient) => Promise<string>): Promise<string> =>
        withAuditContext(store, { user: `tester-${i}`, reason: `reason ${i}` }, body, { group: true });
      const insert = (tx: SqlClient, siteId: string): Promise<string> =>
        tx.queryLast<{ txid: string }>('INSERT INTO sites (site_id, name) VALUES ($1, $2) RETURNING txid_current()::text AS txid', [siteId, 'grouped']).then(({ rows }) => rows[0].txid);
      const txids = await Promise.all(ids.map((siteId, i) => grouped(i, (tx) => insert(tx, siteId))));
      // on a server the four share one transaction (begun in the same turn); the embedded store runs each alone
      if (store.engine === 'postgres') assert.equal(new Set(txids).size, 1);
      for (const [i, siteId] of ids.entries()) {
        assert.deepEqual((await listAuditEntries(store, 'sites', siteId)).map((entry) => [entry.action, entry.changedBy, entry.reason]), [['create', `tester-${i}`, `reason ${i}`]]);
      }
      const [kept, taken, thrown, alsoKept] = [`T${freshId()}`, ids[0], `T${freshId()}`, `T${freshId()}`];
      const outcomes = await Promise.allSettled([
        grouped(4, (tx) => insert(tx, kept)),
        grouped(5, (tx) => insert(tx, taken)),
        grouped(6, async (tx) => {
          // query, not queryLast: a body must not throw after its last statement (it may be committed)
          await tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [thrown, 'grouped']);
          throw new RollbackSignal();
        }),
        grouped(7, (tx) => insert(tx, alsoKept)),
      ]);
      assert.deepEqual(outcomes.map((outcome) => outcome.status), ['fulfilled', 'rejected', 'rejected', 'fulfilled']);
      assert.ok(outcomes[1].status === 'rejected' && isStoreError(outcomes[1].reason, 'unique-violation'));
      assert.ok(outcomes[2].status === 'rejected' && outcomes[2].reason instanceof RollbackSignal);
      assert.equal(await countRows(store, 'SELECT 1 FROM sites WHERE site_id = $1', [thrown]), 0);
      assert.deepEqual((await listAuditEntries(store, 'sites', thrown)).length, 0);
      assert.deepEqual((await listAuditEntries(store, 'sites', taken)).map((entry) => entry.changedBy), ['tester-0']);
      assert.deepEqual((await listAuditEntries(store, 'sites', kept)).map((entry) => [entry.changedBy, entry.reason]), [['tester-4', 'reason 4']]);
      assert.deepEqual((await listAuditEntries(store, 'sites', alsoKept)).map((entry) => [entry.changedBy, entry.reason]), [['tester-7', 'reason 7']]);
    });

    void it('group commit: bodies of the same user and reason share their settings, and each of the others keeps its own, in any order', async () => {
      const store = getStore();
      // interleaved: the reads of all, then the inserts of all; runs of equal contexts and changes between them
      const contexts = [
        { user: 'same', reason: 'r' },
        { user: 'same', reason: 'r' },
        { user: 'other', reason: 'r' },
        { user: 'same', reason: 'r' },
        { user: 'same', reason: 'another' },
        { user: 'same' },
        { user: 'same' },
      ];
      const ids = contexts.map(() => `T${freshId()}`);
      const txids = await Promise.all(
        contexts.map((context, i) =>
          withAuditContext(
            store,
            context,
            async (tx) => {
              await tx.query('SELECT 1 FROM sites WHERE site_id = $1', [ids[i]]);
              const { rows } = await tx.queryLast<{ txid: string }>('INSERT INTO sites (site_id, name) VALUES ($1, $2) RETURNING txid_current()::text AS txid', [ids[i], 'grouped']);
              return rows[0].txid;
            },
            { group: true },
          ),
        ),
      );
      if (store.engine === 'postgres') assert.equal(new Set(txids).size, 1);
      for (const [i, siteId] of ids.entries()) {
        assert.deepEqual(
          (await listAuditEntries(store, 'sites', siteId)).map((entry) => [entry.changedBy, entry.reason ?? '']),
          [[contexts[i].user, contexts[i].reason ?? '']],
          `body ${i}`,
        );
      }
    });

    void it('group commit: a statement with a batch form runs once for the bodies of one user and reason that issue it together; each gets its own rows, and a refused batch runs every body again alone', async () => {
      const store = getStore();
      // the batch form says it ran (via), so the test sees which bodies it served
      const insertSql = "INSERT INTO sites (site_id, name) VALUES ($1, $2) RETURNING site_id, name, 'single' AS via";
      const insertBatch = `WITH input AS (SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS b(site_id, name, batch_index)),
        written AS (INSERT INTO sites (site_id, name) SELECT site_id, name FROM input ORDER BY batch_index RETURNING site_id, name)
        SELECT input.batch_index::int AS batch_index, written.*, 'batch' AS via FROM written JOIN input USING (site_id)`;
      const readSql = "SELECT site_id, 'single' AS via FROM sites WHERE site_id = $1";
      const readBatch = "SELECT b.batch_index::int AS batch_index, s.site_id, 'batch' AS via FROM unnest($1::text[]) WITH ORDINALITY AS b(site_id, batch_index) JOIN sites s USING (site_id)";
      const contexts = [{ user: 'same' }, { user: 'other' }, { user: 'same' }, { user: 'same', reason: 'r' }, { user: 'same' }];
      const run = (ids: readonly string[]) =>
        Promise.allSettled(
          ids.map((siteId, i) =>
            withAuditContext(
              store,
              contexts[i],
              async (tx) => {
                const before = await tx.query<{ site_id: string; via: string }>(readSql, [siteId], { batch: readBatch });
                const { rows } = await tx.queryLast<{ site_id: string; name: string; via: string }>(insertSql, [siteId, `name ${i}`], { batch: insertBatch });
                return { before: before.rows, rows };
              },
              { group: true },
            ),
          ),
        );
      const ids = contexts.map(() => `T${freshId()}`);
      const outcomes = await run(ids);
      const batched = store.engine === 'postgres' ? [true, false, true, false, true] : [false, false, false, false, false];
      outcomes.forEach((outcome, i) => {
        assert.ok(outcome.status === 'fulfilled', `body ${i}`);
        assert.deepEqual(outcome.value, { before: [], rows: [{ site_id: ids[i], name: `name ${i}`, via: batched[i] ? 'batch' : 'single' }] }, `body ${i}`);
      });
      for (const [i, siteId] of ids.entries()) {
        assert.deepEqual((await listAuditEntries(store, 'sites', siteId)).map((entry) => [entry.changedBy, entry.reason ?? '']), [[contexts[i].user, contexts[i].reason ?? '']], `body ${i}`);
      }
      // a site that exists refuses the batch: every body runs alone, the refused one alone fails
      const again = contexts.map((_, i) => (i === 2 ? ids[2] : `T${freshId()}`));
      const retried = await run(again);
      assert.deepEqual(retried.map((outcome) => outcome.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      assert.ok(retried[2].status === 'rejected' && isStoreError(retried[2].reason, 'unique-violation'));
      retried.forEach((outcome, i) => {
        if (outcome.status === 'fulfilled') assert.deepEqual(outcome.value.rows, [{ site_id: again[i], name: `name ${i}`, via: 'single' }], `body ${i}`);
      });
      assert.equal(await countRows(store, 'SELECT 1 FROM sites WHERE site_id = ANY($1::text[])', [again.filter((_, i) => i !== 2)]), 4);
    });

    void it('reports constraint failures as typed StoreErrors', async () => {
      const siteId = `T${freshId()}`;
      await withAuditContext(getStore(), { user: 'tester' }, (tx) => tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [siteId, 'first']));
      await assert.rejects(
        withAuditContext(getStore(), { user: 'tester' }, (tx) => tx.query('INSERT INTO sites (site_id, name) VALUES ($1, $2)', [siteId, 'again'])),
        (error) => error instanceof StoreError && error.code === 'unique-violation' && error.sqlState === '23505',
      );
      await assert.rejects(
        withAuditContext(getStore(), { user: 'tester' }, (tx) =>
          tx.query('INSERT INTO subjects (subject_id, site_id, screening_number) VALUES ($1, $2, $3)', ['NOSITE-1', 'NOSITE', 'X'])),
        (error) => isStoreError(error, 'foreign-key-violation'),
      );
      await assert.rejects(
        withAuditContext(getStore(), { user: 'tester' }, (tx) =>
          tx.query("INSERT INTO users (user_id, display_name, role) VALUES ($1, 'Dr X', 'investigator')", [`u${freshId()}`])),
        (error) => error instanceof StoreError && error.code === 'check-violation' && error.constraint === 'users_site_role',
      );
    });
  });
}
