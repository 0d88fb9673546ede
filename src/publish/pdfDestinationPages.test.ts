import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computePdfDestinationPages } from './pdfDestinationPages.js';

/** A PDF's objects as Chromium (Skia) writes them: a page tree of nested /Pages nodes and named destinations. */
function pdf(objects: readonly string[]): Uint8Array {
  return Buffer.from(`%PDF-1.4\n${objects.join('\n')}\ntrailer\n<</Root 1 0 R>>\n%%EOF\n`, 'latin1');
}

describe('computePdfDestinationPages', () => {
  it('numbers pages in page-tree order through nested nodes and maps each destination to its page', () => {
    const file = pdf([
      '1 0 obj\n<</Type /Catalog\n/Pages 2 0 R\n/Dests 9 0 R>>\nendobj',
      '2 0 obj\n<</Type /Pages\n/Count 3\n/Kids [3 0 R 6 0 R]>>\nendobj',
      '3 0 obj\n<</Type /Pages\n/Count 2\n/Kids [5 0 R 4 0 R]\n/Parent 2 0 R>>\nendobj',
      '4 0 obj\n<</Type /Page\n/Parent 3 0 R>>\nendobj',
      '5 0 obj\n<</Type /Page\n/Parent 3 0 R>>\nendobj',
      '6 0 obj\n<</Type /Page\n/Parent 2 0 R>>\nendobj',
      '9 0 obj\n<</t-os [6 0 R /XYZ 0 841.91998 0]\n/sec-safety [4 0 R /XYZ 0 800 0]\n/s#2DA#20B [5 0 R /XYZ 0 841.91998 0]\n/gone [77 0 R /XYZ 0 1 0]>>\nendobj',
    ]);
    const pages = computePdfDestinationPages(file);
    assert.deepEqual(Object.fromEntries(pages), { 's-A B': 1, 'sec-safety': 2, 't-os': 3 });
  });

  it('gives an empty map, not guesses, for a PDF without named destinations or a page tree', () => {
    assert.equal(computePdfDestinationPages(pdf(['1 0 obj\n<</Type /Catalog\n/Pages 2 0 R>>\nendobj'])).size, 0);
    assert.equal(computePdfDestinationPages(Buffer.from('not a pdf')).size, 0);
  });

  it('survives a page tree that points back at itself', () => {
    const file = pdf(['1 0 obj\n<</Type /Catalog\n/Pages 2 0 R\n/Dests 9 0 R>>\nendobj', '2 0 obj\n<</Type /Pages\n/Kids [2 0 R 3 0 R]>>\nendobj', '3 0 obj\n<</Type /Page>>\nendobj', '9 0 obj\n<</a [3 0 R /XYZ 0 0 0]>>\nendobj']);
    assert.deepEqual(Object.fromEntries(computePdfDestinationPages(file)), { a: 1 });
  });
});
