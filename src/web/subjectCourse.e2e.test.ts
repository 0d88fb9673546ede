import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startingDoseMg } from '../clinical/regimen/index.js';
import { listProtocols } from '../protocols/index.js';
import { DEMO_PASSWORD, type RunningServer } from '../server/index.js';
import { sealQueuedAuditEntries, type Store } from '../store/index.js';
import { repoPath } from '../testing/index.js';
import { openBrowserFixture, type BrowserFixture } from './testing/browserFixture.js';

// A subject's course and the screens around it, in headless Chromium on every registered protocol (nothing
// here names a form, a drug or a disease): the state moves on the subject page (screening -> screen failure
// -> re-screen; enrolled -> on treatment -> follow-up -> off study), each with a reason and a confirmation;
// the sticky action bar of a long form and the focus on its first error at 1280x800; the review tables
// stacked at tablet width (768x1024) with nothing scrolling sideways; the signature's meaning chosen among
// the protocol's, and the pause after wrong signing passwords. Screens under .tmp/web-screenshots/course-*.

const SHOTS = repoPath('.tmp', 'web-screenshots');
const DESKTOP = { width: 1280, height: 800 };
const TABLET = { width: 768, height: 1024 };

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

for (const module of listProtocols()) {
  const definition = module.definition;
  const example = repoPath('examples', definition.id, 'screening-eligible.json');
  const treatment = definition.schedule.visits.find((v) => v.kind === 'treatment' && v.id.includes('{n}'));
  const dosing = definition.forms.find((f) => f.role === 'dosing');
  const lab = definition.forms.find((f) => f.role === 'lab');
  void describe(`a subject's course and its screens on ${definition.id} (headless Chromium)`, { timeout: 300_000 }, () => {
    let store: Store | undefined;
    let server: RunningServer | undefined;
    let browser: Browser | undefined;
    let fixture: BrowserFixture | undefined;
    const pageErrors: string[] = [];

    const signIn = async (userId: string): Promise<Page> => {
      if (server === undefined || browser === undefined) throw new Error('not started');
      const page = await (await browser.newContext({ viewport: DESKTOP, locale: 'en-GB', timezoneId: 'Europe/London' })).newPage();
      page.on('pageerror', (error) => pageErrors.push(`${userId}: ${error.message}`));
      await page.goto(server.url);
      await page.getByLabel('User id').fill(userId);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#screen-title').waitFor();
      return page;
    };

    const api = async (page: Page, method: 'post' | 'get', path: string, data?: unknown): Promise<Record<string, unknown>> => {
      const url = `${server?.url ?? ''}/api/v1${path}`;
      const response = method === 'post' ? await page.request.post(url, { data, headers: { origin: server?.url ?? '' } }) : await page.request.get(url);
      assert.ok(response.status() < 300, `${path}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    };

    const go = async (page: Page, path: string): Promise<void> => {
      await page.goto(`${server?.url ?? ''}${path}`);
      await page.locator('#screen-title').waitFor();
    };

    /** The window at 1280x800 and at 768x1024 (the page as it is scrolled, or the whole page). */
    const shots = async (page: Page, name: string, fullPageTablet = false): Promise<void> => {
      await page.screenshot({ path: join(SHOTS, `course-${definition.id}-${name}.png`) });
      await page.setViewportSize(TABLET);
      await page.screenshot({ path: join(SHOTS, `course-${definition.id}-${name}-tablet.png`), fullPage: fullPageTablet });
      await page.setViewportSize(DESKTOP);
    };

    /** A new subject with the protocol's eligible example screening saved. */
    const screened = async (page: Page): Promise<string> => {
      const screening = JSON.parse(readFileSync(example, 'utf8')) as Record<string, unknown>;
      const subjectId = String((await api(page, 'post', '/subjects', {})).subjectId);
      const data = { ...screening, ...('subjectId' in screening ? { subjectId, siteId: 'S01' } : {}) };
      await api(page, 'post', `/subjects/${subjectId}/records`, { formType: 'screening', data });
      return subjectId;
    };

    /** Moves the subject on its page: the button, the reason, the confirmation; waits for the new state. */
    const move = async (page: Page, to: string, reason: string, words: string): Promise<void> => {
      await page.locator(`[data-move="${to}"]`).click();
      await page.locator('#status-move').waitFor();
      await page.locator('#status-move-reason').fill(reason);
      await page.locator('#status-move-confirm').click();
      await page.locator('#subject-status', { hasText: words }).waitFor();
    };

    before(async () => {
      fixture = await openBrowserFixture(module, [{ siteId: 'S01', name: 'Site S01' }], SHOTS);
      ({ store, server, browser } = fixture);
    });
    after(async () => {
      await fixture?.close();
    });

    void it('moves a subject through its states on the subject page, each with a reason and a confirmation; re-screens a screen failure; other roles only see the state', async () => {
      assert.ok(existsSync(example), 'the protocol has an example screening');
      const page = await signIn('demo-coordinator');
      const failing = await screened(page);
      await go(page, `/subjects/${failing}`);
      assert.equal(await page.locator('#subject-status').textContent(), 'in screening');
      assert.deepEqual(await page.locator('[data-move]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-move'))), ['enrolled', 'screen_failure']);

      // a move without a reason is refused on the screen, before any request; Cancel sends nothing
      await page.locator('[data-move="screen_failure"]').click();
      assert.match((await page.locator('#status-move-title').textContent()) ?? '', new RegExp(`Change subject ${failing} from in screening to screen failure\\?`));
      await page.locator('#status-move-confirm').click();
      await page.locator('#status-move-error', { hasText: 'Enter the reason for this change.' }).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'status-move-reason', 'the focus is on the reason');
      await page.locator('#status-move-reason').fill('inclusion criterion not met at second look');
      await shots(page, '01-status-move-confirm');
      await page.locator('#status-move-cancel').click();
      assert.equal((await api(page, 'get', `/subjects/${failing}`)).status, 'screening', 'nothing sent before Confirm');

      await move(page, 'screen_failure', 'inclusion criterion not met at second look', 'screen failure');
      assert.deepEqual(await page.locator('[data-move]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-move'))), ['screening']);
      // the re-screen path: back to screening, on the screening form
      await page.locator('[data-move="screening"]').click();
      await page.locator('#status-move-reason').fill('re-screened after the washout period');
      await page.locator('#status-move-confirm').click();
      await page.locator('#screen-title', { hasText: `Screening ${failing}` }).waitFor();
      assert.equal((await api(page, 'get', `/subjects/${failing}`)).status, 'screening');

      // enrolled -> on treatment -> follow-up -> off study (final)
      const subjectId = await screened(page);
      await go(page, `/subjects/${subjectId}`);
      await move(page, 'enrolled', 'eligible at screening, consent signed', 'enrolled');
      await move(page, 'on_treatment', 'first dose given', 'on treatment');
      await shots(page, '02-status-on-treatment');
      await move(page, 'follow_up', 'treatment ended: disease progression', 'in follow-up');
      await move(page, 'off_study', 'consent withdrawn', 'off study');
      assert.equal(await page.locator('[data-move]').count(), 0, 'off study is final');
      assert.match((await page.locator('#status-moves').textContent()) ?? '', /off study \(final\)/);

      // every move is in the audit trail with its reason
      if (store === undefined) throw new Error('no store');
      await sealQueuedAuditEntries(store);
      const { rows } = await store.query<{ reason: string; new_status: string }>(
        "SELECT reason, new_value->>'status' AS new_status FROM audit_log WHERE table_name = 'subjects' AND record_id = $1 AND action = 'update' ORDER BY audit_id",
        [subjectId],
      );
      assert.deepEqual(
        rows.map((r) => [r.new_status, r.reason]),
        [
          ['enrolled', 'eligible at screening, consent signed'],
          ['on_treatment', 'first dose given'],
          ['follow_up', 'treatment ended: disease progression'],
          ['off_study', 'consent withdrawn'],
        ],
      );

      // a role that may not move a subject sees its state and no move
      const monitor = await signIn('demo-monitor');
      await go(monitor, `/subjects/${failing}`);
      assert.equal(await monitor.locator('#subject-status').textContent(), 'in screening');
      assert.equal(await monitor.locator('[data-move]').count(), 0);
      assert.deepEqual(pageErrors, []);
    });

    void it('keeps the save buttons of a long form in view at 1280x800 and puts the focus on the first error, clear of the action bar', async () => {
      assert.ok(treatment !== undefined && dosing !== undefined, 'the protocol has a treatment visit and a dosing form');
      const page = await signIn('demo-coordinator');
      const subjectId = await screened(page);
      await api(page, 'post', `/subjects/${subjectId}/status`, { status: 'enrolled', version: 1, reason: 'eligible' });
      // the longest form a site enters at a treatment visit
      const forms = treatment.forms.flatMap((id) => definition.forms.find((f) => f.id === id && f.siteHidden !== true) ?? []);
      const long = forms.reduce((a, b) => (b.fields.length > a.fields.length ? b : a));
      const c1 = treatment.id.replace('{n}', '1');
      await go(page, `/subjects/${subjectId}?visit=${encodeURIComponent(c1)}&form=${encodeURIComponent(long.id)}`);
      const form = page.locator(`form#${long.id}`);
      await form.waitFor();
      const bar = form.locator('.actions');
      const geometry = async (): Promise<{ formBottom: number; barTop: number; barBottom: number }> =>
        page.evaluate((id) => {
          const f = document.querySelector(`form#${id}`);
          const b = f?.querySelector('.actions');
          if (f === null || f === undefined || b === null || b === undefined) throw new Error('no form');
          return { formBottom: f.getBoundingClientRect().bottom, barTop: b.getBoundingClientRect().top, barBottom: b.getBoundingClientRect().bottom };
        }, long.id);
      const first = await geometry();
      assert.ok(first.formBottom > DESKTOP.height, `the ${long.id} form runs below the fold (bottom at ${first.formBottom}px), so the test means something`);
      assert.ok(first.barBottom <= DESKTOP.height + 1 && first.barTop < DESKTOP.height, `the action bar is on the first screen (${first.barTop}-${first.barBottom}px)`);
      assert.ok(await bar.locator('[data-action="save"]').isVisible());
      await shots(page, '03-long-form-sticky-bar');

      // saved empty: refused on the screen, the first field in error focused, centred and not under the bar
      await bar.locator('[data-action="save"]').click();
      await form.locator(`#${long.id}-errors`, { hasText: 'Not saved: correct the' }).waitFor();
      const focused = await page.evaluate(() => {
        const active = document.activeElement;
        return active === null ? null : { invalid: active.getAttribute('aria-invalid'), top: active.getBoundingClientRect().top, bottom: active.getBoundingClientRect().bottom };
      });
      assert.equal(focused?.invalid, 'true', 'the focus is on a field in error');
      const after = await geometry();
      assert.ok(focused.top >= 0 && focused.bottom <= after.barTop, `the focused field (${focused.top}-${focused.bottom}px) is above the action bar (top ${after.barTop}px)`);
      assert.match((await bar.textContent()) ?? '', /Not saved: correct the/, 'the summary is in the action bar');
      await shots(page, '04-long-form-first-error');
      assert.deepEqual(pageErrors, []);
    });

    void it('stacks the review tables at tablet width: nothing scrolls sideways on the subject page or the query list', async () => {
      assert.ok(treatment !== undefined && dosing !== undefined && lab !== undefined);
      const site = await signIn('demo-coordinator');
      const subjectId = await screened(site);
      await api(site, 'post', `/subjects/${subjectId}/status`, { status: 'enrolled', version: 1, reason: 'eligible' });
      const screening = JSON.parse(readFileSync(example, 'utf8')) as Record<string, unknown>;
      const day1 = addDays(String(screening.enrolmentDate ?? screening.screeningDate), 1);
      const drug = definition.regimen.drugs[0];
      const dose = startingDoseMg(drug, 60);
      await api(site, 'post', `/subjects/${subjectId}/records`, {
        formType: dosing.id,
        data: { cycle: 1, drug: drug.id, startDate: day1, endDate: addDays(day1, 20), plannedDoseMg: dose, plannedDays: drug.doseDays.length, doseGivenMg: dose, daysGiven: drug.doseDays.length, delayed: false, interrupted: false, reduced: false },
      });
      // a haemoglobin above its plausible range raises a query
      await api(site, 'post', `/subjects/${subjectId}/records`, { formType: lab.id, data: { date: day1, visit: treatment.id.replace('{n}', '1'), analyte: 'hemoglobin', value: 260, unit: 'g/L', source: 'local' } });

      const dm = await signIn('demo-data-manager');
      for (const [path, table, name] of [
        [`/subjects/${subjectId}`, '#review table', '05-dm-review-table'],
        ['/queries', '.query-table', '06-dm-query-list'],
      ] as const) {
        await go(dm, path);
        await dm.locator(table).waitFor();
        for (const size of [DESKTOP, TABLET]) {
          await dm.setViewportSize(size);
          const widths = await dm.evaluate((selector) => {
            const node = document.querySelector(selector);
            const scroller = node?.parentElement;
            return { page: document.documentElement.scrollWidth, window: window.innerWidth, table: node?.scrollWidth ?? 0, box: scroller?.clientWidth ?? 0 };
          }, table);
          assert.ok(widths.page <= widths.window, `${path} at ${size.width}px: the page is ${widths.page}px wide in a ${widths.window}px window`);
          assert.ok(widths.table <= widths.box + 1, `${path} at ${size.width}px: the table is ${widths.table}px wide in ${widths.box}px`);
        }
        await dm.setViewportSize(DESKTOP);
        await dm.locator(table).evaluate((node) => node.scrollIntoView({ block: 'start' }));
        await shots(dm, name);
      }
      // stacked, each value keeps its column's name
      await go(dm, `/subjects/${subjectId}`);
      await dm.setViewportSize(TABLET);
      const label = await dm.locator('#review table tbody td').nth(5).evaluate((node) => getComputedStyle(node, '::before').content);
      assert.equal(label, '"Source data verification"');
      assert.deepEqual(pageErrors, []);
    });

    void it("states the protocol's signature meanings, lets the investigator choose among several, and pauses signing after five wrong passwords", async () => {
      const site = await signIn('demo-coordinator');
      const subjectId = await screened(site);
      const investigator = await signIn('demo-investigator');
      await go(investigator, `/subjects/${subjectId}`);
      const records = (await api(investigator, 'get', `/subjects/${subjectId}/records`)).records as { recordId: number }[];
      const recordId = records[0].recordId;
      await investigator.locator(`[data-sign="${recordId}"]`).click();
      const box = investigator.locator('#review-detail .confirm-box');
      await box.waitFor();
      const meanings = definition.signatureMeanings.form;
      const chosen = meanings.at(-1) ?? meanings[0];
      if (meanings.length > 1) {
        assert.match((await box.textContent()) ?? '', /Choose what your signature means\./);
        await investigator.locator(`#sign-${recordId}-password`).fill(DEMO_PASSWORD);
        await investigator.locator(`[data-confirm-sign="sign-${recordId}"]`).click();
        await investigator.locator(`#sign-${recordId}-error`, { hasText: 'Choose what your signature means.' }).waitFor();
        assert.deepEqual(await box.locator('input[type="radio"]').evaluateAll((nodes) => nodes.map((n) => (n as HTMLInputElement).value)), meanings.map((m) => m.id));
        await investigator.getByLabel(chosen.label, { exact: true }).check();
      }
      assert.equal(await investigator.locator(`#sign-${recordId}-statement`).textContent(), `By signing you state: “${chosen.statement}”`);
      await investigator.locator('#review-detail').scrollIntoViewIfNeeded();
      await shots(investigator, '07-signing-meaning');
      await investigator.locator(`#sign-${recordId}-password`).fill(DEMO_PASSWORD);
      await investigator.locator(`[data-confirm-sign="sign-${recordId}"]`).click();
      const block = investigator.locator('#review [data-signature="valid"]').first();
      await block.waitFor();
      assert.ok(((await block.textContent()) ?? '').includes(`Meaning: “${chosen.statement}”`), 'the chosen meaning is on the record');

      // the casebook: wrong passwords are counted; the sixth try is paused, even with the right password
      await investigator.locator('#sign-casebook').click();
      if (definition.signatureMeanings.casebook.length > 1) await investigator.getByLabel(definition.signatureMeanings.casebook[0].label, { exact: true }).check();
      for (let i = 0; i < 5; i++) {
        await investigator.locator('#sign-casebook-password').fill(`wrong password ${i}`);
        await investigator.locator('[data-confirm-sign="sign-casebook"]').click();
        await investigator.locator('#sign-casebook-error', { hasText: 'password is not correct' }).waitFor();
        await investigator.locator('#sign-casebook-error').evaluate((node) => (node.textContent = ''));
      }
      await investigator.locator('#sign-casebook-password').fill(DEMO_PASSWORD);
      await investigator.locator('[data-confirm-sign="sign-casebook"]').click();
      await investigator.locator('#sign-casebook-error', { hasText: 'too many failed signing attempts' }).waitFor();
      await investigator.locator('#casebook-signature').scrollIntoViewIfNeeded();
      await shots(investigator, '08-signing-paused');
      assert.equal(await investigator.locator('#casebook-signature [data-signature]').count(), 0, 'the casebook is not signed');
      assert.deepEqual(pageErrors, []);
    });
  });
}
