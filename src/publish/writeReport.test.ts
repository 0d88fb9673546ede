import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Papa from 'papaparse';
import type { TrialData } from '../clinical/index.js';
import { buildTestTrial, TEST_PROTOCOL, type TestSubjectSpec } from '../protocols/nct05236621/testing/reportTestTrial.js';
import type { ReportTable } from '../report/index.js';
import { subjectListAnchor } from '../report/html/index.js';
import { readZip } from '../testing/index.js';
import { ChromiumSession } from './chromiumSession.js';
import { findRasterFonts } from './rasterizeSvg.js';
import { writeReport, type ReportProgress, type WriteReportOptions } from './writeReport.js';

const root = mkdtempSync(join(tmpdir(), 'trialkit-report-'));
after(() => rmSync(root, { recursive: true, force: true }));

const trial = buildTestTrial();
const write = (options: WriteReportOptions, data: TrialData = trial) => writeReport(data, TEST_PROTOCOL, options);

describe('writeReport', () => {
  it('writes the HTML, one CSV per table and one SVG per figure, reporting progress per table and figure', async () => {
    const out = join(root, 'a');
    const events: ReportProgress[] = [];
    const result = await write({ out, formats: ['html', 'csv', 'svg'], onProgress: (p) => events.push(p) });
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const tables = result.model.items.filter((i): i is ReportTable => i.kind === 'table');
    const figures = result.model.items.filter((i) => i.kind === 'figure');
    for (const item of result.model.items) assert.ok(html.includes(`id="${item.id}"`), item.id);
    for (const f of figures) {
      const svg = readFileSync(join(out, 'figures', `${f.id}.svg`), 'utf8');
      assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, f.id);
      assert.ok(!svg.includes('href="#'), `${f.id}: standalone SVG has no links into the page`);
    }
    assert.equal(readdirSync(join(out, 'tables')).filter((f) => f.endsWith('.csv')).length, tables.length);
    assert.deepEqual(events.filter((e) => e.step === 'table').map((e) => e.message), tables.map((t) => `${t.number}: ${t.title}`));
    assert.deepEqual(events.filter((e) => e.step === 'figure').map((e) => e.message), figures.map((f) => `${f.number}: ${f.title}`));
    assert.ok(trial.synthetic && html.includes('class="synthetic-banner"'), 'a synthetic trial (TrialData.synthetic) says so');
    // Figures in the HTML link their marks to subject lists that exist in the page.
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(links.filter((l) => !ids.has(l)))], []);
    const bars = result.model.items.find((i) => i.id === 'f-response-overall');
    assert.ok(bars?.kind === 'figure' && bars.figureKind === 'response-bars');
    const segment = bars.data.bars[0].segments.find((s) => s.count > 0);
    assert.ok(segment !== undefined && html.includes(`href="#${subjectListAnchor(segment.subjects)}"`));
    assert.deepEqual(result.skipped, []);
    assert.ok(!existsSync(join(out, 'report.pdf')));
  });

  it('says SYNTHETIC in every file of a synthetic trial, in both editions, and nowhere for a real trial', async () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    const text = (path: string): string => {
      if (path.endsWith('.docx')) return [...readZip(readFileSync(path)).entries()].filter(([name]) => name.startsWith('word/')).map(([, bytes]) => bytes.toString('utf8')).join('\n');
      return readFileSync(path, 'utf8');
    };
    const formats: WriteReportOptions['formats'] = ['html', 'docx', 'rtf', 'csv', 'svg'];
    for (const edition of ['full', 'aggregate'] as const) {
      const out = join(root, `synthetic-${edition}`);
      const result = await write({ out, formats, edition, chromiumPath: null, runDate: '2026-01-02' });
      const written = files(out);
      assert.equal(written.length, result.files.length);
      assert.ok(written.some((f) => f.endsWith('.rtf')) && written.some((f) => f.endsWith('.csv')) && written.some((f) => f.endsWith('.svg')));
      for (const path of written) assert.match(text(path), /SYNTHETIC/, `${edition}: ${path}`);
      // In the DOCX, in the page header that every page repeats.
      const docx = readZip(readFileSync(join(out, 'report.docx')));
      assert.ok([...docx.entries()].some(([name, bytes]) => /^word\/header\d*\.xml$/.test(name) && bytes.toString('utf8').includes('SYNTHETIC')));
    }
    const real = join(root, 'real');
    await write({ out: real, formats, chromiumPath: null, runDate: '2026-01-02' }, { ...trial, synthetic: false });
    for (const path of files(real)) assert.doesNotMatch(text(path), /SYNTHETIC/, path);
  });

  it('puts every figure in the DOCX and the RTF, drawn by resvg while the other formats are written (no browser asked)', async () => {
    const out = join(root, 'figures-in-documents');
    // chromiumPath null: were the PNGs taken from the browser instead of resvg, they would be missing
    const result = await write({ out, formats: ['html', 'docx', 'rtf', 'csv', 'svg', 'png'], chromiumPath: null, runDate: '2026-01-02' });
    const figures = result.model.items.filter((i) => i.kind === 'figure');
    assert.ok(figures.length > 1);
    assert.deepEqual(result.skipped, []);
    const media = [...readZip(readFileSync(join(out, 'report.docx'))).keys()].filter((name) => name.startsWith('word/media/') && name.endsWith('.png'));
    assert.equal(media.length, figures.length, 'one PNG per figure in the DOCX');
    const rtf = readFileSync(join(out, 'rtf', 'report.rtf'), 'latin1');
    assert.equal(rtf.split('\\pngblip').length - 1, figures.length, 'one picture per figure in report.rtf');
    for (const figure of figures) assert.ok(existsSync(join(out, 'figures', `${figure.id}.png`)), figure.id);
  });

  it('draws no figure and writes no HTML for CSV alone', async () => {
    const out = join(root, 'csv-only');
    const events: ReportProgress[] = [];
    const result = await write({ out, formats: ['csv'], onProgress: (p) => events.push(p) });
    assert.deepEqual(readdirSync(out), ['tables']);
    assert.equal(events.filter((e) => e.step === 'figure').length, 0);
    assert.ok(result.files.every((f) => f.startsWith('tables')));
  });

  it('leaves out the PDF with the package to install when Chromium is missing, and still writes the rest (PNGs via resvg)', async () => {
    const out = join(root, 'b');
    const events: ReportProgress[] = [];
    const result = await write({ out, formats: ['html', 'pdf', 'png', 'docx'], chromiumPath: null, onProgress: (p) => events.push(p) });
    // PNGs need only a font (resvg); this machine has one (the rasterizeSvg test says which package otherwise).
    assert.ok(findRasterFonts().ok, 'a font for resvg (fonts-liberation) is installed');
    assert.deepEqual(result.skipped.map((s) => s.format), ['pdf']);
    assert.ok(readdirSync(join(out, 'figures')).some((f) => f.endsWith('.png')));
    for (const s of result.skipped) assert.match(s.reason, /apt-get install -y chromium/);
    assert.ok(events.some((e) => e.step === 'skip' && e.message.startsWith('pdf: ')));
    assert.ok(existsSync(join(out, 'report.html')));
    assert.equal(readFileSync(join(out, 'report.docx')).subarray(0, 2).toString('latin1'), 'PK');
    assert.ok(!existsSync(join(out, 'report.pdf')));
  });

  it("prints with the caller's browser session, and leaves it to the caller to close", async () => {
    const out = join(root, 'session');
    // A session that acts as if no Chromium were installed: were writeReport to start its own session (this
    // machine has Chromium), the PDF would be written.
    const chromium = new ChromiumSession(null);
    const result = await write({ out, formats: ['pdf', 'csv'], chromium });
    assert.deepEqual(result.skipped.map((s) => s.format), ['pdf']);
    assert.ok(!existsSync(join(out, 'report.pdf')));
    assert.deepEqual(await chromium.lookup(), { path: null, missing: result.skipped[0]?.reason });
    await chromium.close();
  });

  it('prints the PDF and PNG figures with Chromium, for a second small trial', async () => {
    const out = join(root, 'c');
    const specs: TestSubjectSpec[] = [
      { central: [30, 14, 12, 12], iss: 'I' },
      { central: [30, 40, 45, 50], iss: 'II', endOfTreatment: { day: 60, reason: 'progressive-disease' } },
      { central: [30, 20, 20, 20], iss: 'III', asct: true, female: true },
    ];
    const result = await write({ out, formats: ['pdf', 'png'] }, buildTestTrial(specs));
    assert.deepEqual(result.skipped, []);
    assert.equal(readFileSync(join(out, 'report.pdf')).subarray(0, 5).toString('latin1'), '%PDF-');
    for (const item of result.model.items.filter((i) => i.kind === 'figure')) {
      const png = readFileSync(join(out, 'figures', `${item.id}.png`));
      assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], item.id);
      // PNG IHDR width (bytes 16-19): twice the SVG's CSS width (scale 2).
      assert.ok(png.readUInt32BE(16) > 600, `${item.id} width ${png.readUInt32BE(16)}`);
    }
  });

  it('says nothing of SYNTHETIC for a real trial', async () => {
    const out = join(root, 'real');
    await write({ out, formats: ['html'] }, { ...trial, synthetic: false });
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    assert.ok(!html.includes('SYNTHETIC'));
  });

  it("writes the aggregate edition with no subject id in any file and the full edition's numbers", async () => {
    // SUBJID ('01-001') is inside every USUBJID and is what the swimmer's axis prints
    const ids = trial.subjects.map((s) => s.subject.subjectId);
    const formats = ['html', 'csv', 'docx'] as const;
    const fullOut = join(root, 'edition-full');
    const aggregateOut = join(root, 'edition-aggregate');
    const full = await write({ out: fullOut, formats });
    const aggregate = await write({ out: aggregateOut, formats, edition: 'aggregate' });
    const read = (out: string) => ({
      html: readFileSync(join(out, 'report.html'), 'utf8'),
      documentXml: readZip(readFileSync(join(out, 'report.docx'))).get('word/document.xml')?.toString('utf8') ?? '',
      csv: new Map(readdirSync(join(out, 'tables')).map((f) => [f, readFileSync(join(out, 'tables', f), 'utf8')])),
    });
    const a = read(aggregateOut);
    const f = read(fullOut);
    const cited = (text: string) => ids.filter((id) => text.includes(id));
    // the check can fail: the full edition cites subjects in each format
    assert.ok(cited(f.html).length > 0 && cited(f.documentXml).length > 0 && cited([...f.csv.values()].join('')).length > 0);
    assert.deepEqual(cited(a.html), [], 'HTML');
    assert.deepEqual(cited(a.documentXml), [], 'DOCX word/document.xml');
    for (const [file, text] of a.csv) assert.deepEqual(cited(text), [], file);

    // the same tables with the same numbers: each CSV is the full one without its subject columns; the listings are left out
    assert.deepEqual([...a.csv.keys()], [...f.csv.keys()].filter((file) => !file.startsWith('l-')));
    assert.ok(f.csv.has('l-sae.csv'));
    const parse = (text: string) => Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data;
    for (const [file, text] of a.csv) {
      const fullRecords = parse(f.csv.get(file) ?? '');
      const keep = fullRecords[0].map((name) => !name.endsWith('_subjects'));
      assert.deepEqual(parse(text), fullRecords.map((record) => record.filter((_, i) => keep[i])), file);
    }
    assert.deepEqual(aggregate.keyResults, full.keyResults);
    assert.deepEqual(
      aggregate.model.items.map((i) => `${i.number}. ${i.title}`),
      full.model.items.filter((i) => !i.id.startsWith('l-')).map((i) => `${i.number}. ${i.title}`),
    );

    // the title page says which edition it is and what it leaves out; no subject links, lists or profiles in the HTML
    for (const text of [a.html, a.documentXml]) {
      assert.ok(text.includes('(aggregate edition)'));
      assert.ok(text.includes('Aggregate edition: counts, statistics and figures only'));
      assert.match(text, /Left out: the subjects behind each count;.*Listing 1 \(Listing of serious adverse events/);
    }
    assert.ok(!f.html.includes('aggregate edition'));
    assert.ok(!a.html.includes('id="appendix-subjects"') && !a.html.includes('id="appendix-subject-lists"'));
    const targets = new Set([...a.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const links = [...a.html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(links.filter((l) => !targets.has(l)), []);
    assert.deepEqual(links.filter((l) => !aggregate.model.items.some((i) => i.id === l) && !l.startsWith('sec-')), [], 'only the contents link within the page');
    for (const item of aggregate.model.items) assert.ok(a.html.includes(`id="${item.id}"`), item.id);
  });
});
