import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openEmbeddedStore } from './embeddedStore.js';
import { migrations } from './migrations.js';
import { openStore } from './openStore.js';
import { sealQueuedAuditEntries } from './sealAuditQueue.js';
import { verifyAuditChain } from './verifyAuditChain.js';
import { withAuditContext } from './withAuditContext.js';

describe('embedded store in a data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trialkit-store-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data across reopening and applies only new migrations', async () => {
    const first = await openStore({ dataDir });
    assert.equal(first.engine, 'embedded');
    assert.deepEqual(first.migrationsApplied, migrations.map((migration) => migration.version));
    await withAuditContext(first, { user: 'admin' }, (tx) => tx.query("INSERT INTO sites (site_id, name) VALUES ('01', 'Lyon')"));
    await first.close();

    const next = [...migrations, { version: 999999, name: 'probe', sql: 'CREATE TABLE probe (id integer)' }];
    const second = await openEmbeddedStore({ dataDir, migrations: next });
    try {
      assert.deepEqual(second.migrationsApplied, [999999]);
      const { rows } = await second.query<{ name: string }>("SELECT name FROM sites WHERE site_id = '01'");
      assert.deepEqual(rows, [{ name: 'Lyon' }]);
      assert.equal((await sealQueuedAuditEntries(second)).sealed, 1, 'the entry written before closing waited in the queue');
      assert.deepEqual(await verifyAuditChain(second), { ok: true, rows: 1 });
    } finally {
      await second.close();
    }
  });
});
