import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { computePdfDestinationPages } from './pdfDestinationPages.js';
import { countPdfPages, replaceLeadingPdfPages } from './pdfReplacePages.js';

/**
 * A PDF laid out as Chromium (Skia) writes one, with a correct cross-reference table: objects in the
 * given order (numbered by their own header), a catalog with named destinations, a font, and one page
 * per text with an uncompressed content stream showing it.
 */
function pdf(texts: readonly string[], options: { readonly first?: number; readonly extraStreamBytes?: string } = {}): Uint8Array {
  const first = options.first ?? 1;
  const info = first;
  const catalog = first + 1;
  const pagesNode = first + 2;
  const font = first + 3;
  const dests = first + 4;
  const page = (i: number) => first + 5 + 3 * i;
  const objects = new Map<number, string>();
  objects.set(info, '<</Producer (Skia/PDF (1 0 R) test)>>');
  objects.set(catalog, `<</Type /Catalog\n/Pages ${pagesNode} 0 R\n/Dests ${dests} 0 R>>`);
  objects.set(pagesNode, `<</Type /Pages\n/Count ${texts.length}\n/Kids [${texts.map((_, i) => `${page(i)} 0 R`).join(' ')}]>>`);
  objects.set(font, '<</Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica>>');
  objects.set(dests, `<<${texts.map((_, i) => `/p${i + 1} [${page(i)} 0 R /XYZ 0 792 0]`).join('\n')}>>`);
  texts.forEach((text, i) => {
    const content = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET${options.extraStreamBytes ?? ''}`;
    objects.set(
      page(i),
      `<</Type /Page\n/Resources <</Font <</F1 ${font} 0 R>>>>\n/MediaBox [0 0 612 792]\n/Annots [${page(i) + 1} 0 R]\n/Contents ${page(i) + 2} 0 R\n/Parent ${pagesNode} 0 R>>`,
    );
    objects.set(page(i) + 1, `<</Type /Annot\n/Subtype /Link\n/Rect [72 700 200 730]\n/Dest /p${texts.length - i}>>`);
    objects.set(page(i) + 2, `<</Length ${Buffer.byteLength(content, 'latin1')}>> stream\n${content}\nendstream`);
  });
  let out = '%PDF-1.4\n';
  const offsets = new Map<number, number>();
  for (const [num, body] of objects) {
    offsets.set(num, out.length);
    out += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const size = Math.max(...objects.keys()) + 1;
  const xrefAt = out.length;
  out += `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let num = 1; num < size; num += 1) out += offsets.has(num) ? `${String(offsets.get(num)).padStart(10, '0')} 00000 n \n` : '0000000000 65535 f \n';
  out += `trailer\n<</Size ${size}\n/Root ${catalog} 0 R\n/Info ${info} 0 R>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('replaceLeadingPdfPages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trialkit-pdf-pages-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const pagesText = (file: Uint8Array, name: string) => {
    const path = join(dir, name);
    writeFileSync(path, file);
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return text.split('\f').slice(0, -1).map((page) => page.trim());
  };

  it('puts the front pages in place of the first ones, keeping the rest, the destinations and the links', () => {
    const base = pdf(['Old one', 'Old two', 'Old three']);
    // Numbered apart from the base's objects, with bytes in the stream that look like PDF syntax.
    const front = pdf(['New one', 'New two'], { first: 40, extraStreamBytes: '\n% endobj 7 0 R (' });
    assert.deepEqual(pagesText(base, 'base.pdf'), ['Old one', 'Old two', 'Old three']);
    const joined = replaceLeadingPdfPages(base, front);
    assert.ok(joined !== null);
    assert.deepEqual(Buffer.from(joined.subarray(0, base.length)), Buffer.from(base), 'an incremental update: the original bytes come first, unchanged');
    assert.deepEqual(pagesText(joined, 'joined.pdf'), ['New one', 'New two', 'Old three']);
    const tail = Buffer.from(joined.subarray(base.length)).toString('latin1');
    // The front's first page is the base's page object 6; its link keeps its named destination.
    assert.match(tail, /^6 0 obj\n<<\/Type \/Page\n/m);
    assert.match(tail, /\/Parent 3 0 R>>/, "the base's page tree node is the new pages' parent");
    assert.match(tail, /\/Dest \/p2>>/);
    assert.doesNotMatch(tail, /\/Type \/(Pages|Catalog)\b/, 'the page tree and catalog are not copied');
    assert.match(tail, /\/Prev \d+>>\nstartxref\n\d+\n%%EOF\n$/);
    assert.deepEqual(Object.fromEntries(computePdfDestinationPages(base)), { p1: 1, p2: 2, p3: 3 });
  });

  it('counts pages, and gives null for what it does not read rather than a damaged file', () => {
    assert.equal(countPdfPages(pdf(['a', 'b', 'c'])), 3);
    assert.equal(countPdfPages(Buffer.from('not a pdf')), null);
    assert.equal(replaceLeadingPdfPages(pdf(['a']), pdf(['x', 'y'])), null, 'more front pages than the base has');
    assert.equal(replaceLeadingPdfPages(Buffer.from('not a pdf'), pdf(['x'])), null);
    const updated = replaceLeadingPdfPages(pdf(['a', 'b']), pdf(['x'], { first: 20 }));
    assert.ok(updated !== null);
    assert.equal(replaceLeadingPdfPages(updated, pdf(['x'], { first: 20 })), null, 'an already updated file (a /Prev trailer)');
    // A stream whose /Length does not end at endstream.
    const broken = Buffer.from(Buffer.from(pdf(['x'], { first: 20 })).toString('latin1').replace(/\/Length (\d+)/, (_, n: string) => `/Length ${Number(n) - 3}`), 'latin1');
    assert.equal(replaceLeadingPdfPages(pdf(['a', 'b']), broken), null);
  });
});
