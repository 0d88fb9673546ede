import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seedDemoAccounts } from '../../server/index.js';
import { openStore } from '../../store/index.js';
import { cliRecorder } from '../../testing/index.js';
import { main } from '../main.js';

describe('trialkit audit verify', () => {
  let dataDir = '';
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'trialkit-audit-'));
    const store = await openStore({ dataDir });
    try {
      await seedDemoAccounts(store, { sites: [{ siteId: 'S01', name: 'Demo site 01' }, { siteId: 'S02', name: 'Demo site 02' }] });
    } finally {
      await store.close();
    }
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('checks every row of an intact trail (exit 0)', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['audit', 'verify', '--data', dataDir, '--json'], rec.io), 0);
    const report = JSON.parse(rec.stdout()) as { ok: boolean; rows: number };
    assert.equal(report.ok, true);
    // two sites, seven users and seven password rows at least
    assert.ok(report.rows >= 9, `rows ${report.rows}`);
    const text = cliRecorder();
    assert.equal(await main(['audit', 'verify', '--data', dataDir], text.io), 0);
    assert.match(text.stdout(), new RegExp(`OK: ${report.rows} rows checked`));
  });

  it('names the first edited row and exits 1', async () => {
    const store = await openStore({ dataDir });
    try {
      // a superuser going around the append-only trigger, as an attacker with database access could
      await store.exec('ALTER TABLE audit_log DISABLE TRIGGER trialkit_00_immutable');
      await store.query("UPDATE audit_log SET changed_by = 'someone-else' WHERE audit_id = 3");
    } finally {
      await store.close();
    }
    const rec = cliRecorder();
    assert.equal(await main(['audit', 'verify', '--data', dataDir], rec.io), 1);
    assert.match(rec.stdout(), /BROKEN at audit_id 3 \(hash-mismatch\); 2 rows before it are intact/);
  });

  it('refuses a folder that is not a database, and an unknown subcommand (exit 2)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'trialkit-audit-empty-'));
    try {
      const rec = cliRecorder();
      assert.equal(await main(['audit', 'verify', '--data', empty], rec.io), 2);
      assert.match(rec.stderr(), /not an embedded trialkit database/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    const rec = cliRecorder();
    assert.equal(await main(['audit', 'check'], rec.io), 2);
    assert.match(rec.stderr(), /verify/);
  });
});
