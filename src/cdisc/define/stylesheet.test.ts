import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { repoPath, sampleAdamPackage, sampleSdtmPackage } from '../../testing/index.js';
import { createDefineXml } from './createDefineXml.js';

// data/cdisc/define2-1.xsl, trialkit's stylesheet, applied by the browser a reviewer opens define.xml in
// (Debian's Chromium, over http: browsers do not apply XSLT to file:// documents).

const types: Record<string, string> = { '.xml': 'application/xml', '.xsl': 'text/xsl', '.xpt': 'application/octet-stream' };

describe('define2-1.xsl in Chromium', () => {
  let dir = '';
  let server: Server | undefined;
  let browser: Browser | undefined;
  let base = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trialkit-define-xsl-'));
    for (const [name, pkg] of [['adam.xml', sampleAdamPackage()], ['sdtm.xml', sampleSdtmPackage()]] as const) {
      const out = createDefineXml(pkg.define);
      assert.ok(out.ok);
      writeFileSync(join(dir, name), out.value);
    }
    copyFileSync(repoPath('data/cdisc/define2-1.xsl'), join(dir, 'define2-1.xsl'));
    server = createServer((request, response) => {
      const file = join(dir, (request.url ?? '/').replace(/[^a-z0-9.-]/gi, ''));
      try {
        const body = readFileSync(file);
        response.writeHead(200, { 'content-type': types[extname(file)] ?? 'text/plain' });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders the ADaM define as tables: datasets with their .xpt links, variables, value-level metadata, codelists, methods', async () => {
    assert.ok(browser !== undefined);
    const page = await browser.newPage();
    await page.goto(`${base}/adam.xml`);
    const datasets = await page.$$eval('#dataset-list tr', (rows) => rows.slice(1).map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
    assert.deepEqual(datasets.map((r) => [r[0], r[2], r[4], r[5]]), [
      ['ADSL', 'SUBJECT LEVEL ANALYSIS DATASET', 'STUDYID, USUBJID', 'adsl.xpt'],
      ['ADTTE', 'BASIC DATA STRUCTURE / TIME-TO-EVENT', 'STUDYID, USUBJID, PARAMCD', 'adtte.xpt'],
    ]);
    assert.deepEqual(await page.$$eval('#dataset-list a[href$=".xpt"]', (links) => links.map((a) => a.getAttribute('href'))), ['adsl.xpt', 'adtte.xpt']);
    const adsl = await page.$$eval('table[id="IG.ADSL"] tr', (rows) => rows.slice(1).map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.replace(/\s+/g, ' ').trim() ?? '')));
    assert.equal(adsl.length, 14);
    assert.deepEqual(adsl.find((r) => r[0] === 'TRTSDT')?.slice(0, 8), ['TRTSDT', 'Date of First Exposure to Treatment', '', 'integer', '8', 'DATE9.', '', 'Derived (Sponsor)']);
    assert.match(adsl.find((r) => r[0] === 'AGE')?.[7] ?? '', /Predecessor DM\.AGE/);
    assert.match(adsl.find((r) => r[0] === 'FASFL')?.[6] ?? '', /No Yes Response \(N, Y\)/);
    const vlm = await page.$$eval('table[id="VL.ADTTE.AVAL"] tr', (rows) => rows.slice(1).map((r) => r.querySelector('td')?.textContent?.trim()));
    assert.deepEqual(vlm, ['PARAMCD EQ PFS', 'PARAMCD EQ OS']);
    assert.equal(await page.$$eval('table[id="CL.SEX"] tr', (rows) => rows.length), 3);
    assert.match((await page.textContent('#method-list')) ?? '', /Days from STARTDT to progression or death/);
    await page.close();
  });

  it('renders the SDTM define with collected origins linking their aCRF pages', async () => {
    assert.ok(browser !== undefined);
    const page = await browser.newPage();
    await page.goto(`${base}/sdtm.xml`);
    const links = await page.$$eval('table[id="IG.AE"] a[href^="acrf.pdf"]', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual([...new Set(links)], ['acrf.pdf', 'acrf.pdf#page=5']);
    assert.match((await page.textContent('table[id="CL.AESEV"]')) ?? '', /C41340/);
    await page.close();
  });
});
