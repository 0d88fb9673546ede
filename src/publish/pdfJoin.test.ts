import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { computePdfDestinationPages } from './pdfDestinationPages.js';
import { joinPdfPages } from './pdfJoin.js';
import { replaceLeadingPdfPages } from './pdfReplacePages.js';

interface TestPage {
  readonly text: string;
  /** Named destinations on this page. */
  readonly ids?: readonly string[];
  /** Destination names this page links to. */
  readonly links?: readonly string[];
  readonly landscape?: boolean;
  /** Where the text's baseline is (default 500, inside either page size). */
  readonly y?: number;
}

/**
 * A PDF laid out as Chromium (Skia) writes one: an info dictionary, a catalog with named destinations in
 * an object of their own, a page tree, a font with a subset tag, and per page an uncompressed content
 * stream showing its text and a link annotation per link, with a correct cross-reference table.
 */
function pdf(pages: readonly TestPage[], options: { readonly fontTag?: string } = {}): Uint8Array {
  const objects = new Map<number, string>();
  const pageNum = (i: number) => 6 + 2 * i + pages.slice(0, i).reduce((n, p) => n + (p.links?.length ?? 0), 0);
  objects.set(1, '<</Producer (Skia/PDF test)>>');
  objects.set(2, '<</Type /Catalog\n/Pages 3 0 R\n/Dests 5 0 R\n/ViewerPreferences <</DisplayDocTitle true>>>>');
  objects.set(3, `<</Type /Pages\n/Count ${pages.length}\n/Kids [${pages.map((_, i) => `${pageNum(i)} 0 R`).join(' ')}]>>`);
  objects.set(4, `<</Type /Font\n/Subtype /Type1\n/BaseFont /${options.fontTag ?? 'AAAAAA'}+Helvetica>>`);
  objects.set(5, `<<${pages.flatMap((p, i) => (p.ids ?? []).map((id) => `/${id} [${pageNum(i)} 0 R /XYZ 0 792 0]`)).join('\n')}>>`);
  pages.forEach((page, i) => {
    const num = pageNum(i);
    const content = `BT /F1 12 Tf 72 ${page.y ?? 500} Td (${page.text}) Tj ET`;
    const links = page.links ?? [];
    const annots = links.map((_, k) => `${num + 2 + k} 0 R`).join(' ');
    const box = page.landscape === true ? '[0 0 792 612]' : '[0 0 612 792]';
    objects.set(num, `<</Type /Page\n/Resources <</Font <</F1 4 0 R>>>>\n/MediaBox ${box}\n/Annots [${annots}]\n/Contents ${num + 1} 0 R\n/Parent 3 0 R>>`);
    objects.set(num + 1, `<</Length ${Buffer.byteLength(content, 'latin1')}>> stream\n${content}\nendstream`);
    links.forEach((target, k) => objects.set(num + 2 + k, `<</Type /Annot\n/Subtype /Link\n/Rect [72 690 200 720]\n/Dest /${target}>>`));
  });
  let out = '%PDF-1.4\n%\xD3\xEB\xE9\xE1\n';
  const offsets = new Map<number, number>();
  for (const [num, body] of [...objects].sort((a, b) => a[0] - b[0])) {
    offsets.set(num, out.length);
    out += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const size = Math.max(...objects.keys()) + 1;
  const xrefAt = out.length;
  out += `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let num = 1; num < size; num += 1) out += `${String(offsets.get(num)).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<</Size ${size}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('joinPdfPages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trialkit-pdf-join-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  const save = (file: Uint8Array) => {
    files += 1;
    const path = join(dir, `${files}.pdf`);
    writeFileSync(path, file);
    return path;
  };
  const pagesText = (file: Uint8Array) =>
    execFileSync('pdftotext', ['-layout', save(file), '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      .split('\f')
      .slice(0, -1)
      .map((page) => page.trim().replace(/\s+/g, ' '));
  /** Each page's links as pdfinfo... poppler has no link listing: read them from the file, following /Annots. */
  const linksOf = (file: Uint8Array) => {
    const text = Buffer.from(file).toString('latin1');
    const objects = new Map([...text.matchAll(/(?:^|\n)(\d+) 0 obj\n([\s\S]*?)\nendobj/g)].map((m) => [Number(m[1]), m[2]]));
    return [...objects.values()]
      .filter((body) => /\/Type \/Page\n/.test(body))
      .map((body) => [.../\/Annots \[([^\]]*)\]/.exec(body)![1].matchAll(/(\d+) 0 R/g)].map((m) => /\/Dest \/(\S+?)>>/.exec(objects.get(Number(m[1]))!)?.[1]));
  };

  const first = pdf([
    { text: 'Contents', ids: ['toc'], links: ['appendix'] },
    { text: 'Section one', ids: ['one'], links: ['two'] },
  ]);
  const second = pdf([{ text: 'Section two', ids: ['two'], links: ['one'], landscape: true }, { text: 'Appendix', ids: ['appendix'] }], { fontTag: 'AAAAAA' });

  it('puts the parts’ pages in order, with their destinations and links, in a file poppler reads', () => {
    const joined = joinPdfPages([{ pdf: first }, { pdf: second }]);
    assert.ok(joined !== null);
    assert.deepEqual(pagesText(joined), ['Contents', 'Section one', 'Section two', 'Appendix']);
    assert.deepEqual(Object.fromEntries(computePdfDestinationPages(joined)), { toc: 1, one: 2, two: 3, appendix: 4 });
    assert.deepEqual(linksOf(joined), [['appendix'], ['two'], ['one'], []]);
    const boxes = [...Buffer.from(joined).toString('latin1').matchAll(/\/MediaBox (\[[^\]]*\])/g)].map((m) => m[1]);
    assert.deepEqual(boxes, ['[0 0 612 792]', '[0 0 612 792]', '[0 0 792 612]', '[0 0 612 792]']);
    // A fresh file (no /Prev): the front matter can be replaced in it afterwards.
    const front = replaceLeadingPdfPages(joined, pdf([{ text: 'Contents again', ids: ['toc'], links: ['appendix'] }]));
    assert.ok(front !== null);
    assert.deepEqual(pagesText(front), ['Contents again', 'Section one', 'Section two', 'Appendix']);
  });

  it('renames a later part’s font subsets, whose tags repeat the first part’s', () => {
    const joined = joinPdfPages([{ pdf: first }, { pdf: second }]);
    assert.ok(joined !== null);
    const tags = [...Buffer.from(joined).toString('latin1').matchAll(/\/BaseFont \/([A-Z]{6})\+Helvetica/g)].map((m) => m[1]);
    assert.equal(tags.length, 2);
    assert.equal(new Set(tags).size, 2);
  });

  it('leaves out the pages before fromPage and the destinations on them', () => {
    const joined = joinPdfPages([{ pdf: pdf([{ text: 'New contents', ids: ['toc'] }]) }, { pdf: first, fromPage: 2 }, { pdf: second }]);
    assert.ok(joined !== null);
    assert.deepEqual(pagesText(joined), ['New contents', 'Section one', 'Section two', 'Appendix']);
    assert.deepEqual(Object.fromEntries(computePdfDestinationPages(joined)), { toc: 1, one: 2, two: 3, appendix: 4 });
    assert.equal(joinPdfPages([{ pdf: first, fromPage: 3 }]), null);
  });

  it('draws page k of a part’s margins PDF under its page k, first, and only on that part', () => {
    const margins = pdf([
      { text: 'Page 1 of 4', y: 40 },
      { text: 'Page 2 of 4', y: 40 },
      { text: 'Page 3 of 4', y: 40, landscape: true },
    ]);
    const joined = joinPdfPages([
      { pdf: pdf([{ text: 'New contents', ids: ['toc'] }]), margins },
      { pdf: first, fromPage: 2, margins },
      { pdf: second },
    ]);
    assert.ok(joined !== null);
    assert.deepEqual(pagesText(joined), ['New contents Page 1 of 4', 'Section one Page 2 of 4', 'Section two', 'Appendix']);
    assert.deepEqual(linksOf(joined), [[], ['two'], ['one'], []]);
    const text = Buffer.from(joined).toString('latin1');
    const contents = [...text.matchAll(/\/Contents \[(\d+) 0 R \d+ 0 R\]/g)].map((m) => Number(m[1]));
    assert.equal(contents.length, 2);
    assert.match(text, new RegExp(`\\n${contents[0]} 0 obj\\n<</Length \\d+>> stream\\nq /TkMargins Do Q\\n`));
    // A font per file: the margins' copied once for the two parts that use them.
    assert.equal(text.match(/\+Helvetica/g)?.length, 4);
  });

  it('gives null for margins of another page count or size, and for files it does not understand', () => {
    const portrait = pdf([{ text: '1' }, { text: '2' }]);
    assert.equal(joinPdfPages([{ pdf: second, margins: portrait }]), null, 'page 1 is landscape');
    assert.equal(joinPdfPages([{ pdf: first, margins: pdf([{ text: '1' }]) }]), null, 'no margins for page 2');
    assert.equal(joinPdfPages([{ pdf: first }, { pdf: first }]), null, 'a destination in two parts');
    assert.equal(joinPdfPages([{ pdf: first }, { pdf: Buffer.from('%PDF-1.4\nnot a pdf') }]), null);
    const updated = replaceLeadingPdfPages(first, pdf([{ text: 'x' }]));
    assert.ok(updated !== null);
    assert.equal(joinPdfPages([{ pdf: updated }, { pdf: second }]), null, 'an incremental update is not what Chromium writes');
    assert.equal(joinPdfPages([]), null);
  });
});
