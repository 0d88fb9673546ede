import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startingDoseMg } from '../clinical/regimen/index.js';
import { listProtocols } from '../protocols/index.js';
import { DEMO_PASSWORD, type RunningServer } from '../server/index.js';
import { repoPath } from '../testing/index.js';
import { openBrowserFixture, type BrowserFixture } from './testing/browserFixture.js';

// The site coordinator's daily work in headless Chromium, on every registered protocol (nothing here names
// a form, a drug or a disease: all is read from the protocol's definition): the record status grids, visit
// by visit entry with 'save and next form', a form kept incomplete and finished later, a lab draw entered
// as one grid and saved in one request, dates shown DD-MMM-YYYY, the decimal comma of a German browser, and
// errors in plain words next to their fields with the focus on the first.

const SHOTS = repoPath('.tmp', 'web-screenshots');
const DESKTOP = { width: 1280, height: 800 };
const TABLET = { width: 768, height: 1024 };

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
/** The display form, written here independently of the client's formatter. */
const shown = (iso: string): string => `${iso.slice(8, 10)}-${MONTHS[Number(iso.slice(5, 7)) - 1]}-${iso.slice(0, 4)}`;

for (const module of listProtocols()) {
  const definition = module.definition;
  const example = repoPath('examples', definition.id, 'screening-eligible.json');
  const treatment = definition.schedule.visits.find((v) => v.kind === 'treatment' && v.id.includes('{n}'));
  const dosing = definition.forms.find((f) => f.role === 'dosing');
  const lab = definition.forms.find((f) => f.role === 'lab');
  describe(`the site's workflow on ${definition.id} (headless Chromium)`, { timeout: 300_000 }, () => {
    let server: RunningServer | undefined;
    let browser: Browser | undefined;
    let fixture: BrowserFixture | undefined;
    const pageErrors: string[] = [];

    async function signIn(userId: string, locale = 'en-US'): Promise<Page> {
      if (server === undefined || browser === undefined) throw new Error('not started');
      const page = await (await browser.newContext({ viewport: DESKTOP, locale })).newPage();
      page.on('pageerror', (error) => pageErrors.push(`${userId}: ${error.message}`));
      await page.goto(server.url);
      await page.getByLabel('User id').fill(userId);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#screen-title').waitFor();
      return page;
    }

    async function shots(page: Page, name: string): Promise<void> {
      await page.screenshot({ path: join(SHOTS, `${name}.png`) });
      await page.setViewportSize(TABLET);
      await page.screenshot({ path: join(SHOTS, `${name}-tablet.png`), fullPage: true });
      await page.setViewportSize(DESKTOP);
    }

    before(async () => {
      fixture = await openBrowserFixture(module, [{ siteId: 'S01', name: 'Site S01' }], SHOTS);
      ({ server, browser } = fixture);
    });
    after(async () => {
      await fixture?.close();
    });

    it('shows the record status grids, enters a visit form by form with save and next, keeps a form incomplete and finishes it, saves a lab draw in one request', async () => {
      assert.ok(existsSync(example) && treatment !== undefined && dosing !== undefined && lab !== undefined, 'the protocol has an example screening, a treatment visit, a dosing and a lab form');
      const page = await signIn('demo-coordinator');
      const url = server?.url ?? '';
      const api = async (method: 'post' | 'get', path: string, data?: unknown): Promise<Record<string, unknown>> => {
        const response = method === 'post' ? await page.request.post(`${url}/api/v1${path}`, { data }) : await page.request.get(`${url}/api/v1${path}`);
        assert.ok(response.status() < 300, `${path}: ${response.status()} ${await response.text()}`);
        return (await response.json()) as Record<string, unknown>;
      };
      const screening = JSON.parse(readFileSync(example, 'utf8')) as Record<string, unknown>;
      const subjectId = String((await api('post', '/subjects', {})).subjectId);
      const second = String((await api('post', '/subjects', {})).subjectId);
      const assigned = (id: string): Record<string, unknown> => ({ ...screening, ...('subjectId' in screening ? { subjectId: id, siteId: 'S01' } : {}) });
      await api('post', `/subjects/${subjectId}/records`, { formType: 'screening', data: assigned(subjectId) });
      await api('post', `/subjects/${second}/records`, { formType: 'screening', data: assigned(second) });
      await api('post', `/subjects/${subjectId}/status`, { status: 'enrolled', version: 1, reason: 'eligible' });
      const day1 = addDays(String(screening.enrolmentDate ?? screening.screeningDate), 1);
      const drug = definition.regimen.drugs[0];
      const dose = startingDoseMg(drug, 60);
      const dosingRow = (cycle: number, start: string): Record<string, unknown> => ({
        cycle,
        drug: drug.id,
        startDate: start,
        endDate: addDays(start, 20),
        plannedDoseMg: dose,
        plannedDays: drug.doseDays.length,
        doseGivenMg: dose,
        daysGiven: drug.doseDays.length,
        delayed: false,
        interrupted: false,
        reduced: false,
      });
      await api('post', `/subjects/${subjectId}/records`, { formType: dosing.id, data: dosingRow(1, day1) });
      const c1 = treatment.id.replace('{n}', '1');
      const c2 = treatment.id.replace('{n}', '2');
      // a haemoglobin above its plausible range is saved and raises a query: the cell shows it
      await api('post', `/subjects/${subjectId}/records`, { formType: lab.id, data: { date: day1, visit: c1, analyte: 'hemoglobin', value: 260, unit: 'g/L', source: 'local' } });

      // 1. the site's grid: subjects x visits, a query on cycle 1, the second subject still in screening
      await page.goto(`${url}/subjects`);
      await page.locator('#site-status-grid').waitFor();
      assert.equal(await page.locator(`#site-status-grid [data-cell="${subjectId}|${c1}"]`).getAttribute('data-status'), 'query');
      assert.equal(await page.locator(`#site-status-grid [data-cell="${subjectId}|${c2}"]`).getAttribute('data-status'), 'not-started');
      assert.equal(await page.locator(`#site-status-grid [data-cell="${second}|${c1}"]`).count(), 0, 'a subject in screening has no treatment visit yet');
      await shots(page, `20-${definition.id}-site-status-grid`);

      // a cell opens the subject at that visit; the subject page's navigation fits one 1280x800 screen
      await page.locator(`#site-status-grid [data-cell="${subjectId}|${c2}"]`).click();
      await page.locator('#visit-title', { hasText: c2 }).waitFor();
      assert.equal(await page.locator(`#form-tabs [data-form-tab="${dosing.id}"]`).getAttribute('aria-selected'), 'true', 'the first form of the visit not yet entered');
      assert.equal(await page.locator(`#${dosing.id} [data-path="cycle"]`).inputValue(), '2', "the visit's cycle is filled in");
      const tabsBottom = await page.locator('#form-tabs').evaluate((node) => node.getBoundingClientRect().bottom);
      assert.ok(tabsBottom < DESKTOP.height, `the visit's form tabs are on the first screen (bottom at ${tabsBottom}px)`);

      // 5. errors in plain words next to their fields, the focus on the first
      await page.locator(`#${dosing.id} [data-path="cycle"]`).fill('');
      await page.locator(`#${dosing.id} [data-action="save"]`).press('Enter');
      await page.locator(`#${dosing.id}-errors`, { hasText: 'Not saved: correct the' }).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-path')), 'cycle', 'the focus is on the first field in error');
      assert.match((await page.locator(`#${dosing.id}-cycle-error`).textContent()) ?? '', /^Enter Cycle: it is required\.$/);

      // 4. a date that is not a day is refused in words; a good one is shown DD-MMM-YYYY and stored ISO
      await page.locator(`#${dosing.id} [data-path="startDate"]`).fill('31-FEB-2024');
      await page.locator(`#${dosing.id} [data-path="startDate"]`).blur();
      assert.match((await page.locator(`#${dosing.id}-startDate-error`).textContent()) ?? '', /31-FEB-2024 is not a day of the calendar/);
      const c2Start = addDays(day1, definition.regimen.cycleLengthDays);
      await page.locator(`#${dosing.id} [data-path="startDate"]`).fill(c2Start);
      await page.locator(`#${dosing.id} [data-path="startDate"]`).blur();
      assert.equal(await page.locator(`#${dosing.id} [data-path="startDate"]`).inputValue(), shown(c2Start));
      await page.locator(`#${dosing.id} [data-path="drug"]`).selectOption(drug.id);

      // 2. kept incomplete (a draft on the server), shown as incomplete, finished after a reload
      await page.locator(`#${dosing.id}-keep-draft`).press('Enter');
      await page.locator(`#${dosing.id}-draft-kept`).waitFor();
      await page.locator(`#form-tabs [data-form-tab="${dosing.id}"] [data-status="incomplete"]`).waitFor();
      const drafts = ((await api('get', `/subjects/${subjectId}/records`)).records as { formType: string; data: { status: string; formType: string; data: Record<string, unknown> } }[]).filter((r) => r.formType === 'draft');
      assert.deepEqual(
        drafts.map((d) => [d.data.status, d.data.formType, d.data.data.startDate, d.data.data.cycle]),
        [['draft', dosing.id, c2Start, undefined]],
        'stored ISO; the cleared cycle left out',
      );
      await page.reload();
      await page.locator(`#visit-list [data-visit="${c2}"]`).click();
      await page.locator('#draft-banner').waitFor();
      assert.equal(await page.locator(`#${dosing.id} [data-path="startDate"]`).inputValue(), shown(c2Start), 'the draft comes back as kept');
      await shots(page, `21-${definition.id}-visit-draft`);
      const row = dosingRow(2, c2Start);
      for (const key of ['cycle', 'endDate', 'plannedDoseMg', 'plannedDays', 'doseGivenMg', 'daysGiven']) await page.locator(`#${dosing.id} [data-path="${key}"]`).fill(String(row[key]));
      await page.locator(`#${dosing.id}-save-next`).press('Enter');
      // save and next: the visit's next form (the lab draw, as one grid) opens
      const visitForms = treatment.forms;
      const nextForm = visitForms[visitForms.indexOf(dosing.id) + 1];
      await page.locator(`#form-tabs [data-form-tab="${nextForm}"][aria-selected="true"]`).waitFor();
      await page.locator(`#form-tabs [data-form-tab="${dosing.id}"] [data-status="complete"]`).waitFor();
      const after = ((await api('get', `/subjects/${subjectId}/records`)).records as { formType: string; data: Record<string, unknown> }[]);
      assert.equal(after.filter((r) => r.formType === 'draft').length, 0, 'the finished draft is gone');
      assert.equal(after.filter((r) => r.formType === dosing.id && r.data.cycle === 2).length, 1);

      // 3. the lab draw as one grid: a thousands separator refused, a server refusal on its cell, then one request
      assert.equal(nextForm, lab.id, "the treatment visit's form after dosing is the lab (both protocols)");
      await page.locator('#panel-grid').waitFor();
      assert.equal(await page.locator('#panel [data-path="visit"]').inputValue(), c2);
      await page.locator('#panel [data-path="date"]').fill(shown(c2Start));
      await page.locator('#panel [data-path="source"]').selectOption('local');
      await page.locator('#panel-platelets-value').fill('1,234');
      await page.locator('#panel-hemoglobin-value').fill('121');
      await page.locator('#panel-hemoglobin-lln').fill('-5');
      await page.locator('#panel [data-action="save"]').press('Enter');
      await page.locator('#panel-platelets-value-error', { hasText: '1,234 could be 1234 or 1.234' }).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'panel-platelets-value');
      await page.locator('#panel-platelets-value').fill('150');
      const posts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().includes('/api/v1/')) posts.push(new URL(request.url()).pathname);
      });
      await page.locator('#panel [data-action="save"]').press('Enter');
      // the server's 422 names ['results', 1, 'lln']: placed on that cell, in words, with the focus
      await page.locator('#panel-hemoglobin-lln-error', { hasText: 'is not possible here: it must be at least 0' }).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'panel-hemoglobin-lln');
      await page.locator('#panel-hemoglobin-lln').fill('120');
      await page.locator('#panel-neutrophils-value').fill('2.4');
      await page.locator('#panel [data-action="save"]').press('Enter');
      await page.locator('#panel-saved', { hasText: '3 results in one save' }).waitFor();
      assert.deepEqual(posts, [`/api/v1/subjects/${subjectId}/lab-panels`, `/api/v1/subjects/${subjectId}/lab-panels`], 'one request per save of the panel');
      const labs = ((await api('get', `/subjects/${subjectId}/records`)).records as { formType: string; visit: string | null; data: Record<string, unknown> }[]).filter((r) => r.formType === lab.id && r.visit === c2);
      assert.deepEqual(labs.map((r) => [r.data.analyte, r.data.value, r.data.date]).sort(), [['hemoglobin', 121, c2Start], ['neutrophils', 2.4, c2Start], ['platelets', 150, c2Start]]);
      await page.locator(`#form-tabs [data-form-tab="${lab.id}"] [data-status="complete"]`).waitFor();
      await shots(page, `22-${definition.id}-lab-panel`);

      // the subject's grid: visits x forms; a cell opens its form
      await page.locator('[data-tab="grid"]').click();
      assert.equal(await page.locator(`#subject-status-grid [data-cell="${c1}|${lab.id}"]`).getAttribute('data-status'), 'query');
      assert.equal(await page.locator(`#subject-status-grid [data-cell="${c2}|${dosing.id}"]`).getAttribute('data-status'), 'complete');
      await shots(page, `23-${definition.id}-subject-status-grid`);
      await page.locator(`#subject-status-grid [data-cell="${c1}|${lab.id}"]`).click();
      await page.locator('#visit-title', { hasText: c1 }).waitFor();
      await page.locator('#visit-records td', { hasText: shown(day1) }).waitFor();

      // the timeline shows dates DD-MMM-YYYY
      await page.locator('[data-tab="timeline"]').click();
      await page.locator(`#timeline [data-timeline="${dosing.id}"] td`, { hasText: shown(c2Start) }).first().waitFor();
      assert.deepEqual(pageErrors, []);
    });

    it('accepts the decimal comma in a browser whose locale writes it', async () => {
      assert.ok(lab !== undefined && treatment !== undefined);
      const page = await signIn('demo-investigator', 'de-DE');
      const url = server?.url ?? '';
      const subjects = ((await (await page.request.get(`${url}/api/v1/subjects`)).json()) as { subjects: { subjectId: string; status: string }[] }).subjects;
      const enrolled = subjects.find((s) => s.status === 'enrolled');
      assert.ok(enrolled !== undefined);
      const c1 = treatment.id.replace('{n}', '1');
      await page.goto(`${url}/subjects/${enrolled.subjectId}?visit=${c1}&form=${lab.id}`);
      await page.locator('#panel-grid').waitFor();
      const records = ((await (await page.request.get(`${url}/api/v1/subjects/${enrolled.subjectId}/records`)).json()) as { records: { formType: string; data: Record<string, unknown> }[] }).records;
      const day = String(records.find((r) => r.formType === lab.id)?.data.date);
      await page.locator('#panel [data-path="date"]').fill(shown(day));
      await page.locator('#panel [data-path="source"]').selectOption('local');
      await page.locator('#panel-hemoglobin-value').fill('118,5');
      await page.locator('#panel [data-action="save"]').press('Enter');
      await page.locator('#panel-saved').waitFor();
      const after = ((await (await page.request.get(`${url}/api/v1/subjects/${enrolled.subjectId}/records`)).json()) as { records: { formType: string; data: Record<string, unknown> }[] }).records;
      assert.ok(after.some((r) => r.formType === lab.id && r.data.value === 118.5), '118,5 stored as 118.5');
      assert.deepEqual(pageErrors, []);
    });
  });
}
