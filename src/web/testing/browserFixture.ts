import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { ProtocolModule } from '../../protocols/index.js';
import { seedDemoAccounts, startServer, type RunningServer } from '../../server/index.js';
import { openEmbeddedStore, type Store } from '../../store/index.js';

export const CHROMIUM = '/usr/bin/chromium';

/** What a browser test runs against: an embedded store with the demo accounts, the EDC serving it, headless Chromium. */
export interface BrowserFixture {
  readonly store: Store;
  readonly server: RunningServer;
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Starts the EDC of `protocol` on a fresh embedded store with the demo accounts at `sites`, and Chromium
 * (refused with the package to install when it is missing: a browser test never skips); `shots` is made
 * for the screenshots.
 */
export async function openBrowserFixture(protocol: ProtocolModule, sites: readonly { siteId: string; name: string }[], shots: string): Promise<BrowserFixture> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it with 'apt-get install -y chromium'`);
  mkdirSync(shots, { recursive: true });
  const store = await openEmbeddedStore();
  await seedDemoAccounts(store, { sites: [...sites] });
  const server = await startServer({ store, protocol, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  return {
    store,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await store.close();
    },
  };
}
