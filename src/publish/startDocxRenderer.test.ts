import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { buildStandardTestTrial, TEST_PROTOCOL } from '../protocols/nct05236621/testing/reportTestTrial.js';
import { completeReportDocx, draftReportDocx } from '../report/docx/index.js';
import { createReportModel } from '../report/model/index.js';
import { readZip } from '../testing/index.js';
import { startDocxRenderer, withoutSubjectLists, type DocxRenderer } from './startDocxRenderer.js';

/** Bytes that read as a PNG of this size (signature and IHDR; the DOCX does not decode further), each figure's its own. */
function fakePng(widthPx: number, heightPx: number, tag: number): Uint8Array {
  const png = Buffer.alloc(32);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(png);
  png.write('IHDR', 12, 'latin1');
  png.writeUInt32BE(widthPx, 16);
  png.writeUInt32BE(heightPx, 20);
  png.writeUInt32BE(tag, 28);
  return new Uint8Array(png);
}

/** The package's parts, the dates the docx package stamps on its core properties when the document is made left out. */
function partsOf(docx: Uint8Array): Map<string, string> {
  const parts = new Map<string, string>();
  for (const [name, bytes] of readZip(docx)) parts.set(name, name === 'docProps/core.xml' ? bytes.toString('utf8').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'DATE') : bytes.toString('base64'));
  return parts;
}

const model = createReportModel(buildStandardTestTrial(), TEST_PROTOCOL);
const figureIds = model.items.filter((i) => i.kind === 'figure').map((i) => i.id);
// Sizes that print differently: wide, tall, and wider than the page (scaled down).
const pngs = new Map(figureIds.map((id, i) => [id, fakePng([1600, 900, 2400][i % 3], [800, 1400, 900][i % 3], i)]));
const options = { title: 'Report', subtitle: 'Test trial', syntheticNote: 'SYNTHETIC' };
const at = new Date(Date.UTC(2025, 0, 2, 3, 4, 5));
const renderers: DocxRenderer[] = [];
const renderer = () => {
  const started = startDocxRenderer();
  renderers.push(started);
  return started;
};
after(async () => {
  for (const r of renderers) await r.close();
});

describe('DocxRenderer.draft', () => {
  it('completed with the PNGs, is the DOCX render makes with them (each on a fresh thread)', async () => {
    const whole = await renderer().render(model, { ...options, figuresPng: pngs }, at);
    const drafted = await renderer().draft(model, options, figureIds, at).complete(pngs);
    const expected = partsOf(whole);
    assert.equal([...expected.keys()].filter((name) => name.startsWith('word/media/')).length, figureIds.length);
    assert.deepEqual(partsOf(drafted), expected);
  });

  it('makes the whole document when a figure has no PNG: a note instead of its picture', async () => {
    const some = new Map([...pngs].slice(1));
    const docx = readZip(await renderer().draft(model, options, figureIds, at).complete(some));
    assert.equal([...docx.keys()].filter((name) => name.startsWith('word/media/')).length, figureIds.length - 1);
    assert.match(docx.get('word/document.xml')?.toString('utf8') ?? '', /is not embedded here: no image was supplied for it/);
  });

  it('works without its thread (the worker file missing): the document is made on this thread', async () => {
    const here = startDocxRenderer({ workerUrl: new URL('./noSuchWorker.js', import.meta.url) });
    renderers.push(here);
    const docx = readZip(await here.draft(model, options, figureIds, at).complete(pngs));
    assert.equal([...docx.keys()].filter((name) => name.startsWith('word/media/')).length, figureIds.length);
  });
});

describe('completeReportDocx', () => {
  const draft = draftReportDocx(model, options, figureIds);
  it('completes a draft with a PNG for each of its figures', () => {
    const parts = completeReportDocx(draft, pngs);
    assert.ok(parts !== null);
    const media = [...parts].filter(([name]) => name.startsWith('word/media/')).map(([, bytes]) => bytes);
    assert.deepEqual(new Set(media), new Set(pngs.values()));
  });
  it('declines (the caller makes the whole document) a missing PNG, bytes that are not a PNG, and two identical PNGs (stored once)', () => {
    assert.equal(completeReportDocx(draft, new Map([...pngs].slice(1))), null);
    assert.equal(completeReportDocx(draft, new Map([...pngs].map(([id, png], i) => [id, i === 0 ? new Uint8Array([1, 2, 3]) : png]))), null);
    const first = pngs.get(figureIds[0]) as Uint8Array;
    assert.equal(completeReportDocx(draft, new Map([...pngs].map(([id, png], i) => [id, i === 1 ? first.slice() : png]))), null);
  });
});

describe('withoutSubjectLists', () => {
  it('empties every subject list at any depth and copies the rest as it is, leaving the model alone', () => {
    const model = {
      items: [
        { id: 't', rows: [{ cells: [{ value: { kind: 'count', n: 2 }, subjects: ['A', 'B'] }, { value: null, subjects: [] }] }], subjects: 'not a list' },
        { id: 'f', data: { bars: [{ segments: [{ subjects: ['C'] }], n: Number.NaN }], missing: undefined } },
      ],
      sections: [[1, 2], []],
    };
    const before = JSON.stringify(model);
    const stripped = withoutSubjectLists(model as unknown as Parameters<typeof withoutSubjectLists>[0]) as unknown;
    assert.deepStrictEqual(stripped, {
      items: [
        { id: 't', rows: [{ cells: [{ value: { kind: 'count', n: 2 }, subjects: [] }, { value: null, subjects: [] }] }], subjects: 'not a list' },
        { id: 'f', data: { bars: [{ segments: [{ subjects: [] }], n: Number.NaN }], missing: undefined } },
      ],
      sections: [[1, 2], []],
    });
    assert.equal(JSON.stringify(model), before);
  });
});

