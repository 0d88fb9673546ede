import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { findChromium, renderPdfFromHtml, renderPngFromSvg, withBrowser } from './chromium.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A minimal PNG decoder (8-bit RGB/RGBA, non-interlaced), enough to read back what Chromium wrote. */
function decodePng(png: Uint8Array): { width: number; height: number; pixel: (x: number, y: number) => [number, number, number] } {
  assert.deepEqual([...png.subarray(0, 8)], PNG_SIGNATURE, 'PNG signature');
  const view = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < view.length) {
    const length = view.readUInt32BE(offset);
    const type = view.toString('latin1', offset + 4, offset + 8);
    const body = view.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      assert.equal(body[8], 8, 'bit depth');
      assert.equal(body[12], 0, 'not interlaced');
      channels = body[9] === 6 ? 4 : body[9] === 2 ? 3 : 0;
      assert.ok(channels > 0, `colour type ${body[9]}`);
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i += 1) {
      const x = raw[y * (stride + 1) + 1 + i];
      const a = i >= channels ? out[y * stride + i - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + i] : 0;
      const c = y > 0 && i >= channels ? out[(y - 1) * stride + i - channels] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      out[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  return {
    width,
    height,
    pixel: (x, y) => {
      const at = y * stride + x * channels;
      return [out[at], out[at + 1], out[at + 2]];
    },
  };
}

const twoHalves = (attributes: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" ${attributes}>` +
  '<rect x="0" y="0" width="200" height="200" fill="#ff0000"/><rect x="200" y="0" width="200" height="200" fill="#0000ff"/></svg>';

function pages(count: number): string {
  const body = Array.from({ length: count }, (_, i) => `<section style="break-after: page"><h1>Section ${i + 1}</h1><p>Text of section ${i + 1}.</p></section>`).join('');
  return `<!DOCTYPE html><html><head><style>section:last-child { break-after: auto; } h1 { background: #ddeeff; }</style></head><body>${body}</body></html>`;
}

describe('findChromium', () => {
  it('finds the Debian browser on this machine', () => {
    const found = findChromium();
    assert.ok(found.ok, found.ok ? '' : found.message);
    assert.match(found.path, /chrom/);
  });

  it('names the Debian package when the browser is missing', () => {
    const found = findChromium({ candidates: ['/nonexistent/chromium'], envPath: '' });
    assert.equal(found.ok, false);
    assert.ok(!found.ok && found.message.includes('apt-get install -y chromium'), JSON.stringify(found));
  });

  it('tries TRIALKIT_CHROMIUM (here: envPath) first', () => {
    const found = findChromium({ candidates: ['/nonexistent/chromium'], envPath: '/bin/sh' });
    assert.deepEqual(found, { ok: true, path: '/bin/sh' });
  });
});

describe('Chromium rendering', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trialkit-chromium-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a PDF with one launch for several outputs: page count, page numbers, rendering', async () => {
    const { pdf, png } = await withBrowser(async (browser) => ({
      pdf: await renderPdfFromHtml(pages(3), { browser, headerText: 'trialkit <test> report', footerText: 'SYNTHETIC' }),
      png: await renderPngFromSvg(twoHalves('width="400" height="200" viewBox="0 0 400 200"'), { widthPx: 100, scale: 1, browser }),
    }));
    assert.equal(decodePng(png).width, 100);
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
    const file = join(dir, 'three.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    assert.match(info, /^Pages:\s+3$/m);
    assert.match(info, /^Page size:.*\(A4\)$/m);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of ['Section 1', 'Section 3', 'Page 1 of 3', 'Page 3 of 3', 'trialkit <test> report', 'SYNTHETIC']) assert.ok(text.includes(expected), `${expected} in:\n${text}`);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const page = decodePng(new Uint8Array(readFileSync(join(dir, 'page-1.png'))));
    // 210 mm at 50 dpi.
    assert.ok(Math.abs(page.width - Math.round((210 / 25.4) * 50)) <= 1, `page width ${page.width}`);
  });

  it('fills page references with the pages their anchors land on (a table of contents)', async () => {
    const toc =
      '<nav><p><span data-page-of="s2"></span><a href="#s2">Second section</a></p><p><span data-page-of="s4"></span><a href="#s4">Fourth section</a></p>' +
      '<p><span data-page-of="nowhere"></span>No such anchor</p></nav>';
    const body = Array.from({ length: 4 }, (_, i) => `<section id="s${i + 1}" style="break-before: page"><h1>Section ${i + 1}</h1></section>`).join('');
    const html = `<!DOCTYPE html><html><head><style>span[data-page-of] { float: right; }</style></head><body>${toc}${body}</body></html>`;
    const pdf = await renderPdfFromHtml(html);
    const file = join(dir, 'toc.pdf');
    writeFileSync(file, pdf);
    const first = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    // The contents are on page 1; section k on page k + 1.
    assert.match(first, /Second section\s+3\s*$/m);
    assert.match(first, /Fourth section\s+5\s*$/m);
    assert.match(first, /No such anchor\s*$/m, 'an unknown anchor gets no number, not a wrong one');
    assert.doesNotMatch(first, /000/, 'no placeholder left');
  });

  it('draws an SVG at the requested width and scale, on white, keeping its aspect ratio', async () => {
    const png = await renderPngFromSvg(twoHalves('width="400" height="200" viewBox="0 0 400 200"'), { widthPx: 300, scale: 2 });
    writeFileSync(join(dir, 'halves.png'), png);
    const image = decodePng(png);
    assert.equal(image.width, 600);
    assert.equal(image.height, 300);
    assert.deepEqual(image.pixel(20, 150), [255, 0, 0]);
    assert.deepEqual(image.pixel(580, 150), [0, 0, 255]);
  });

  it('scales an SVG that has width and height but no viewBox instead of cropping it', async () => {
    const image = decodePng(await renderPngFromSvg(twoHalves('width="400" height="200"'), { widthPx: 200, scale: 1 }));
    assert.equal(image.width, 200);
    assert.equal(image.height, 100);
    assert.deepEqual(image.pixel(190, 50), [0, 0, 255], 'the right half is drawn, not cut off');
  });

  it('rejects input that is not an SVG and a bad width', async () => {
    await assert.rejects(renderPngFromSvg('<p>no svg</p>', { widthPx: 100, scale: 1 }), /no <svg> root/);
    await assert.rejects(renderPngFromSvg(twoHalves(''), { widthPx: 0, scale: 1 }), /positive integer/);
  });
});
