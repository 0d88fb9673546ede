import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cliRecorder } from '../../testing/index.js';
import { main } from '../main.js';

describe('trialkit protocols', () => {
  it('lists every protocol with its id, title and response criteria (--json)', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['protocols', '--json'], rec.io), 0);
    const { protocols } = JSON.parse(rec.stdout()) as { protocols: { id: string; title: string; responseCriteria: string; registryId: string }[] };
    const nct = protocols.find((p) => p.id === 'nct05236621');
    assert.ok(nct);
    assert.equal(nct.registryId, 'NCT05236621');
    assert.equal(nct.responseCriteria, 'imwg-2016');
    assert.ok(protocols.every((p) => p.title.length > 0));
  });

  it('prints a table without --json', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['protocols'], rec.io), 0);
    assert.match(rec.stdout(), /nct05236621\s+NCT05236621/);
  });
});

describe('trialkit protocol check', () => {
  it('finds every registered protocol consistent', async () => {
    const list = cliRecorder();
    await main(['protocols', '--json'], list.io);
    for (const { id } of (JSON.parse(list.stdout()) as { protocols: { id: string }[] }).protocols) {
      const rec = cliRecorder();
      assert.equal(await main(['protocol', 'check', id], rec.io), 0, rec.stdout());
      assert.match(rec.stdout(), /: consistent/);
    }
  });

  it('refuses an unknown protocol and a missing action with exit 2', async () => {
    const unknown = cliRecorder();
    assert.equal(await main(['protocol', 'check', 'nope'], unknown.io), 2);
    assert.match(unknown.stderr(), /unknown protocol "nope"/);
    const bare = cliRecorder();
    assert.equal(await main(['protocol'], bare.io), 2);
  });
});
