import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findProtocol } from '../protocols/index.js';
import { DEMO_PASSWORD, loadDemoTrial, startServer, type RunningServer } from '../server/index.js';
import { referenceDemoTrial } from '../server/loadDemoTrialContract.js';
import { listSubjects, openEmbeddedStore, type Store } from '../store/index.js';
import { repoPath } from '../testing/index.js';

// The analysis dashboard through a real headless Chromium against the real server on PGlite, on a small
// synthetic trial (the reference protocol's demo generator, 24 enrolled) entered through the EDC's services,
// locked and snapshotted: the statistician sees the report's numbers, drills from a count and from a figure
// to the subjects and opens the report; the sponsor sees the same numbers without any subject.

const reference = findProtocol('nct05236621');
if (reference === undefined) throw new Error('the reference protocol is not registered');
const PROTOCOL = reference;
const reportTitle = async (): Promise<string> => (await import('../publish/index.js')).REPORT_TITLE;

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOTS = repoPath('.tmp', 'web-screenshots');

interface ApiKeyNumber {
  readonly id: string;
  readonly text: string;
  readonly count: { readonly text: string; readonly subjects: readonly string[] } | null;
}
interface ApiDashboard {
  readonly state: string;
  readonly dashboard: { readonly keyNumbers: readonly ApiKeyNumber[]; readonly subjects: Readonly<Record<string, { readonly subjectId: string }>> };
}

let store: Store | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;
const pageErrors: string[] = [];

function running(): { server: RunningServer; browser: Browser } {
  if (server === undefined || browser === undefined) throw new Error('the server or the browser did not start (see the before hook)');
  return { server, browser };
}

