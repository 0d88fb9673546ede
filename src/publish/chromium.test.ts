import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { decodePng } from '../testing/decodePng.js';
import { findChromium, openPrintPage, renderPdfFromHtml, renderPngFromSvg, withBrowser } from './chromium.js';
import { computePdfDestinationPages } from './pdfDestinationPages.js';


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
      pdf: await renderPdfFromHtml(pages(3), { browser, headerText: 'trialkit <test> "report" \\ </style>', footerText: 'SYNTHETIC' }),
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
    // The header is a CSS string in the page's margin box: quotes, a backslash and a closing tag print as written.
    for (const expected of ['Section 1', 'Section 3', 'Page 1 of 3', 'Page 3 of 3', 'trialkit <test> "report" \\ </style>', 'SYNTHETIC']) assert.ok(text.includes(expected), `${expected} in:\n${text}`);
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
    // Section 1 has no link, so nothing shows where the contents end: the whole is printed again instead.
    assert.equal(Buffer.from(pdf).toString('latin1').match(/%%EOF/g)?.length, 1);
  });

  it('prints the whole once and the contents again alone when a forced break ends them (the report)', async () => {
    // Two pages of contents (each entry a tall block), break-after on the nav as in the report's CSS.
    const entries = Array.from({ length: 6 }, (_, i) => `<p class="entry"><a href="#s${i + 1}">Section ${i + 1}</a><span data-page-of="s${i + 1}"></span></p>`).join('');
    const body = Array.from({ length: 6 }, (_, i) => `<section id="s${i + 1}"><h1>Part ${i + 1}</h1>${i === 2 ? '<p style="height: 400mm">Long</p>' : ''}</section>`).join('');
    const html =
      '<!DOCTYPE html><html><head><style>nav { break-after: page; } .entry { height: 60mm; margin: 0; } span[data-page-of] { float: right; } ' +
      `section { break-before: page; } h1 { background: #ddeeff; }</style></head><body><h1>Title</h1><nav>${entries}</nav><main>${body}</main></body></html>`;
    const pdf = await renderPdfFromHtml(html, { footerText: 'cutoff' });
    const file = join(dir, 'front.pdf');
    writeFileSync(file, pdf);
    assert.equal(Buffer.from(pdf).toString('latin1').match(/%%EOF/g)?.length, 2, 'the contents pages put in by an incremental update');
    const total = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    const texts = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, total);
    assert.equal(texts.length, total);
    texts.forEach((text, i) => assert.match(text, new RegExp(`Page ${i + 1} of ${total}\\s*$`), `footer of page ${i + 1}`));
    // Each contents entry gives the page its part's heading is printed on (part 3 runs over more than one page).
    const contents = texts.filter((text) => /Section \d/.test(text)).join('');
    assert.ok(total >= 9, `${total} pages`);
    for (let k = 1; k <= 6; k += 1) {
      const page = texts.findIndex((text) => new RegExp(`^\\s*Part ${k}\\s*$`, 'm').test(text)) + 1;
      assert.ok(page > 1, `Part ${k} found`);
      assert.match(contents, new RegExp(`Section ${k}\\s+${page}\\s*$`, 'm'), contents);
    }
    assert.doesNotMatch(contents, /000/, 'no placeholder left');
  });

  /** A report-like document: contents (page references), sections on their own pages, one landscape, links across. */
  const sectionsHtml = (extraStyle = '') => {
    const entries = Array.from({ length: 8 }, (_, i) => `<p><a href="#s${i + 1}">Section ${i + 1}</a><span data-page-of="s${i + 1}"></span></p>`).join('');
    const body = Array.from(
      { length: 8 },
      (_, i) =>
        `<section id="s${i + 1}"${i === 5 ? ' class="wide"' : ''}><h1>Part ${i + 1}</h1><p>${'Text of the part. '.repeat(40)}</p>` +
        `${i === 2 ? '<p style="height: 300mm">Long</p>' : ''}<p><a href="#s${8 - i}">See section ${8 - i}</a></p></section>`,
    ).join('');
    return (
      '<!DOCTYPE html><html><head><style>@page wide { size: A4 landscape; } nav { break-after: page; } span[data-page-of] { float: right; } ' +
      `section { break-before: page; } .wide { page: wide; } h1 { background: #ddeeff; } ${extraStyle}</style></head>` +
      `<body><h1>Title</h1><nav>${entries}</nav><main>${body}</main></body></html>`
    );
  };
  const pageTexts = (pdf: Uint8Array, name: string) => {
    const file = join(dir, name);
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .split('\f')
      .slice(0, -1);
  };

  it('prints in two parts at once on two pages, giving the whole’s pages (pdftotext -layout), numbers and destinations', async () => {
    const html = sectionsHtml();
    const options = { headerText: 'Report', footerText: 'cutoff' };
    const [whole, parts] = await withBrowser(async (browser) => {
      const [page, secondPage] = await Promise.all([openPrintPage(browser), openPrintPage(browser)]);
      return [await renderPdfFromHtml(html, { ...options, browser }), await renderPdfFromHtml(html, { ...options, browser, page, secondPage })];
    });
    assert.match(Buffer.from(parts).toString('latin1'), /\/TkMargins/, 'printed in parts, the first part’s margins drawn on');
    const wholeTexts = pageTexts(whole, 'whole.pdf');
    const partsTexts = pageTexts(parts, 'parts.pdf');
    assert.ok(wholeTexts.length >= 10, `${wholeTexts.length} pages`);
    assert.deepEqual(partsTexts, wholeTexts);
    partsTexts.forEach((text, i) => assert.match(text, new RegExp(`Page ${i + 1} of ${partsTexts.length}\\s*$`), `footer of page ${i + 1}`));
    assert.deepEqual(Object.fromEntries(computePdfDestinationPages(parts)), Object.fromEntries(computePdfDestinationPages(whole)));
    const sizes = (pdf: Uint8Array, name: string) => {
      writeFileSync(join(dir, name), pdf);
      return execFileSync('pdfinfo', ['-f', '1', '-l', '99', join(dir, name)], { encoding: 'utf8' }).match(/^Page +\d+ size:.*$/gm);
    };
    assert.deepEqual(sizes(parts, 'parts-sizes.pdf'), sizes(whole, 'whole-sizes.pdf'));
  });

  it('prints whole, on the first page, a document that cannot be split (CSS counters would restart)', async () => {
    const html = sectionsHtml('body { counter-reset: part; } h1 { counter-increment: part; }');
    const pdf = await withBrowser(async (browser) => {
      const [page, secondPage] = await Promise.all([openPrintPage(browser), openPrintPage(browser)]);
      return renderPdfFromHtml(html, { browser, page, secondPage, footerText: 'cutoff' });
    });
    assert.doesNotMatch(Buffer.from(pdf).toString('latin1'), /\/TkMargins/);
    const texts = pageTexts(pdf, 'counters.pdf');
    texts.forEach((text, i) => assert.match(text, new RegExp(`Page ${i + 1} of ${texts.length}\\s*$`)));
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
