import type { Browser, Page } from 'playwright-core';
import type * as Chromium from './chromium.js';

type ChromiumModule = typeof Chromium;

/**
 * One report's Chromium: where it is (or why it is missing), and one browser launched at most once and
 * closed by `close`. `start` launches it and opens the PDF's page ahead of need: writeReport starts it
 * first thing when a PDF is asked for, so that the browser's start runs while the derivations and figures
 * are computed, not after them. The module (and playwright-core) is loaded only
 * when something here is called.
 */
export class ChromiumSession {
  readonly #chromiumPath: string | null | undefined;
  #module: Promise<ChromiumModule> | null = null;
  #browser: Promise<Browser> | null = null;
  #printPage: Promise<Page> | null = null;

  /** `chromiumPath`: undefined = look it up (findChromium), null = act as if it were not installed. */
  constructor(chromiumPath: string | null | undefined) {
    this.#chromiumPath = chromiumPath;
  }

  module(): Promise<ChromiumModule> {
    return (this.#module ??= import('./chromium.js'));
  }

  /** The executable, or null with the message that says how to install one. */
  async lookup(): Promise<{ readonly path: string | null; readonly missing: string }> {
    const chromium = await this.module();
    if (this.#chromiumPath === null) {
      const none = chromium.findChromium({ candidates: [], envPath: '' });
      return { path: null, missing: none.ok ? '' : none.message };
    }
    if (this.#chromiumPath !== undefined) return { path: this.#chromiumPath, missing: '' };
    const found = chromium.findChromium();
    return found.ok ? { path: found.path, missing: '' } : { path: null, missing: found.message };
  }

  /** The browser, launched on the first call; rejects when there is none to launch (check lookup first). */
  browser(): Promise<Browser> {
    return (this.#browser ??= (async () => {
      const [{ path, missing }, chromium] = await Promise.all([this.lookup(), this.module()]);
      if (path === null) throw new Error(missing);
      return chromium.launchChromium(path);
    })());
  }

  /** An offline page for the PDF (openPrintPage), opened on the first call. */
  printPage(): Promise<Page> {
    return (this.#printPage ??= Promise.all([this.browser(), this.module()]).then(([browser, chromium]) => chromium.openPrintPage(browser)));
  }

  /** Launches the browser and opens the PDF's page now, for later; a failure is reported by the next call instead. */
  start(): void {
    this.printPage().catch(() => undefined);
  }

  /** Closes the browser if one was launched (a failed launch has nothing to close). */
  async close(): Promise<void> {
    if (this.#browser === null) return;
    const browser = await this.#browser.catch(() => null);
    await browser?.close();
  }
}
