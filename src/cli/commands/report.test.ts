import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../../protocols/nct05236621/testing/reportTestTrial.js';
import { createReportModel, findCell, formatValue } from '../../report/index.js';
import { cliRecorder } from '../../testing/index.js';
import { main } from '../main.js';

const root = mkdtempSync(join(tmpdir(), 'trialkit-report-cli-'));
after(() => rmSync(root, { recursive: true, force: true }));
const data = buildStandardTestTrial();
const trialDir = join(root, 'trial');
mkdirSync(trialDir);
writeFileSync(join(trialDir, 'trial.json'), JSON.stringify({ ...data.trial, synthetic: true }));

describe('trialkit report', () => {
  it('writes the asked-for formats, shows progress on stderr and closes with the key results of the tables', async () => {
    const rec = cliRecorder();
    const out = join(root, 'out');
    const code = await main(['report', '--trial', trialDir, '--out', out, '--format', 'html,csv,svg'], rec.io);
    assert.equal(code, 0, rec.stderr());
    assert.ok(existsSync(join(out, 'report.html')));
    const model = createReportModel(data, TEST_PROTOCOL);
    for (const item of model.items) assert.ok(rec.stderr().includes(`${item.number}: ${item.title}`), `progress for ${item.id}`);
    const orr = findCell(model, 't-response-rate', 'orr:rate', 'irc');
    const medianPfs = findCell(model, 't-pfs', 'median', 'overall');
    assert.ok(orr !== undefined && medianPfs !== undefined);
    assert.ok(rec.stdout().includes(formatValue(orr.value)), rec.stdout());
    assert.ok(rec.stdout().includes(formatValue(medianPfs.value)), rec.stdout());
    assert.match(rec.stdout(), new RegExp(`^SYNTHETIC DATA\\. Report of ${data.trial.protocolId}`));
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    for (const item of model.items) assert.ok(html.includes(`id="${item.id}"`), item.id);
  });

  it('rejects an unknown format and a missing trial with exit 2 and a message naming the value', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['report', '--trial', trialDir, '--out', join(root, 'x'), '--format', 'html,xlsx'], rec.io), 2);
    assert.match(rec.stderr(), /--format "html,xlsx": unknown format "xlsx"/);
    const missing = cliRecorder();
    assert.equal(await main(['report', '--trial', join(root, 'none'), '--out', join(root, 'y')], missing.io), 2);
    assert.match(missing.stderr(), /no such file or folder/);
  });

  it('writes the aggregate edition with --edition aggregate: no subject id in the HTML or the CSVs, and rejects an unknown edition', async () => {
    const rec = cliRecorder();
    const out = join(root, 'aggregate');
    assert.equal(await main(['report', '--trial', trialDir, '--out', out, '--format', 'html,csv', '--edition', 'aggregate'], rec.io), 0, rec.stderr());
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    assert.match(html, /aggregate edition/);
    // USUBJID, as the full edition shows and links every subject
    const ids = data.trial.subjects.map((s) => `${data.trial.protocolId}-${s.subject.subjectId}`);
    assert.ok(ids.length > 0);
    assert.deepEqual(ids.filter((id) => html.includes(id)), [], 'no subject id in the aggregate HTML');
    for (const file of readdirSync(join(out, 'tables'))) {
      const csv = readFileSync(join(out, 'tables', file), 'utf8');
      assert.deepEqual(ids.filter((id) => csv.includes(id)), [], `no subject id in ${file}`);
    }
    const full = readFileSync(join(root, 'out', 'report.html'), 'utf8');
    assert.ok(ids.some((id) => full.includes(id)), 'the full edition (first test) does show them');
    const bad = cliRecorder();
    assert.equal(await main(['report', '--trial', trialDir, '--out', join(root, 'z'), '--edition', 'redacted'], bad.io), 2);
    assert.match(bad.stderr(), /--edition "redacted": unknown edition/);
  });

  it('reports on the demo trial by default, with the SYNTHETIC banner and every table and figure', async () => {
    const rec = cliRecorder();
    const out = join(root, 'demo');
    assert.equal(await main(['report', '--out', out, '--format', 'html'], rec.io), 0, rec.stderr());
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    assert.ok(html.includes('class="synthetic-banner"'));
    for (const id of ['f-consort', 't-baseline', 't-response-rate', 'f-forest-orr', 'f-waterfall', 'f-swimmer', 't-pfs', 'f-km-pfs', 't-os', 'f-km-os', 't-teae-overview', 'l-sae']) {
      assert.ok(html.includes(`id="${id}"`), id);
    }
    assert.equal((html.match(/<figure class="chart"[^>]*><svg/g) ?? []).length, (html.match(/class="item figure-item"/g) ?? []).length);
    assert.match(rec.stdout(), /SYNTHETIC DATA\. Report of .* \(.*demo trial\)/);
  });

  it('lists its options under --help', async () => {
    const rec = cliRecorder();
    assert.equal(await main(['report', '--help'], rec.io), 0);
    assert.match(rec.stdout(), /--format <list>/);
  });
});
