import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoAccounts, startServer, type RunningServer } from '../server/index.js';
import { openEmbeddedStore, type Store } from '../store/index.js';
import { repoPath, toyProtocol } from '../testing/index.js';

// The web application on a protocol it was not written for (src/testing/toyProtocol.ts: one drug, its own
// response scale, a disease form with a repeating group of lesions): every screen comes from the metadata.

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = repoPath('.tmp', 'web-screenshots');
const TOY = toyProtocol();

let store: Store | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;
const pageErrors: string[] = [];

async function signIn(userId: string): Promise<Page> {
  if (server === undefined || browser === undefined) throw new Error('not started');
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.on('pageerror', (error) => pageErrors.push(`${userId}: ${error.message}`));
  await page.goto(server.url);
  await page.getByLabel('User id').fill(userId);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#screen-title').waitFor();
  return page;
}

describe('web application on another protocol (headless Chromium)', { timeout: 180_000 }, () => {
  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it with 'apt-get install -y chromium'`);
    mkdirSync(SHOTS, { recursive: true });
    store = await openEmbeddedStore();
    await seedDemoAccounts(store, { sites: [{ siteId: 'T01', name: 'Toy site' }] });
    server = await startServer({ store, protocol: TOY, port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it("enters a disease form with a repeating group of lesions and shows the response on the protocol's own scale", async () => {
    const page = await signIn('demo-investigator');
    const api = async (method: 'post' | 'get', path: string, data?: unknown): Promise<Record<string, unknown>> => {
      const response = method === 'post' ? await page.request.post(`${server?.url ?? ''}/api/v1${path}`, { data }) : await page.request.get(`${server?.url ?? ''}/api/v1${path}`);
      assert.ok(response.status() < 300, `${path}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    };
    const subjectId = String((await api('post', '/subjects', {})).subjectId);
    const example = JSON.parse(readFileSync(repoPath('examples', 'nct05236621', 'screening-eligible.json'), 'utf8')) as { priorTherapyLines: Record<string, unknown>[] };
    await api('post', `/subjects/${subjectId}/records`, { formType: 'screening', data: { ...example, priorTherapyLines: example.priorTherapyLines.map(({ bestResponse: _b, ...line }) => line) } });
    await api('post', `/subjects/${subjectId}/status`, { status: 'enrolled', version: 1, reason: 'eligible' });

    await page.goto(`${server?.url ?? ''}/subjects/${subjectId}`);
    await page.locator('#form-picker').selectOption('lesionAssessment');
    const form = page.locator('#lesionAssessment');
    await form.waitFor();
    for (const [date, visit, diameters] of [['2021-05-15', 'BL', ['40', '60']], ['2021-07-10', 'W8', ['25', '30']]] as const) {
      await form.locator('[data-path="date"]').fill(date);
      await form.locator('[data-path="visit"]').fill(visit);
      await form.locator('[data-path="source"]').selectOption('central');
      for (const [i, diameter] of diameters.entries()) {
        if (i > 0 && (await form.locator(`[data-path="lesions.${i}.lesionId"]`).count()) === 0) await form.locator('[data-add="lesions"]').press('Enter');
        await form.locator(`[data-path="lesions.${i}.lesionId"]`).fill(`T${i + 1}`);
        await form.locator(`[data-path="lesions.${i}.site"]`).selectOption(i === 0 ? 'lung' : 'liver');
        await form.locator(`[data-path="lesions.${i}.diameterMm"]`).fill(diameter);
      }
      assert.equal(await form.locator('[data-path="lesions.1.site"] option:checked').textContent(), 'Liver', 'the code list of the protocol, shown by its labels');
      await form.locator('button[type="submit"]').press('Enter');
      await page.locator('#response-saved').waitFor();
      if (visit === 'W8') {
        assert.match((await page.locator('#response-saved').textContent()) ?? '', /Central reader SHRINK/);
        await page.locator('#timeline [data-timeline="lesionAssessment"] td', { hasText: 'SHRINK' }).waitFor();
        await page.screenshot({ path: join(SHOTS, '13-another-protocol-lesions.png'), fullPage: true });
        await page.setViewportSize({ width: 820, height: 1180 });
        await page.screenshot({ path: join(SHOTS, '13-another-protocol-lesions-tablet.png'), fullPage: true });
      }
      await page.reload();
      await page.locator('#form-picker').selectOption('lesionAssessment');
      await form.waitFor();
    }
    // the dosing form offers this protocol's one drug
    await page.locator('#form-picker').selectOption('dosing');
    assert.deepEqual(await page.locator('#dosing [data-path="drug"] option').allTextContents(), ['— choose —', 'Drug A']);
    assert.deepEqual(pageErrors, []);
  });
});
