import { endOfValue, pageObjects, type PdfFile, readObject, readPdf, refOf, refsIn, rewriteRefs } from './pdfObjects.js';

/**
 * Joins PDFs that Chromium wrote into one, for a report printed in parts at once (one part per renderer
 * process): the parts' pages in order under one page tree, their named destinations merged (every link
 * names its target, `/Dest /id`, so a link in one part to a section in another works once joined), and,
 * for a part printed without page-margin boxes, a margins PDF drawn on its pages: its page k (the running
 * header and 'Page k of N', which that part could not number) as a form XObject under the part's page k,
 * drawn first, as Chromium draws its page-margin boxes.
 * A fresh file is written (one cross-reference table), so replaceLeadingPdfPages can update it further.
 * Only what Chromium writes is understood (see pdfObjects); anything else gives null, never a damaged file.
 */

export interface PdfPart {
  readonly pdf: Uint8Array;
  /** The first page (1-based) taken from this part; the pages before it, and the destinations on them, are left out. */
  readonly fromPage?: number;
  /** A PDF whose page k is drawn under this part's page k (of the same size); the same file may serve several parts. */
  readonly margins?: Uint8Array;
}

/** The resource name of the margins' form XObject on each page. */
const MARGINS_NAME = 'TkMargins';

class JoinError extends Error {}

function fail(why: string): never {
  throw new JoinError(why);
}

/** The output file: objects by number, written in order with one cross-reference table. */
class PdfWriter {
  // Text and stream data kept apart until the end, then copied once into the file (a join writes thousands of objects).
  readonly #objects: ({ readonly text: string; readonly stream: Buffer | null } | undefined)[] = [undefined];

  reserve(): number {
    this.#objects.push(undefined);
    return this.#objects.length - 1;
  }

  set(num: number, head: string, stream: Buffer | null): void {
    this.#objects[num] = { text: `${num} 0 obj\n${head}`, stream };
  }

  bytes(header: string, trailer: string): Uint8Array {
    const pieces: (string | Buffer)[] = [header];
    let offset = header.length;
    const push = (piece: string | Buffer) => {
      pieces.push(piece);
      offset += piece.length;
    };
    let xref = `xref\n0 ${this.#objects.length}\n0000000000 65535 f \n`;
    for (let num = 1; num < this.#objects.length; num += 1) {
      const object = this.#objects[num];
      if (object === undefined) {
        xref += '0000000000 65535 f \n';
        continue;
      }
      xref += `${String(offset).padStart(10, '0')} 00000 n \n`;
      if (object.stream === null) push(`${object.text}\nendobj\n`);
      else {
        push(`${object.text} stream\n`);
        push(object.stream);
        push('\nendstream\nendobj\n');
      }
    }
    push(`${xref}trailer\n<</Size ${this.#objects.length}\n${trailer}>>\nstartxref\n${offset}\n%%EOF\n`);
    const out = Buffer.allocUnsafe(offset);
    let at = 0;
    for (const piece of pieces) at += typeof piece === 'string' ? out.write(piece, at, 'latin1') : piece.copy(out, at);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
}

/**
 * Copies objects of one input file into the output, renumbered, with the objects they refer to. Font
 * subsets are renamed when a tag is already taken: every part names its first subset AAAAAA+, and
 * different subsets in one file must have different tags (ISO 32000-1, 9.6.4).
 */
class Copier {
  readonly #numbers = new Map<number, number>();
  readonly #pending: number[] = [];
  readonly #tags = new Map<string, string>();

  constructor(
    readonly file: PdfFile,
    private readonly out: PdfWriter,
    private readonly usedTags: Set<string>,
  ) {}

  /** The output number of an object, which is copied along (with what it refers to) by drain. */
  visit(ref: number): number {
    const known = this.#numbers.get(ref);
    if (known !== undefined) return known;
    const num = this.out.reserve();
    this.#numbers.set(ref, num);
    this.#pending.push(ref);
    return num;
  }

  /** Gives an object its output number without copying it (a page, written by the caller). */
  place(ref: number): number {
    const num = this.out.reserve();
    this.#numbers.set(ref, num);
    return num;
  }

  numberOf(ref: number): number | undefined {
    return this.#numbers.get(ref);
  }

