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

  /**
   * The screen at 1280x800 and 768x1024: the whole page, or (subject pages run long: every record of the
   * timeline) the window around one element, scrolled into view.
   */
  const shots = async (page: Page, name: string, focus?: string): Promise<void> => {
    for (const [size, suffix] of [
      [DESKTOP, ''],
      [TABLET, '-tablet'],
    ] as const) {
      await page.setViewportSize(size);
      if (focus !== undefined) await page.locator(focus).first().evaluate((node) => node.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: join(SHOTS, `review-${protocolId}-${name}${suffix}.png`), fullPage: focus === undefined });
    }
    await page.setViewportSize(DESKTOP);
  };

  const go = async (page: Page, path: string): Promise<void> => {
    await page.goto(`${running().server.url}${path}`);
    await page.locator('#screen-title').waitFor();
  };

  void describe(`review workflow on ${protocolId} (headless Chromium)`, { timeout: 900_000 }, () => {
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

    /** A dated record of the subject with a number field to correct (its form, field and current version). */
    const correctable = async (page: Page): Promise<{ recordId: number; version: number; data: Record<string, unknown>; formLabel: string; key: string; label: string }> => {
      const records = (await call(page, 'get', `/subjects/${subjectId}/records`)).body.records as { recordId: number; formType: string; version: number; data: Record<string, unknown> }[];
      for (const record of records) {
        const form = PROTOCOL.definition.forms.find((f) => f.id === record.formType);
        if (form?.dateField === undefined || form.siteHidden === true) continue;
        const field = form.fields.find((f) => f.type === 'number' && typeof record.data[f.key] === 'number');
        if (field !== undefined) return { recordId: record.recordId, version: record.version, data: record.data, formLabel: form.label, key: field.key, label: field.label };
      }
      throw new Error(`no record of ${subjectId} has a number field`);
    };

    /** The site corrects one number of a record, with a reason (as the correction screen does). */
    const correct = async (page: Page, target: { recordId: number; version: number; data: Record<string, unknown>; key: string }, reason: string): Promise<number> => {
      const value = target.data[target.key] as number;
      const next = Math.round((value + 0.1) * 10) / 10;
      const response = await page.request.put(`${running().server.url}/api/v1/records/${target.recordId}`, {
        data: { version: target.version, reason, data: { ...target.data, [target.key]: next } },
        headers: { origin: running().server.url },
      });
      assert.ok(response.status() < 300, `correction: ${response.status()} ${await response.text()}`);
      return next;
    };

    void it('shows per-field history in plain words: name, local time, field label, old -> new with unit and reason', async () => {
      const site = await signIn(investigator);
      const target = await correctable(site);
      const before = target.data[target.key] as number;
      const after = await correct(site, target, 'transcription error found at monitoring');
      const dm = await signIn('demo-data-manager');
      await go(dm, `/subjects/${subjectId}`);
      await dm.locator(`[data-history="${target.recordId}"]`).press('Enter');
      const line = dm.locator('#review-detail [data-history-entry="update"]').first();
      await line.waitFor();
      const text = (await line.textContent()) ?? '';
      assert.match(text, /Synthetic investigator|Demo investigator/, 'the writer by name');
      assert.match(text, /on \d{2}-[A-Z]{3}-\d{4} \d{2}:\d{2} \(GMT\+[12]\)/, 'local time with its zone');
      assert.match(text, /reason: transcription error found at monitoring/);
      const change = (await line.locator(`[data-history-field="${target.key}"]`).textContent()) ?? '';
      assert.ok(change.startsWith(`${target.label}: ${before}`), change);
      assert.ok(change.includes(`→ ${after}`), change);
      // the first entry lists every value as entered, codes by their labels
      const created = (await dm.locator('#review-detail [data-history-entry="create"]').textContent()) ?? '';
      assert.match(created, /entered/);
      await shots(dm, '02-field-history', '#review-detail');
    });

    void it('lets the monitor mark a record source-data verified; a later change clears the flag; no other role may', async () => {
      const monitor = await signIn('demo-monitor');
      const site = await signIn(investigator);
      const target = await correctable(site);
      await go(monitor, `/subjects/${subjectId}`);
      await monitor.locator(`[data-verify="${target.recordId}"]`).press('Enter');
      await monitor.locator('[data-sdv="verified"]').first().waitFor();
      assert.match((await monitor.locator('[data-sdv="verified"]').first().textContent()) ?? '', /verified by Demo monitor/);
      await shots(monitor, '03-sdv-verified', '#review');
      assert.equal((await call(site, 'post', `/records/${target.recordId}/sdv`, { version: target.version })).status, 403);
      await correct(site, target, 'value re-read from the source');
      await go(monitor, `/subjects/${subjectId}`);
      await monitor.locator('[data-sdv="cleared"]').first().waitFor();
      assert.match((await monitor.locator('[data-sdv="cleared"]').first().textContent()) ?? '', /cleared: changed by/);
      assert.equal(await monitor.locator(`[data-verify="${target.recordId}"]`).count(), 1, 'the changed record can be verified again');
    });

    void it('lets the investigator sign a form and the casebook with the password re-entered; a later change invalidates both', async () => {
      const site = await signIn(investigator);
      const coordinator = await signIn(demoSiteUser(investigator.split('-')[0].toUpperCase(), 'coordinator'));
      await go(site, `/subjects/${subjectId}`);
      const target = await correctable(site);
      await site.locator(`[data-sign="${target.recordId}"]`).press('Enter');
      const box = site.locator('#review-detail .confirm-box');
      await box.waitFor();
      // the protocol's meaning of a form signature (chosen, when it has several: the first here)
      const [meaning] = PROTOCOL.definition.signatureMeanings.form;
      if (PROTOCOL.definition.signatureMeanings.form.length > 1) await site.getByLabel(meaning.label, { exact: true }).check();
      assert.equal(await site.locator(`#sign-${target.recordId}-statement`).textContent(), `By signing you state: “${meaning.statement}”`);
      await site.locator(`#sign-${target.recordId}-password`).fill('not my password');
      await site.locator(`[data-confirm-sign="sign-${target.recordId}"]`).press('Enter');
      await site.locator(`#sign-${target.recordId}-error`, { hasText: 'password is not correct' }).waitFor();
      await site.locator(`#sign-${target.recordId}-password`).fill(DEMO_PASSWORD);
      await site.locator(`[data-confirm-sign="sign-${target.recordId}"]`).press('Enter');
      const block = site.locator('#review [data-signature="valid"]').first();
      await block.waitFor();
      assert.match((await block.textContent()) ?? '', /Signed by Synthetic investigator, site \S+ \(investigator\) on \d{2}-[A-Z]{3}-\d{4} \d{2}:\d{2} \(GMT\+[12]\).*Meaning: “/);
      assert.ok(((await block.textContent()) ?? '').includes(`Meaning: “${meaning.statement}”`));
      await site.locator('#sign-casebook').press('Enter');
      if (PROTOCOL.definition.signatureMeanings.casebook.length > 1) await site.getByLabel(PROTOCOL.definition.signatureMeanings.casebook[0].label, { exact: true }).check();
      await site.locator('#sign-casebook-password').fill(DEMO_PASSWORD);
      await site.locator('[data-confirm-sign="sign-casebook"]').press('Enter');
      await site.locator('#casebook-signature [data-signature="valid"]').waitFor();
      await shots(site, '04-signatures', '#review-detail');
      // only the investigator signs
      assert.equal((await call(coordinator, 'post', `/subjects/${subjectId}/signature`, { password: DEMO_PASSWORD })).status, 403);
      const signed = (await call(site, 'get', `/records/${target.recordId}`)).body as { record: { version: number; data: Record<string, unknown> } };
      await correct(coordinator, { ...target, version: signed.record.version, data: signed.record.data }, 'late lab result received');
      await go(site, `/subjects/${subjectId}`);
      await site.locator('#casebook-signature [data-signature="invalidated"]').waitFor();
      assert.match((await site.locator('#casebook-signature').textContent()) ?? '', /No longer valid: the signed data changed/);
      assert.equal(await site.locator(`[data-sign="${target.recordId}"]`).count(), 1, 'the changed record can be signed again');
      await shots(site, '05-signature-invalidated', '#casebook-signature');
    });

    void it('locks a subject with a reason after a confirmation; the site sees the banner and read-only records before any save', async () => {
      const dm = await signIn('demo-data-manager');
      await go(dm, '/locks');
      await dm.locator('#lock-scope').selectOption(subjectId);
      await dm.locator('#lock-cutoff').fill('2999-12-31');
      await dm.getByRole('button', { name: 'Lock…' }).press('Enter');
      await dm.locator('#lock-error', { hasText: 'Enter a reason' }).waitFor();
      await dm.locator('#lock-reason').fill('subject completed: data review finished');
      await dm.getByRole('button', { name: 'Lock…' }).press('Enter');
      await dm.locator('#confirm-lock').waitFor();
      assert.match((await dm.locator('#confirm-lock').textContent()) ?? '', new RegExp(`Lock subject ${subjectId} up to 31-DEC-2999\\?`));
      await shots(dm, '06-lock-confirm');
      // nothing is locked before the confirmation
      assert.equal(((await call(dm, 'get', '/locks')).body.locks as { released: boolean }[]).filter((l) => !l.released).length, 0);
      await dm.locator('#confirm-lock-confirm').press('Enter');
      await dm.locator('[data-lock-state="active"]').first().waitFor();

      const site = await signIn(investigator);
      await go(site, `/subjects/${subjectId}`);
      const banner = site.locator('#lock-banner');
      await banner.waitFor();
      assert.match((await banner.textContent()) ?? '', /This subject is locked.*31-DEC-2999.*reason: subject completed: data review finished/s);
      await site.locator('[data-locked]').first().waitFor();
      const buttons = site.locator('[data-correct]');
      const total = await buttons.count();
      assert.ok(total > 0);
      for (let i = 0; i < total; i += 1) {
        assert.equal(await buttons.nth(i).isDisabled(), true);
        assert.equal(await buttons.nth(i).textContent(), 'Locked');
      }
      assert.equal(await site.locator('[data-sign]').count(), 0, 'a locked record is not offered for signing');
      await shots(site, '07-site-lock-banner', '#screen-title');

      // unlock with a reason, after a confirmation
      await go(dm, '/locks');
      await dm.getByLabel('Reason for unlocking').first().fill('late data after the cutoff');
      await dm.getByRole('button', { name: 'Unlock…' }).first().press('Enter');
      await dm.getByRole('button', { name: 'Confirm unlock' }).press('Enter');
      await dm.locator('[data-lock-state="released"]', { hasText: 'late data after the cutoff' }).first().waitFor();
      await go(site, `/subjects/${subjectId}`);
      await site.locator('#review table').waitFor();
      assert.equal(await site.locator('#lock-banner').count(), 0);
      assert.deepEqual(pageErrors, []);
    });
  });
}
