import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChromiumSession } from './chromiumSession.js';

describe('ChromiumSession', () => {
  it('says how to install Chromium when told there is none, and launches nothing', async () => {
    const session = new ChromiumSession(null);
    const { path, missing } = await session.lookup();
    assert.equal(path, null);
    assert.match(missing, /apt-get install -y chromium/);
    await assert.rejects(session.browser(), /apt-get install -y chromium/);
    await session.close();
  });

  it('keeps a failed early launch for the next browser() call, and closes without one', async () => {
    const session = new ChromiumSession('/nonexistent/chromium');
    session.start(); // must not leave an unhandled rejection behind
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(await session.lookup(), { path: '/nonexistent/chromium', missing: '' });
    await assert.rejects(session.browser());
    await session.close();
  });

  it('launches one browser however often it is asked for, and closes it', async () => {
    const session = new ChromiumSession(undefined);
    session.start();
    const [a, b] = await Promise.all([session.browser(), session.browser()]);
    assert.equal(a, b);
    assert.ok(a.isConnected());
    const page = await session.printPage();
    assert.equal(page.context().browser(), a);
    assert.equal(await session.printPage(), page);
    await session.close();
    assert.equal(a.isConnected(), false);
  });
});
