import { type PdfObject, pageObjects, readObject, readPdf, refOf, refsIn, rewriteRefs } from './pdfObjects.js';

/**
 * Replaces the first pages of a PDF that Chromium wrote with the pages of another PDF Chromium wrote, as an
 * incremental update (ISO 32000-1, 7.5.6): the original bytes are kept, and appended after them come the
 * replacement pages (same object numbers as the pages they replace, so the page tree, the named
 * destinations and every link keep working), the objects those pages use (content streams, fonts,
 * annotations; renumbered), a cross-reference section for them and a trailer pointing back at the old one.
 *
 * This is how a report's table of contents gets its page numbers with one print of the whole report: the
 * report is printed once with placeholders, the pages of its sections read from that PDF
 * (computePdfDestinationPages), and only the contents pages printed again with the numbers and put in.
 *
 * Only what Chromium's PDF writer (Skia) produces is understood: one classic cross-reference table, plain
 * (not compressed) objects, direct or indirect stream lengths. Anything else gives null, never a damaged file.
 */
export function replaceLeadingPdfPages(base: Uint8Array, front: Uint8Array): Uint8Array | null {
  const into = readPdf(base);
  const from = readPdf(front);
  if (into === null || from === null) return null;
  const intoPages = pageObjects(into);
  const fromPages = pageObjects(from);
  if (intoPages === null || fromPages === null || fromPages.length === 0 || fromPages.length > intoPages.length) return null;

  // Front objects that are not copied but stand for base objects: its pages (by position) and page-tree nodes (the replaced page's parent).
  const renumber = new Map<number, number>();
  fromPages.forEach(({ ref }, i) => renumber.set(ref, intoPages[i].ref));
  let next = into.size;
  const copied: { num: number; from: number }[] = [];
  const pending: number[] = [];
  const visit = (ref: number): boolean => {
    if (renumber.has(ref)) return true;
    const object = readObject(from, ref);
    if (object === null) return false;
    if (/\/Type\s*\/Pages\b/.test(object.head)) return false; // only a page's /Parent leads here, and that is mapped per page
    renumber.set(ref, next);
    copied.push({ num: next, from: ref });
    next += 1;
    pending.push(ref);
    return true;
  };
  const pages: { head: string; parent: number }[] = [];
  for (const { ref } of fromPages) {
    const page = readObject(from, ref);
    if (page === null || page.stream !== null) return null;
    const parent = refOf(page.head, 'Parent');
    if (parent === null) return null;
    pages.push({ head: page.head, parent });
    for (const num of refsIn(page.head)) if (num !== parent && !visit(num)) return null;
  }
  while (pending.length > 0) {
    const object = readObject(from, pending.pop() as number);
    if (object === null) return null;
    for (const num of refsIn(object.head)) if (!visit(num)) return null;
  }

  const chunks: Uint8Array[] = [into.bytes];
  let offset = into.bytes.length;
  if (into.bytes[offset - 1] !== 0x0a) {
    chunks.push(Buffer.from('\n', 'latin1'));
    offset += 1;
  }
  const offsets = new Map<number, number>();
  const add = (num: number, head: string, stream: Buffer | null) => {
    offsets.set(num, offset);
    const parts: Uint8Array[] = [Buffer.from(`${num} 0 obj\n${head}`, 'latin1')];
    if (stream !== null) parts.push(Buffer.from(' stream\n', 'latin1'), stream, Buffer.from('\nendstream', 'latin1'));
    parts.push(Buffer.from('\nendobj\n', 'latin1'));
    for (const part of parts) {
      chunks.push(part);
      offset += part.length;
    }
  };
  // Each page's own dictionary, under its number in the base and with the base page's parent.
  pages.forEach(({ head, parent }, i) => add(intoPages[i].ref, rewriteRefs(head, (num) => (num === parent ? intoPages[i].parent : (renumber.get(num) as number))), null));
  for (const { num, from: ref } of copied) {
    const object = readObject(from, ref) as PdfObject;
    // A stream's direct /Length stays right (the data is copied as is); an indirect one is copied along.
    add(num, rewriteRefs(object.head, (n) => renumber.get(n) as number), object.stream);
  }

  const xrefAt = offset;
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j += 1;
    xref += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k += 1) xref += `${String(offsets.get(numbers[k])).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  const info = into.info === null ? '' : `\n/Info ${into.info} 0 R`;
  xref += `trailer\n<</Size ${next}\n/Root ${into.root} 0 R${info}\n/Prev ${into.xrefAt}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  const out = Buffer.concat(chunks);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** The number of pages of a PDF Chromium wrote (its page tree's leaves); null when it cannot be read. */
export function countPdfPages(pdf: Uint8Array): number | null {
  const file = readPdf(pdf);
  return file === null ? null : (pageObjects(file)?.length ?? null);
}
