import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findProtocol } from '../protocols/index.js';
import { DEMO_PASSWORD, demoSiteUser, loadDemoTrial, startServer, type RunningServer } from '../server/index.js';
import { openEmbeddedStore, type Store } from '../store/index.js';
import { repoPath } from '../testing/index.js';

// What data managers, monitors and investigators do after entry, in headless Chromium against the real
// server on PGlite, for each registered protocol with a demo trial: the query list (record, visit, date,
// field label; close with a free-text reason, reopen, re-query). Screens are saved at 1280x800 and
// 768x1024 under .tmp/web-screenshots/review-<protocol>-*.png.

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOTS = repoPath('.tmp', 'web-screenshots');
const DESKTOP = { width: 1280, height: 800 };
const TABLET = { width: 768, height: 1024 };
const PROTOCOL_IDS = ['nct05236621', 'ret-cabo-2'] as const;

interface ApiAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

for (const protocolId of PROTOCOL_IDS) {
  const module = findProtocol(protocolId);
  if (module?.demo === undefined) throw new Error(`protocol ${protocolId} is not registered with a demo trial`);
  const PROTOCOL = module;
  const DEMO = module.demo;

  let store: Store | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];
  const demo = DEMO.renderTrial(DEMO.createPlan({ seed: 11, size: 8 }));
  /** The subject with the most records, and its site's investigator; set once loaded. */
  let subjectId = '';
  let investigator = '';

  const running = (): { server: RunningServer; browser: Browser } => {
    if (server === undefined || browser === undefined) throw new Error('the server or the browser did not start (see the before hook)');
    return { server, browser };
  };

  const signIn = async (userId: string): Promise<Page> => {
    const { server: s, browser: b } = running();
    const page = await (await b.newContext({ viewport: DESKTOP, timezoneId: 'Europe/Paris' })).newPage();
    page.on('pageerror', (error) => pageErrors.push(`${userId}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(`${userId} console: ${message.text()}`);
    });
    await page.goto(s.url);
    await page.getByLabel('User id').fill(userId);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#screen-title').waitFor();
    return page;
  };

  /** A call of the API in the page's session (its cookie), as the screens make it. */
  const call = async (page: Page, method: 'get' | 'post', path: string, data?: unknown): Promise<ApiAnswer> => {
    const url = `${running().server.url}/api/v1${path}`;
    const response = method === 'post' ? await page.request.post(url, { data, headers: { origin: running().server.url } }) : await page.request.get(url);
    return { status: response.status(), body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
  };

  const shots = async (page: Page, name: string): Promise<void> => {
    await page.screenshot({ path: join(SHOTS, `review-${protocolId}-${name}.png`), fullPage: true });
    await page.setViewportSize(TABLET);
    await page.screenshot({ path: join(SHOTS, `review-${protocolId}-${name}-tablet.png`), fullPage: true });
    await page.setViewportSize(DESKTOP);
  };

  const go = async (page: Page, path: string): Promise<void> => {
    await page.goto(`${running().server.url}${path}`);
    await page.locator('#screen-title').waitFor();
  };

  void describe(`review workflow on ${protocolId} (headless Chromium)`, { timeout: 300_000 }, () => {
    before(async () => {
      if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it with 'apt-get install -y chromium'`);
      mkdirSync(SHOTS, { recursive: true });
      store = await openEmbeddedStore();
      await loadDemoTrial(store, PROTOCOL, demo.trial, { screening: demo.screening, reopenAfterSnapshot: true });
      const { rows } = await store.query<{ subject_id: string; site_id: string }>(
        'SELECT s.subject_id, s.site_id FROM subjects s JOIN crf_records r ON r.subject_id = s.subject_id GROUP BY s.subject_id, s.site_id ORDER BY count(*) DESC, s.subject_id LIMIT 1',
      );
      assert.equal(rows.length, 1, `the ${protocolId} demo trial has a subject with records`);
      subjectId = rows[0].subject_id;
      investigator = demoSiteUser(rows[0].site_id, 'investigator');
      server = await startServer({ store, protocol: PROTOCOL, port: 0 });
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      await store?.close();
    });

    void it('lists each query with its record, visit, date and field label; closes with a free-text reason, reopens and re-queries', async () => {
      const dm = await signIn('demo-data-manager');
      const records = (await call(dm, 'get', `/subjects/${subjectId}/records`)).body.records as { recordId: number; formType: string; visit: string | null; data: Record<string, unknown> }[];
      // a dated record of a form with a visit, where the protocol has one
      const forms = PROTOCOL.definition.forms;
      const dated = records.filter((r) => forms.find((f) => f.id === r.formType)?.dateField !== undefined);
      const target = dated.find((r) => r.visit !== null) ?? dated[0];
      assert.ok(target !== undefined, 'the subject has a dated record');
      const form = forms.find((f) => f.id === target.formType);
      assert.ok(form?.dateField !== undefined);
      const field = form.fields.find((f) => f.type === 'number' || f.type === 'integer' || f.type === 'date');
      assert.ok(field !== undefined, `the ${form.id} form has a number or date field`);

      // raised from the screen: subject, record, field picked by label
      await go(dm, '/queries');
      await dm.locator('#q-subject').selectOption(subjectId);
      await dm.locator(`#q-record option[value="${target.recordId}"]`).waitFor({ state: 'attached' });
      await dm.locator('#q-record').selectOption(String(target.recordId));
      await dm.locator('#q-field').selectOption(field.key);
      assert.equal((await dm.locator('#q-field option:checked').textContent())?.trim(), field.label);
      await dm.locator('#q-message').fill('Please check against the source document.');
      await dm.getByRole('button', { name: 'Raise query' }).press('Enter');
      const row = dm.locator('.query-table tbody tr', { hasText: 'Please check against the source document.' });
      await row.waitFor();
      const cells = await row.locator('td').allTextContents();
      assert.match(cells[2], new RegExp(`${form.label} #${target.recordId}`));
      assert.equal(cells[3], target.visit ?? '—');
      // the record's date as DD-MMM-YYYY
      assert.match(cells[4], /^\d{2}-[A-Z]{3}-\d{4}$/);
      assert.equal(cells[5], field.label);
      // raised now, in the reader's time zone (the page runs in Paris: GMT+1 or GMT+2)
      assert.match(cells[7], /\d{2}-[A-Z]{3}-\d{4} \d{2}:\d{2} \(GMT\+[12]\)/);
      const queryId = Number(cells[0]);

      // the site answers; the data manager rejects the answer with a reason (reopen), the site answers again
      const site = await signIn(investigator);
      for (const answer of ['Checked.', 'Value corrected to match the source.']) {
        await go(site, '/queries');
        await site.locator(`#answer-${queryId}`).fill(answer);
        await site.locator(`[data-answer="${queryId}"]`).press('Enter');
        await site.locator(`[data-query-status="answered"]`).first().waitFor();
        if (answer === 'Checked.') {
          await go(dm, '/queries');
          // a reopen without a reason is refused on the screen, before any request
          await dm.locator(`[data-reopen="${queryId}"]`).press('Enter');
          assert.equal(await dm.locator(`#q${queryId}-error`).textContent(), 'A reason is required.');
          await dm.locator(`#q${queryId}-reason`).fill('The record was not corrected: please correct it.');
          await dm.locator(`[data-reopen="${queryId}"]`).press('Enter');
          await dm.locator(`[data-query-reason="${queryId}"]`, { hasText: 'Reopened: The record was not corrected' }).waitFor();
        }
      }
      await go(dm, '/queries');
      await dm.locator(`#q${queryId}-reason`).fill('Corrected at source; verified by the monitor.');
      await dm.locator(`[data-close="${queryId}"]`).press('Enter');
      await dm.locator(`[data-query-reason="${queryId}"]`, { hasText: 'Closed: Corrected at source; verified by the monitor.' }).waitFor();
      const closed = (await call(dm, 'get', `/queries?subjectId=${subjectId}`)).body.queries as { queryId: number; status: string; lastReason: string | null }[];
      assert.deepEqual(
        closed.filter((q) => q.queryId === queryId).map((q) => [q.status, q.lastReason]),
        [['closed', 'Corrected at source; verified by the monitor.']],
      );

      // re-query: a new query on the same record and field
      await dm.locator(`#q${queryId}-requery`).fill('The unit is still missing.');
      await dm.locator(`[data-requery="${queryId}"]`).press('Enter');
      const requery = dm.locator('.query-table tbody tr', { hasText: 'The unit is still missing.' });
      await requery.waitFor();
      const again = await requery.locator('td').allTextContents();
      assert.deepEqual([again[2], again[3], again[5]], [cells[2], cells[3], cells[5]]);
      await shots(dm, '01-queries');
      assert.deepEqual(pageErrors, []);
    });
  });
}