async function signIn(userId: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const { server: s, browser: b } = running();
  const context = await b.newContext({ viewport });
  const page = await context.newPage();
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
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The analysis screen with every figure drawn. */
async function openAnalysis(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Analysis' }).click();
  await page.locator('[data-key="orr"]').waitFor();
  for (const id of ['f-enrolment', 'f-km-pfs', 'f-km-os', 'f-forest-orr', 'f-swimmer']) await page.locator(`[data-figure="${id}"] svg`).first().waitFor();
}

async function dashboardFromApi(page: Page): Promise<ApiDashboard['dashboard']> {
  const { server: s } = running();
  const reply = await page.request.get(`${s.url}/api/v1/analysis/dashboard`);
  assert.equal(reply.status(), 200);
  const answer = (await reply.json()) as ApiDashboard;
  assert.equal(answer.state, 'ready');
  return answer.dashboard;
}

/** The estimate a key-number card prints, put back together as the report writes it: '23.3% (95% CI, 9.93–42.28)'. */
async function cardText(page: Page, id: string): Promise<string> {
  const card = page.locator(`[data-key="${id}"]`);
  const main = (await card.locator('.big').textContent()) ?? '';
  const ci = (await card.locator('.ci').textContent()) ?? '';
  return ci === '' ? main : `${main} (${ci})`;
}

/** True when nothing is wider than the window (no sideways scroll of the whole page). */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('web application: analysis dashboard (headless Chromium)', () => {
  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it with 'apt-get install -y chromium' (.ci/run does this)`);
    mkdirSync(SHOTS, { recursive: true });
    store = await openEmbeddedStore();
    const demo = referenceDemoTrial({ seed: 5, size: 24 });
    await loadDemoTrial(store, PROTOCOL, demo.trial, { screening: demo.screening });
    server = await startServer({ store, protocol: PROTOCOL, port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('shows the statistician the report numbers, the subjects behind a count and behind a figure mark, and opens the report', async () => {
    const page = await signIn('demo-statistician');
    await openAnalysis(page);
    const api = await dashboardFromApi(page);
    const orr = api.keyNumbers.find((k) => k.id === 'orr');
    assert.ok(orr !== undefined && orr.count !== null);
    // the card prints the report's estimate and its CI
    const card = page.locator('[data-key="orr"]');
    assert.equal(await cardText(page, 'orr'), orr.text);
    assert.equal(await card.locator('[data-count]').textContent(), orr.count.text);
    assert.ok(await fitsWidth(page), 'no sideways scroll at 1280 px');
    await shot(page, 'analysis-1-statistician');

    // a count -> its subjects (from the keyboard: every count is a button)
    await card.locator('[data-count]').press('Enter');
    const dialog = page.locator('dialog#drill');
    await dialog.waitFor();
    const listed = await dialog.locator('[data-subject]').allTextContents();
    assert.deepEqual(listed, orr.count.subjects.map((id) => api.subjects[id].subjectId));
    assert.match((await dialog.locator('#drill-title').textContent()) ?? '', new RegExp(`: ${orr.count.subjects.length} subjects?$`));
    await shot(page, 'analysis-2-drill-count');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // a figure mark (a site-month cell of the enrolment figure) -> its subjects, without leaving the page
    const before = page.url();
    // the mouse, as a user clicks: the count printed on the cell is part of the picture (Vega picks the cell under it)
    const cell = page.locator('[data-figure="f-enrolment"] g.mark-rect path').first();
    await cell.scrollIntoViewIfNeeded();
    const box = await cell.boundingBox();
    assert.ok(box !== null);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await dialog.waitFor();
    assert.ok((await dialog.locator('[data-subject]').count()) >= 1);
    assert.match((await dialog.locator('#drill-title').textContent()) ?? '', /^Enrolment by site over time: \d+ subjects?$/);
    assert.equal(page.url(), before);
    await page.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // the full report, one click away
    const [report] = await Promise.all([page.context().waitForEvent('page'), page.locator('#report-html').click()]);
    await report.waitForLoadState();
    const reportText = (await report.locator('body').textContent()) ?? '';
    assert.ok(reportText.includes(await reportTitle()));
    assert.ok(reportText.includes(orr.text), 'the report prints the ORR of the dashboard');
    await report.close();
    assert.deepEqual(pageErrors, []);
  });

  it('lays the dashboard out at tablet width without sideways scrolling', async () => {
    const page = await signIn('demo-statistician', { width: 820, height: 1180 });
    await openAnalysis(page);
    assert.ok(await fitsWidth(page), 'no sideways scroll at 820 px');
    // the tables behind the figures open in place
    await page.locator('#enrolment-table summary').click();
    await page.locator('#subgroup-table summary').click();
    await page.locator('[data-table="t-subgroup-response"] [data-count]').first().waitFor();
    assert.ok(await fitsWidth(page), 'no sideways scroll with the tables open');
    await shot(page, 'analysis-3-tablet');
    assert.deepEqual(pageErrors, []);
  });

  it('shows the sponsor the same numbers and no subject, and opens the aggregate edition of the report', async () => {
    const page = await signIn('demo-sponsor');
    assert.equal(await page.locator('#screen-title').textContent(), 'Analysis', 'the analysis is the sponsor\'s first screen');
    await openAnalysis(page);
    const statistician = await signIn('demo-statistician');
    const numbers = (await dashboardFromApi(statistician)).keyNumbers;
    for (const k of numbers) {
      const card = page.locator(`[data-key="${k.id}"]`);
      assert.equal(await cardText(page, k.id), k.text);
      if (k.count !== null) assert.ok(((await card.locator('.count').textContent()) ?? '').startsWith(k.count.text));
    }
    assert.equal(await page.locator('[data-count]').count(), 0);
    await page.locator('#aggregates-note').waitFor();
    await shot(page, 'analysis-4-sponsor');
    // the report, one click away: its aggregate edition, with the dashboard's numbers and no subject
    assert.match((await page.locator('.report-links').textContent()) ?? '', /^Report \(aggregate edition\):/);
    const [report] = await Promise.all([page.context().waitForEvent('page'), page.locator('#report-html').click()]);
    await report.waitForLoadState();
    const reportText = (await report.locator('body').textContent()) ?? '';
    assert.ok(reportText.includes(`${await reportTitle()} (aggregate edition)`));
    for (const k of numbers) assert.ok(reportText.includes(k.text), `the report prints ${k.id} as the dashboard does`);
    const { server: s } = running();
    assert.ok(store !== undefined);
    const ids = (await listSubjects(store, null)).map((x) => x.subjectId);
    const reportHtml = await report.content();
    assert.ok(ids.length > 0);
    assert.deepEqual(ids.filter((id) => reportHtml.includes(id)), []);
    await shot(report, 'analysis-5-sponsor-report');
    await report.close();
    assert.equal((await page.request.get(`${s.url}/api/v1/analysis/report?format=docx`)).status(), 200);
    assert.deepEqual(pageErrors, []);
  });
});
