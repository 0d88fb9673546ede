import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createAdamDatasets, isResponderCategory } from '../clinical/index.js';
import { findProtocol } from '../protocols/index.js';
import { DEMO_PASSWORD, loadDemoTrial, seedDemoAccounts, startServer, type RunningServer } from '../server/index.js';
import { openEmbeddedStore, type Store } from '../store/index.js';
import { repoPath } from '../testing/index.js';

// The sponsor's dashboard on a two-stage trial (RET-CABO-2's SYNTHETIC demo, loaded through the site
// services): the Simon stage-1 decision is shown from the snapshot's data. The expected count is taken
// here from the ADaM datasets of the demo trial, independently of the server's path.

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = repoPath('.tmp', 'web-screenshots');
const module = findProtocol('ret-cabo-2');
if (module?.demo === undefined) throw new Error('the second protocol and its demo are not registered');
const RET = module;
const DEMO = module.demo;

let store: Store | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;

describe('the Simon stage-1 decision on the sponsor dashboard (headless Chromium)', { timeout: 300_000 }, () => {
  const demo = DEMO.renderTrial(DEMO.createPlan());
  const design = RET.definition.analysisPlan.design;

  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it with 'apt-get install -y chromium' (.ci/run does this)`);
    mkdirSync(SHOTS, { recursive: true });
    store = await openEmbeddedStore();
    await seedDemoAccounts(store, { sites: demo.trial.sites });
    await loadDemoTrial(store, RET, demo.trial, { screening: demo.screening });
    server = await startServer({ store, protocol: RET, port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('shows how many of the first n1 evaluable subjects responded, and the decision it gives', async () => {
    assert.ok(design.kind === 'simon-two-stage');
    const running = server;
    const chromiumBrowser = browser;
    assert.ok(running !== undefined && chromiumBrowser !== undefined);
    // the first n1 subjects of the response-evaluable set by enrolment date, and the IRC's confirmed responders among them
    const { datasets } = createAdamDatasets(demo.trial, RET.definition);
    const firstN1 = datasets.adsl
      .filter((s) => s.ENRLFL === 'Y' && s.EFFFL === 'Y')
      .sort((a, b) => (a.ENRLDT ?? '').localeCompare(b.ENRLDT ?? '') || a.USUBJID.localeCompare(b.USUBJID))
      .slice(0, design.n1)
      .map((s) => s.USUBJID);
    const responders = datasets.adrs.filter((r) => r.PARAMCD === 'BOR' && r.EVALUATOR === 'IRC' && firstN1.includes(r.USUBJID) && isResponderCategory(RET.definition.response.scale, r.AVALC)).length;
    assert.equal(firstN1.length, design.n1, 'the demo accrues the whole first stage');

    for (const width of [1280, 800]) {
      const page: Page = await (await chromiumBrowser.newContext({ viewport: { width, height: 800 } })).newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(running.url);
      await page.getByLabel('User id').fill('demo-sponsor');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#screen-title').waitFor();
      await page.goto(`${running.url}/analysis`);
      const stage1 = page.locator('#design-stage1');
      await stage1.waitFor({ timeout: 120_000 });
      const text: string = await stage1.innerText();
      const decision: string = responders > design.r1 ? 'Continue to stage 2' : 'Stop for futility';
      assert.equal(text, `${decision}: ${responders} responder${responders === 1 ? '' : 's'} among the first ${design.n1} of ${design.n1} subjects (more than ${design.r1} needed to continue).`);
      assert.match(await page.locator('#design-status').innerText(), new RegExp(`Simon two-stage design \\(${design.optimality}\\)`));
      await page.screenshot({ path: join(SHOTS, `14-design-status-${width}.png`), fullPage: false });
      assert.deepEqual(errors, []);
    }
  });
});
