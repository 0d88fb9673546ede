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

interface PdfFile {
  readonly bytes: Buffer;
  readonly text: string;
  readonly offsets: ReadonlyMap<number, number>;
  readonly size: number;
  readonly root: number;
  readonly info: number | null;
  readonly xrefAt: number;
}

interface PdfObject {
  /** The object's value (a dictionary, usually) as latin1 text. */
  readonly head: string;
  readonly stream: Buffer | null;
}

function readPdf(pdf: Uint8Array): PdfFile | null {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = bytes.toString('latin1');
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  if (tail === null) return null;
  const xrefAt = Number(tail[1]);
  if (!text.startsWith('xref', xrefAt)) return null;
  const offsets = new Map<number, number>();
  const lines = /^xref\r?\n([\s\S]*?)trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(text.slice(xrefAt));
  if (lines === null) return null;
  const section = lines[1];
  let at = 0;
  const header = /(\d+) (\d+)\s*\r?\n/y;
  const entry = /(\d{10}) (\d{5}) ([nf])\s{0,2}/y;
  while (at < section.length) {
    header.lastIndex = at;
    const h = header.exec(section);
    if (h === null) return null;
    at = header.lastIndex;
    for (let i = 0; i < Number(h[2]); i += 1) {
      entry.lastIndex = at;
      const e = entry.exec(section);
      if (e === null) return null;
      at = entry.lastIndex;
      if (e[3] === 'n') offsets.set(Number(h[1]) + i, Number(e[1]));
    }
  }
  const trailer = lines[2];
  if (/\/Prev\b/.test(trailer)) return null; // an already updated file: not what Chromium writes
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = refOf(trailer, 'Root');
  if (size === null || root === null) return null;
  return { bytes, text, offsets, size: Number(size[1]), root, info: refOf(trailer, 'Info'), xrefAt };
}

/** The pages in page-tree order, each with the page-tree node it hangs from; null for a tree it cannot walk. */
function pageObjects(pdf: PdfFile): { ref: number; parent: number }[] | null {
  const catalog = readObject(pdf, pdf.root);
  const pagesRef = catalog === null ? null : refOf(catalog.head, 'Pages');
  if (pagesRef === null) return null;
  const out: { ref: number; parent: number }[] = [];
  const seen = new Set<number>();
  const walk = (ref: number, parent: number): boolean => {
    if (seen.has(ref)) return false;
    seen.add(ref);
    const node = readObject(pdf, ref);
    if (node === null) return false;
    if (!/\/Type\s*\/Pages\b/.test(node.head)) {
      out.push({ ref, parent });
      return true;
    }
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node.head)?.[1] ?? '';
    for (const kid of kids.matchAll(/(\d+) 0 R\b/g)) if (!walk(Number(kid[1]), ref)) return false;
    return true;
  };
  return walk(pagesRef, -1) ? out : null;
}

function readObject(pdf: PdfFile, num: number): PdfObject | null {
  const at = pdf.offsets.get(num);
  if (at === undefined) return null;
  const start = new RegExp(`${num} 0 obj\\s*`, 'y');
  start.lastIndex = at;
  if (start.exec(pdf.text) === null) return null;
  const headStart = start.lastIndex;
  const headEnd = endOfValue(pdf.text, headStart);
  if (headEnd < 0) return null;
  const head = pdf.text.slice(headStart, headEnd);
  const after = /\s*(stream\r?\n|endobj)/y;
  after.lastIndex = headEnd;
  const keyword = after.exec(pdf.text);
  if (keyword === null) return null;
  if (keyword[1] === 'endobj') return { head, stream: null };
  const dataStart = after.lastIndex;
  const direct = /\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(head);
  const indirect = refOf(head, 'Length');
  let length: number | null = direct === null ? null : Number(direct[1]);
  if (length === null && indirect !== null) {
    const value = readObject(pdf, indirect);
    length = value === null || !/^\d+$/.test(value.head.trim()) ? null : Number(value.head.trim());
  }
  if (length === null || !/^\s*endstream/.test(pdf.text.slice(dataStart + length, dataStart + length + 16))) return null;
  return { head, stream: pdf.bytes.subarray(dataStart, dataStart + length) };
}

/**
 * Where the PDF value starting at `at` ends: a dictionary or array with its nesting, strings skipped
 * (a parenthesis or bracket in a string is text), otherwise up to the keyword that follows the value.
 */
function endOfValue(text: string, at: number): number {
  let depth = 0;
  let i = at;
  while (i < text.length) {
    const c = text[i];
    if (c === '(') {
      i = endOfString(text, i);
      if (i < 0) return -1;
      continue;
    }
    if (c === '<' && text[i + 1] !== '<') {
      // A hexadecimal string.
      const close = text.indexOf('>', i);
      if (close < 0) return -1;
      i = close + 1;
      if (depth === 0) return i;
      continue;
    }
    if (c === '<' && text[i + 1] === '<') {
      depth += 1;
      i += 2;
    } else if (c === '>' && text[i + 1] === '>') {
      depth -= 1;
      i += 2;
    } else if (c === '[') {
      depth += 1;
      i += 1;
    } else if (c === ']') {
      depth -= 1;
      i += 1;
    } else if (depth === 0 && (text.startsWith('endobj', i) || text.startsWith('stream', i))) {
      return i;
    } else i += 1;
    if (depth === 0 && (c === '>' || c === ']')) return i;
    if (depth < 0) return -1;
  }
  return -1;
}

/** The index after a literal string's closing parenthesis: balanced parentheses and backslash escapes. */
function endOfString(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\') i += 1;
    else if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Applies `edit` to the parts of a value outside literal strings (where references can be). */
function outsideStrings(head: string, edit: (part: string) => string): string {
  let out = '';
  let i = 0;
  while (i < head.length) {
    const open = head.indexOf('(', i);
    if (open < 0) break;
    const close = endOfString(head, open);
    if (close < 0) break;
    out += edit(head.slice(i, open)) + head.slice(open, close);
    i = close;
  }
  return out + edit(head.slice(i));
}

function refsIn(head: string): number[] {
  const refs: number[] = [];
  outsideStrings(head, (part) => {
    for (const match of part.matchAll(/\b(\d+) 0 R\b/g)) refs.push(Number(match[1]));
    return part;
  });
  return refs;
}

function rewriteRefs(head: string, map: (num: number) => number): string {
  return outsideStrings(head, (part) => part.replace(/\b(\d+) 0 R\b/g, (_, num: string) => `${map(Number(num))} 0 R`));
}

function refOf(body: string, key: string): number | null {
  const match = new RegExp(`/${key}\\s+(\\d+) 0 R\\b`).exec(body);
  return match === null ? null : Number(match[1]);
}