  drain(): void {
    while (this.#pending.length > 0) {
      const ref = this.#pending.pop() as number;
      const object = readObject(this.file, ref) ?? fail(`object ${ref} cannot be read`);
      // A page-tree node is reached only through a page's /Parent, which the caller maps to the new tree.
      if (/\/Type\s*\/Pages\b/.test(object.head)) fail('a page-tree node is referred to from outside the tree');
      const head = rewriteRefs(this.#retag(object.head), (num) => this.visit(num));
      this.out.set(this.#numbers.get(ref) as number, head, object.stream);
    }
  }

  #retag(head: string): string {
    if (!/\/Type\s*\/(Font|FontDescriptor)\b/.test(head)) return head;
    return head.replace(/\/(BaseFont|FontName)\s*\/([A-Z]{6})\+/g, (_, key: string, tag: string) => `/${key} /${this.#tagFor(tag)}+`);
  }

  #tagFor(tag: string): string {
    let renamed = this.#tags.get(tag);
    if (renamed === undefined) {
      renamed = tag;
      for (let i = 0; this.usedTags.has(renamed); i += 1) renamed = `TK${letters(i)}`;
      this.usedTags.add(renamed);
      this.#tags.set(tag, renamed);
    }
    return renamed;
  }
}

/** Four capital letters numbering i (AAAA, AAAB, ...). */
function letters(i: number): string {
  let out = '';
  for (let k = 0, n = i; k < 4; k += 1, n = Math.floor(n / 26)) out = String.fromCharCode(65 + (n % 26)) + out;
  return out;
}

/** The value of `key` in a dictionary's text, with where it starts and ends; null when absent. */
function valueOf(head: string, key: string): { text: string; start: number; end: number } | null {
  const match = new RegExp(`/${key}(?![\\w.#-])\\s*`).exec(head);
  if (match === null) return null;
  const start = match.index + match[0].length;
  const refMatch = /^\d+ \d+ R\b/.exec(head.slice(start));
  const end = refMatch !== null ? start + refMatch[0].length : endOfValue(head, start);
  if (end < 0) fail(`the value of /${key} cannot be read`);
  return { text: head.slice(start, end), start, end };
}

function numbers(text: string): number[] {
  return (text.match(/-?\d*\.?\d+/g) ?? []).map(Number);
}

/** The named destinations of a file, `name -> [pageRef, rest of the array]`; only arrays that start with a page reference. */
function destinations(file: PdfFile, catalog: string): Map<string, { page: number; rest: string }> {
  const out = new Map<string, { page: number; rest: string }>();
  const value = valueOf(catalog, 'Dests');
  if (value === null) return out;
  const ref = refOf(catalog, 'Dests') ?? fail('inline /Dests');
  const dests = readObject(file, ref) ?? fail('the /Dests dictionary cannot be read');
  for (const match of dests.head.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R\b([^\]]*)\]/g)) {
    if (/\bR\b/.test(match[3])) fail(`destination ${match[1]} refers to more than its page`);
    out.set(match[1], { page: Number(match[2]), rest: match[3] });
  }
  return out;
}

export function joinPdfPages(parts: readonly PdfPart[]): Uint8Array | null {
  try {
    return join(parts);
  } catch (error) {
    if (error instanceof JoinError) return null;
    throw error;
  }
}

function join(parts: readonly PdfPart[]): Uint8Array {
  if (parts.length === 0) fail('nothing to join');
  const out = new PdfWriter();
  const root = out.reserve();
  const catalogNum = out.reserve();
  const destsNum = out.reserve();
  const usedTags = new Set<string>();
  const marginSources = new Map<Uint8Array, ReturnType<typeof marginsSource>>();
  const kids: number[] = [];
  const dests = new Map<string, string>();
  let header = '';
  let catalogHead = '';
  let infoNum: number | null = null;
  for (const [index, part] of parts.entries()) {
    const file = readPdf(part.pdf) ?? fail(`part ${index + 1} cannot be read`);
    const pages = pageObjects(file) ?? fail(`part ${index + 1}: its page tree cannot be read`);
    const from = part.fromPage ?? 1;
    if (!Number.isInteger(from) || from < 1 || from > pages.length) fail(`part ${index + 1}: no page ${from}`);
    const copier = new Copier(file, out, usedTags);
    let margin: ReturnType<typeof marginsSource> | null = null;
    if (part.margins !== undefined) {
      margin = marginSources.get(part.margins) ?? marginsSource(part.margins, out, usedTags);
      marginSources.set(part.margins, margin);
    }
    const catalog = readObject(file, file.root) ?? fail(`part ${index + 1}: no catalog`);
    if (index === 0) {
      header = file.text.slice(0, file.text.indexOf('\n', file.text.indexOf('\n') + 1) + 1);
      if (!header.startsWith('%PDF-')) fail('no PDF header');
      catalogHead = catalog.head;
      if (file.info !== null) infoNum = copier.visit(file.info);
    }
    const kept = pages.slice(from - 1);
    for (const { ref } of kept) kids.push(copier.place(ref));
    const firstIndex = kids.length - kept.length;
    kept.forEach(({ ref }, i) => {
      const page = readObject(file, ref) ?? fail(`page object ${ref} cannot be read`);
      if (page.stream !== null) fail('a page with a stream');
      const parent = refOf(page.head, 'Parent') ?? fail('a page without a parent');
      const head = rewriteRefs(page.head, (num) => (num === parent ? root : copier.visit(num)));
      out.set(kids[firstIndex + i], margin === null ? head : margin.drawOn(head, from - 1 + i), null);
    });
    for (const [name, { page, rest }] of destinations(file, catalog.head)) {
      const num = kept.some((p) => p.ref === page) ? copier.numberOf(page) : undefined;
      if (num === undefined) continue; // on a page left out
      if (dests.has(name)) fail(`destination ${name} is in two parts`);
      dests.set(name, `/${name} [${num} 0 R${rest}]`);
    }
    copier.drain();
    margin?.drain();
  }
  out.set(root, `<</Type /Pages\n/Count ${kids.length}\n/Kids [${kids.map((k) => `${k} 0 R`).join(' ')}]>>`, null);
  out.set(destsNum, `<<${[...dests.values()].join('\n')}>>`, null);
  out.set(catalogNum, catalogWith(catalogHead, root, destsNum), null);
  return out.bytes(header, `/Root ${catalogNum} 0 R${infoNum === null ? '' : `\n/Info ${infoNum} 0 R`}`);
}

