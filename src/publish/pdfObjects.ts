/**
 * Reading the PDF files Chromium's writer (Skia) produces: one classic cross-reference table, plain (not
 * compressed) objects, direct or indirect stream lengths. Anything else reads as null, so that the callers
 * (replaceLeadingPdfPages, joinPdfPages) give up instead of writing a damaged file.
 */

export interface PdfFile {
  readonly bytes: Buffer;
  readonly text: string;
  readonly offsets: ReadonlyMap<number, number>;
  readonly size: number;
  readonly root: number;
  readonly info: number | null;
  readonly xrefAt: number;
}

export interface PdfObject {
  /** The object's value (a dictionary, usually) as latin1 text. */
  readonly head: string;
  readonly stream: Buffer | null;
}

export function readPdf(pdf: Uint8Array): PdfFile | null {
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
export function pageObjects(pdf: PdfFile): { ref: number; parent: number }[] | null {
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

export function readObject(pdf: PdfFile, num: number): PdfObject | null {
  const at = pdf.offsets.get(num);
  if (at === undefined) return null;
  // Not a RegExp per object: a join reads thousands of objects.
  const keyword = `${num} 0 obj`;
  if (!pdf.text.startsWith(keyword, at)) return null;
  let headStart = at + keyword.length;
  while (headStart < pdf.text.length && /\s/.test(pdf.text[headStart])) headStart += 1;
  const headEnd = endOfValue(pdf.text, headStart);
  if (headEnd < 0) return null;
  const head = pdf.text.slice(headStart, headEnd);
  const after = /\s*(stream\r?\n|endobj)/y;
  after.lastIndex = headEnd;
  const end = after.exec(pdf.text);
  if (end === null) return null;
  if (end[1] === 'endobj') return { head, stream: null };
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
export function endOfValue(text: string, at: number): number {
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

export function refsIn(head: string): number[] {
  const refs: number[] = [];
  outsideStrings(head, (part) => {
    for (const match of part.matchAll(/\b(\d+) 0 R\b/g)) refs.push(Number(match[1]));
    return part;
  });
  return refs;
}

export function rewriteRefs(head: string, map: (num: number) => number): string {
  return outsideStrings(head, (part) => part.replace(/\b(\d+) 0 R\b/g, (_, num: string) => `${map(Number(num))} 0 R`));
}

export function refOf(body: string, key: string): number | null {
  const match = new RegExp(`/${key}\\s+(\\d+) 0 R\\b`).exec(body);
  return match === null ? null : Number(match[1]);
}
