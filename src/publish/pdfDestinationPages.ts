/**
 * The page (1-based) each named destination of a PDF lands on, read from the document Chromium writes:
 * every `<a href="#id">` target becomes a named destination in the catalog's /Dests dictionary,
 * `/id [pageRef /XYZ x y zoom]`, and the page tree's /Kids give each page object its number. Chromium
 * cannot number a table of contents itself (no CSS target-counter in print), so the report is printed
 * once, the pages of its sections read from here, and its contents pages printed again with the numbers
 * filled in (replaceLeadingPdfPages).
 * Only what Chromium's PDF writer (Skia) produces is understood: plain (not compressed) objects for the
 * catalog, the page tree and the destinations. Anything else gives an empty map, never a wrong number.
 */
export function computePdfDestinationPages(pdf: Uint8Array): Map<string, number> {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const objects = new Map<number, string>();
  for (const match of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b([\s\S]*?)\bendobj/g)) objects.set(Number(match[1]), match[2]);
  const catalog = [...objects.values()].find((body) => /\/Type\s*\/Catalog\b/.test(body));
  const pagesRef = catalog === undefined ? null : refOf(catalog, 'Pages');
  const destsRef = catalog === undefined ? null : refOf(catalog, 'Dests');
  if (pagesRef === null || destsRef === null) return new Map();
  const pageNumbers = new Map<number, number>();
  numberPages(objects, pagesRef, pageNumbers, new Set());
  const dests = objects.get(destsRef) ?? '';
  const out = new Map<string, number>();
  for (const match of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R\b/g)) {
    const page = pageNumbers.get(Number(match[2]));
    if (page !== undefined) out.set(decodeName(match[1]), page);
  }
  return out;
}

function refOf(body: string, key: string): number | null {
  const match = new RegExp(`/${key}\\s+(\\d+) 0 R\\b`).exec(body);
  return match === null ? null : Number(match[1]);
}

/** Walks the page tree in order, numbering leaves; a node seen twice (a malformed tree) is not followed again. */
function numberPages(objects: ReadonlyMap<number, string>, ref: number, numbers: Map<number, number>, seen: Set<number>): void {
  if (seen.has(ref)) return;
  seen.add(ref);
  const body = objects.get(ref) ?? '';
  if (!/\/Type\s*\/Pages\b/.test(body)) {
    numbers.set(ref, numbers.size + 1);
    return;
  }
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
  for (const kid of kids.matchAll(/(\d+) 0 R\b/g)) numberPages(objects, Number(kid[1]), numbers, seen);
}

/** A PDF name with its #xx escapes decoded (ids with characters outside the regular set). */
function decodeName(name: string): string {
  const bytes = Buffer.from(name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  return bytes.toString('utf8');
}
