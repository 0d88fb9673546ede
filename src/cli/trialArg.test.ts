import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findProtocol } from '../protocols/index.js';
import { InputError } from '../result/index.js';
import { loadDemoTrial } from '../server/index.js';
import { openStore } from '../store/index.js';
import { cliRecorder } from '../testing/index.js';
import { main } from './main.js';
import { isDatabaseSource, loadTrialArg } from './trialArg.js';

// A data folder holding the first 12 screened subjects of the demo trial, locked with its cutoff snapshot.
describe('--trial <database> for report and reproduce', () => {
  let dataDir = '';
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'trialkit-trialarg-'));
    const protocol = findProtocol('nct05236621');
    assert.ok(protocol?.demo !== undefined);
    const demo = protocol.demo.renderTrial(protocol.demo.createPlan());
    const part = { trial: { ...demo.trial, subjects: demo.trial.subjects.slice(0, 12) }, screening: demo.screening.slice(0, 12) };
    const store = await openStore({ dataDir });
    try {
      await loadDemoTrial(store, protocol, part.trial, { screening: part.screening });
    } finally {
      await store.close();
    }
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('recognises a data folder and a PostgreSQL URL, not a trial file', () => {
    assert.equal(isDatabaseSource(dataDir), true);
    assert.equal(isDatabaseSource('postgres://u@host/db'), true);
    assert.equal(isDatabaseSource(tmpdir()), false);
    assert.equal(isDatabaseSource('demo'), false);
  });

  it('reads the snapshot of a data folder as a SYNTHETIC trial source', async () => {
    const source = await loadTrialArg(dataDir, { snapshot: 'cutoff-2022-12-01' });
    assert.equal(source.trial.subjects.length, 12);
    assert.equal(source.trial.synthetic, true);
    assert.match(source.label, /snapshot cutoff-2022-12-01/);
  });

  it('refuses --snapshot without a database, and a snapshot the database does not have', async () => {
    await assert.rejects(loadTrialArg('demo', { snapshot: 'x' }), InputError);
    await assert.rejects(loadTrialArg(dataDir, { snapshot: 'x' }), /no snapshot named "x"/);
  });

  it('runs trialkit reproduce on the snapshot', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['reproduce', '--trial', dataDir, '--snapshot', 'cutoff-2022-12-01', '--json'], rec.io), 0);
    const out = JSON.parse(rec.stdout()) as { results: unknown[]; summary: { match: number } };
    assert.ok(out.results.length > 0);
    const missing = cliRecorder();
    assert.equal(await main(['reproduce', '--trial', dataDir, '--snapshot', 'nope'], missing.io), 2);
    assert.match(missing.stderr(), /cutoff-2022-12-01/);
  });
});
