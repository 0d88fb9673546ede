import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, type RunningServer } from '../server/index.js';
import { findProtocol } from '../protocols/index.js';
import { repoPath } from '../testing/index.js';
import { openBrowserFixture, type BrowserFixture } from './testing/browserFixture.js';

// The web application on the second registered protocol (RET-CABO-2: a solid tumour, RECIST 1.1, one drug,
// tumour reads with a repeating group of lesions), which it was not written for: every screen comes from
// the protocol's metadata.

const SHOTS = repoPath('.tmp', 'web-screenshots');
const module = findProtocol('ret-cabo-2');
if (module === undefined) throw new Error('the second protocol is not registered');
const RET = module;

let server: RunningServer | undefined;
let browser: Browser | undefined;
let fixture: BrowserFixture | undefined;
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

describe('web application on the second protocol (headless Chromium)', { timeout: 180_000 }, () => {
  before(async () => {
    fixture = await openBrowserFixture(RET, [{ siteId: 'R01', name: 'Site R01' }], SHOTS);
    ({ server, browser } = fixture);
  });
  after(async () => {
    await fixture?.close();
  });

  it("enters its tumour reads (a repeating group of lesions) and shows the response on the protocol's scale", async () => {
    const page = await signIn('demo-investigator');
    const api = async (method: 'post' | 'get', path: string, data?: unknown): Promise<Record<string, unknown>> => {
      const response = method === 'post' ? await page.request.post(`${server?.url ?? ''}/api/v1${path}`, { data }) : await page.request.get(`${server?.url ?? ''}/api/v1${path}`);
      assert.ok(response.status() < 300, `${path}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    };
    const subjectId = String((await api('post', '/subjects', {})).subjectId);
    const example = JSON.parse(readFileSync(repoPath('examples', 'ret-cabo-2', 'screening-eligible.json'), 'utf8')) as Record<string, unknown>;
    const screening = await api('post', `/subjects/${subjectId}/records`, { formType: 'screening', data: example });
    assert.equal((screening.derived as { eligibility: { eligible: boolean } }).eligibility.eligible, true);
    await api('post', `/subjects/${subjectId}/status`, { status: 'enrolled', version: 1, reason: 'eligible' });

    await page.goto(`${server?.url ?? ''}/subjects/${subjectId}`);
    await page.locator('#form-picker').selectOption('tumourAssessment');
    const form = page.locator('#tumourAssessment');
    await form.waitFor();
    const reads: readonly { readonly date: string; readonly visit: string; readonly lesions: readonly Readonly<Record<string, string>>[] }[] = [
      { date: '2024-03-04', visit: 'SCREENING', lesions: [{ lesionId: 'T1', kind: 'target', organ: 'lung', diameterMm: '30' }, { lesionId: 'T2', kind: 'target', organ: 'liver', diameterMm: '20' }, { lesionId: 'NT1', kind: 'non-target', organ: 'bone', status: 'present' }] },
      { date: '2024-05-06', visit: 'TA1', lesions: [{ lesionId: 'T1', diameterMm: '12' }, { lesionId: 'T2', diameterMm: '10' }, { lesionId: 'NT1', status: 'present' }] },
    ];
    for (const read of reads) {
      await form.locator('[data-path="date"]').fill(read.date);
      await form.locator('[data-path="visit"]').fill(read.visit);
      await form.locator('[data-path="source"]').selectOption('central');
      await form.locator('[data-path="newLesion"]').selectOption('no');
      for (const [i, lesion] of read.lesions.entries()) {
        await form.locator('[data-add="lesions"]').press('Enter');
        for (const [key, value] of Object.entries(lesion)) {
          const control = form.locator(`[data-path="lesions.${i}.${key}"]`);
          if ((await control.evaluate((node) => node.tagName.toLowerCase())) === 'select') await control.selectOption(value);
          else await control.fill(value);
        }
      }
      assert.equal(await form.locator('[data-path="lesions.2.status"] option:checked').textContent(), 'Present', 'a code list of the protocol, shown by its labels');
      await form.locator('button[data-action="save"]').press('Enter');
      await page.locator('#response-saved').waitFor();
      if (read.visit === 'TA1') {
        // the sum of target diameters fell from 50 to 22 mm: a partial response by RECIST 1.1 (not yet confirmed)
        assert.match((await page.locator('#response-saved').textContent()) ?? '', /IRC PR/);
        await page.locator('[data-tab="timeline"]').click();
        await page.locator('#timeline [data-timeline="tumourAssessment"] td', { hasText: 'PR (unconfirmed)' }).waitFor();
        await page.screenshot({ path: join(SHOTS, '13-second-protocol-tumour-reads.png'), fullPage: true });
        await page.setViewportSize({ width: 820, height: 1180 });
        await page.screenshot({ path: join(SHOTS, '13-second-protocol-tumour-reads-tablet.png'), fullPage: true });
        await page.setViewportSize({ width: 1280, height: 800 });
      }
      await page.reload();
      await page.locator('#form-picker').selectOption('tumourAssessment');
      await form.waitFor();
    }
    // the dosing form offers this protocol's one drug; the adverse event asks causality for it alone
    await page.locator('#form-picker').selectOption('dosing');
    const drugs = RET.definition.regimen.drugs.map((d) => d.label);
    assert.deepEqual((await page.locator('#dosing [data-path="drug"] option').allTextContents()).slice(1), drugs);
    await page.locator('#form-picker').selectOption('adverseEvent');
    assert.equal(await page.locator('#adverseEvent [data-path^="relatedness."]').count(), drugs.length);

    // the protocol deviation log: a form of the protocol folder, rendered, checked and saved by the generic form code
    await page.locator('#form-picker').selectOption('protocolDeviation');
    const deviation = page.locator('#protocolDeviation');
    await deviation.waitFor();
    assert.deepEqual((await deviation.locator('[data-path="severity"] option').allTextContents()).slice(1), ['Major (important)', 'Minor']);
    await deviation.locator('[data-path="date"]').fill('2024-05-06');
    await deviation.locator('[data-path="visit"]').fill('TA1');
    await deviation.locator('[data-path="category"]').selectOption('tumour-assessment');
    await deviation.locator('[data-path="severity"]').selectOption('minor');
    await deviation.locator('[data-path="description"]').fill('Scan 9 days after its planned day');
    await deviation.locator('button[data-action="save"]').press('Enter');
    await page.locator('[data-tab="timeline"]').click();
    await page.locator('#timeline [data-timeline="protocolDeviation"]').first().waitFor();
    await page.screenshot({ path: join(SHOTS, '13-second-protocol-deviation.png'), fullPage: true });
    assert.deepEqual(pageErrors, []);
  });
});