/** The first part's catalog, pointing at the joined page tree and destinations; one that refers to anything else is not understood. */
function catalogWith(head: string, root: number, dests: number): string {
  const pages = refOf(head, 'Pages');
  const old = refOf(head, 'Dests');
  if (refsIn(head).some((num) => num !== pages && num !== old)) fail('the catalog refers to more than its pages and destinations');
  const withPages = head.replace(/\/Pages\s+\d+ 0 R\b/, `/Pages ${root} 0 R`);
  return old === null ? withPages.replace(/>>\s*$/, `\n/Dests ${dests} 0 R>>`) : withPages.replace(/\/Dests\s+\d+ 0 R\b/, `/Dests ${dests} 0 R`);
}

/** A margins PDF: its page k becomes a form XObject, drawn first on a part's page k (of the same size). */
function marginsSource(margins: Uint8Array, out: PdfWriter, usedTags: Set<string>) {
  const file = readPdf(margins) ?? fail('the margins cannot be read');
  const pages = pageObjects(file) ?? fail('the margins: their page tree cannot be read');
  const copier = new Copier(file, out, usedTags);
  // One content stream for every page: draws the page's margins form, with the graphics state kept apart.
  const drawNum = out.reserve();
  const draw = `q /${MARGINS_NAME} Do Q\n`;
  out.set(drawNum, `<</Length ${draw.length}>>`, Buffer.from(draw, 'latin1'));
  const drawOn = (pageHead: string, index: number): string => {
    if (index >= pages.length) fail('more pages than margins');
    const page = readObject(file, pages[index].ref) ?? fail('a margins page cannot be read');
    const box = valueOf(page.head, 'MediaBox') ?? fail('a margins page without a MediaBox');
    const target = numbers(valueOf(pageHead, 'MediaBox')?.text ?? '');
    const own = numbers(box.text);
    if (own.length !== 4 || target.length !== 4 || own.some((v, i) => Math.abs(v - target[i]) > 0.01)) fail(`page ${index + 1}: the margins are for another page size`);
    const contents = refOf(page.head, 'Contents') ?? fail('margins page contents that are not one stream');
    const stream = readObject(file, contents) ?? fail('margins page contents cannot be read');
    if (stream.stream === null || !stream.head.trim().startsWith('<<')) fail('margins page contents that are not a stream');
    const resources = valueOf(page.head, 'Resources') ?? fail('a margins page without resources');
    if (!resources.text.startsWith('<<')) fail('indirect margins resources');
    const form = out.reserve();
    const streamKeys = rewriteRefs(stream.head.trim().slice(2, -2), (num) => copier.visit(num));
    const formHead = `<</Type /XObject\n/Subtype /Form\n/BBox ${box.text}\n/Resources ${rewriteRefs(resources.text, (num) => copier.visit(num))}\n${streamKeys.trim()}>>`;
    out.set(form, formHead, stream.stream);
    return withMarginsForm(pageHead, form, drawNum);
  };
  return { drawOn, drain: () => copier.drain() };
}

/** A page drawing the margins form first: the form in its resources, the drawing stream before its contents. */
function withMarginsForm(head: string, form: number, draw: number): string {
  if (head.includes(`/${MARGINS_NAME}`)) fail(`a page already names ${MARGINS_NAME}`);
  const resources = valueOf(head, 'Resources') ?? fail('a page without resources');
  if (!resources.text.startsWith('<<')) fail('indirect page resources');
  const entry = `/${MARGINS_NAME} ${form} 0 R`;
  const xobjects = valueOf(resources.text, 'XObject');
  let newResources: string;
  if (xobjects === null) newResources = `<</XObject <<${entry}>>\n${resources.text.slice(2)}`;
  else if (xobjects.text.startsWith('<<')) newResources = `${resources.text.slice(0, xobjects.start + 2)}${entry}\n${resources.text.slice(xobjects.start + 2)}`;
  else fail('indirect XObject resources');
  const withResources = head.slice(0, resources.start) + newResources + head.slice(resources.end);
  const contents = valueOf(withResources, 'Contents') ?? fail('a page without contents');
  const list = contents.text.startsWith('[') ? contents.text.slice(1, -1).trim() : contents.text;
  return `${withResources.slice(0, contents.start)}[${draw} 0 R ${list}]${withResources.slice(contents.end)}`;
}
