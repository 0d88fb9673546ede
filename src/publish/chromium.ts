import { accessSync, constants } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { computePdfDestinationPages } from './pdfDestinationPages.js';
import { joinPdfPages, type PdfPart } from './pdfJoin.js';
import { countPdfPages, replaceLeadingPdfPages } from './pdfReplacePages.js';

/**
 * Chromium as a printer: HTML to PDF and SVG to PNG, driving the Debian browser with playwright-core
 * (nothing is downloaded at install time). One launch can serve every figure and the PDF of a report.
 */

export type ChromiumLookup = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly message: string };

/** Where Debian and Ubuntu put the browser; TRIALKIT_CHROMIUM, when set, is tried first. */
export const CHROMIUM_CANDIDATES: readonly string[] = Object.freeze(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']);

// Without the networking flags Chromium keeps calling home and floods a closed network (toolchain.md).
export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findChromium(options: { readonly candidates?: readonly string[]; readonly envPath?: string } = {}): ChromiumLookup {
  const fromEnv = options.envPath ?? process.env.TRIALKIT_CHROMIUM;
  const candidates = [...(fromEnv === undefined || fromEnv === '' ? [] : [fromEnv]), ...(options.candidates ?? CHROMIUM_CANDIDATES)];
  const path = candidates.find(isExecutable);
  if (path !== undefined) return Object.freeze({ ok: true, path });
  return Object.freeze({
    ok: false,
    message:
      `Chromium was not found (looked for ${candidates.join(', ')}). PDF and PNG output need it: ` +
      'install it with "apt-get install -y chromium", or set TRIALKIT_CHROMIUM to the browser executable.',
  });
}

/** Launches Chromium (found by findChromium unless given); the caller closes it. */
export async function launchChromium(executablePath?: string): Promise<Browser> {
  if (executablePath === undefined) {
    const found = findChromium();
    if (!found.ok) throw new Error(found.message);
    executablePath = found.path;
  }
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}

/** Launches Chromium once, runs `fn` with it and closes it, even when `fn` throws. */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>, options: { readonly executablePath?: string } = {}): Promise<T> {
  const browser = await launchChromium(options.executablePath);
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

async function usingBrowser<T>(browser: Browser | undefined, fn: (browser: Browser) => Promise<T>): Promise<T> {
  return browser === undefined ? withBrowser(fn) : fn(browser);
}

/** A fresh offline page: the report is self-contained, and a stray external URL must fail fast, not hang. */
async function withPage<T>(browser: Browser, viewport: { width: number; height: number; deviceScaleFactor: number }, fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({
    offline: true,
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: viewport.deviceScaleFactor,
  });
  try {
    return await fn(await context.newPage());
  } finally {
    await context.close();
  }
}

/** A CSS string literal: quotes and backslashes escaped, a line break as \A, '<' escaped so that no text closes the style element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `).replace(/\r?\n/g, '\\A ')}"`;
}

export interface PdfOptions {
  /** A browser from withBrowser, to reuse one launch; otherwise one is launched for this PDF. */
  readonly browser?: Browser;
  /** Printed at the top of every page (e.g. the trial and 'SYNTHETIC'); none when omitted. */
  readonly headerText?: string;
  /** Printed at the bottom left of every page, before 'Page n of N'. */
  readonly footerText?: string;
  readonly landscape?: boolean;
  /** A page from openPrintPage, opened ahead of time; used (and left open) instead of a new one. */
  readonly page?: Page;
  /**
   * With `page`, a second page from openPrintPage (another browser context, so another renderer process):
   * the report is then printed in two parts at once, one on each (renderPdfInParts), when it can be split.
   */
  readonly secondPage?: Page;
}

/**
 * The print page's window is wider than any printed page (A4 landscape is 1123 CSS px): the report is
 * hidden at this width (SCREEN_HIDDEN_STYLE), so that Chromium does not lay all of it out for the screen
 * (on the demo report about as long as laying it out for print), and printing, at the paper's width, shows it.
 */
const PRINT_VIEWPORT = { width: 4000, height: 900, deviceScaleFactor: 1 };
const SCREEN_HIDDEN_STYLE = '<style>@media (min-width: 3000px) { html { display: none !important; } }</style>';

/**
 * An offline page to print a report on, opened before the HTML exists (writeReport opens it while the
 * figures are drawn); closing the browser closes it.
 */
export async function openPrintPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ offline: true, viewport: { width: PRINT_VIEWPORT.width, height: PRINT_VIEWPORT.height }, deviceScaleFactor: PRINT_VIEWPORT.deviceScaleFactor });
  return context.newPage();
}

/** Counts the page references and gives each a placeholder as wide as a three-digit page number. */
const PAGE_REFERENCES_SCRIPT = `(() => {
  const nodes = document.querySelectorAll('[data-page-of]');
  for (const node of nodes) node.textContent = '000';
  return nodes.length;
})()`;

const FORCED_BREAKS = ['page', 'left', 'right', 'recto', 'verso'];

/**
 * Fills each page reference from { id: page } (a string: the project compiles without the DOM library),
 * then hides everything after the front matter, the part of the document up to the first forced page
 * break after the last page reference (the report's title and contents; break-after on nav.toc), so that
 * printing again gives just those pages, as they are in the whole. Returns the first id after that break
 * that has a page in `pages` (for the caller to check the front ends where the rest begins), or null when
 * there is no such break or id (the caller then prints the whole again). SHOW_ALL_SCRIPT undoes the hiding.
 */
function fillPageReferencesScript(pages: Readonly<Record<string, number>>): string {
  return `(() => {
  const pages = ${JSON.stringify(pages)};
  const refs = document.querySelectorAll('[data-page-of]');
  for (const node of refs) {
    const page = pages[node.getAttribute('data-page-of')];
    node.textContent = page === undefined ? '' : String(page);
  }
  const forced = (value) => ${JSON.stringify(FORCED_BREAKS)}.includes(value);
  // A forced break before an element's first child is a break before the element (CSS Fragmentation 3, 3.1).
  const breaksBefore = (element) => {
    for (let e = element; e !== null; e = e.firstElementChild) if (forced(getComputedStyle(e).breakBefore)) return true;
    return false;
  };
  let node = refs[refs.length - 1];
  let split = null;
  while (node && node !== document.body && split === null) {
    const next = node.nextElementSibling;
    if (next === null) node = node.parentElement;
    else if (forced(getComputedStyle(node).breakAfter) || breaksBefore(next)) split = next;
    else node = next;
  }
  if (split === null) return null;
  const firstId = [split, ...split.querySelectorAll('[id]')].map((e) => e.id).find((id) => id !== '' && pages[id] !== undefined)
    ?? [...document.querySelectorAll('[id]')].filter((e) => split.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING).map((e) => e.id).find((id) => pages[id] !== undefined);
  if (firstId === undefined) return null;
  const style = document.createElement('style');
  style.id = 'trialkit-front-matter';
  style.textContent = '.trialkit-after-front { display: none !important; }';
  document.head.appendChild(style);
  for (let e = split; e !== null && e !== document.body; e = e.parentElement) {
    for (let sibling = e === split ? e : e.nextElementSibling; sibling !== null; sibling = sibling.nextElementSibling) sibling.classList.add('trialkit-after-front');
  }
  return firstId;
})()`;
}

const SHOW_ALL_SCRIPT = `(() => {
  document.getElementById('trialkit-front-matter')?.remove();
  for (const e of document.querySelectorAll('.trialkit-after-front')) e.classList.remove('trialkit-after-front');
})()`;

const MARGIN_STYLE_ID = 'trialkit-page-margins';

/**
 * The running header (top left) and footer ('footer text' bottom left, 'Page n of N' bottom right) as CSS
 * page-margin boxes: Chromium's header and footer templates are a document of their own laid out for each
 * page (about a second on the demo report). Placed where the templates put them: 20 px from the paper's
 * edge; the page number 1 px further in. `totalPages`: 'counter(pages)', or the whole's count as a CSS
 * string when only the front matter is printed.
 */
function pageMarginStyle(options: PdfOptions, totalPages: string): string {
  const font = 'font-family: Helvetica, Arial, sans-serif; font-size: 8px; color: #444;';
  return (
    `@page { @top-left { content: ${cssString(options.headerText ?? '')}; ${font} vertical-align: top; padding-top: 20px; } ` +
    `@bottom-left { content: ${cssString(options.footerText ?? '')}; ${font} vertical-align: bottom; padding-bottom: 20px; } ` +
    `@bottom-right { content: "Page " counter(page) " of " ${totalPages}; ${font} vertical-align: bottom; padding-bottom: 20px; padding-right: 1px; } }`
  );
}

/** The report with the print page's styles added to its head: hidden on the (wide) screen, and the page margins. */
function withPrintStyles(html: string, marginStyle: string, extra = ''): string {
  const styles = `${SCREEN_HIDDEN_STYLE}<style id="${MARGIN_STYLE_ID}">${marginStyle}</style>${extra}`;
  const head = html.search(/<\/head>/i);
  return head < 0 ? styles + html : html.slice(0, head) + styles + html.slice(head);
}

function setPageMarginStyleScript(marginStyle: string): string {
  return `(() => { document.getElementById(${JSON.stringify(MARGIN_STYLE_ID)}).textContent = ${JSON.stringify(marginStyle)}; })()`;
}

const OTHER_PART_CLASS = 'trialkit-other-part';
const LAID_OUT_CLASS = 'trialkit-laid-out';
const PARTS_STYLE = `<style>.${OTHER_PART_CLASS} { display: none !important; } .${LAID_OUT_CLASS} { visibility: hidden !important; }</style>`;

/** The share of the report's text (before the split) a part may have: a part much smaller than the other saves little and costs a second layout of the HTML. */
const SPLIT_SHARE = { min: 0.25, max: 0.75 };

/**
 * Splits the report in two parts at a forced page break near the middle of its text. Keeping the first,
 * the second is left out (display: none): the first part ends where the second begins a page in the
 * whole, so printed alone it gives the whole's first pages. Keeping the second, the first is laid out but
 * not drawn (visibility: hidden): its pages print blank with their margins, and the second part's pages are
 * the whole's, to the coordinate (left out, the first part would move the second up the document, and
 * Chromium's rounding of the larger coordinates of the whole moves text by up to 0.01 pt, enough to change
 * how pdftotext -layout spaces some lines), with the whole's page numbers. A split point is a child or grandchild of the body that breaks before itself,
 * after the page references (the front matter stays in the first part), whose ancestors have no top or
 * bottom padding or border (a part would show them on a page the whole does not). Returns the split point's
 * index among those elements (both pages must agree), or null when there is none in SPLIT_SHARE.
 */
function splitScript(keep: 'first' | 'second'): string {
  return `(() => {
  const forced = (value) => ${JSON.stringify(FORCED_BREAKS)}.includes(value);
  const breaksBefore = (element) => {
    for (let e = element; e !== null; e = e.firstElementChild) if (forced(getComputedStyle(e).breakBefore)) return true;
    return false;
  };
  const plain = (e) => {
    const s = getComputedStyle(e);
    return [s.paddingTop, s.paddingBottom, s.borderTopWidth, s.borderBottomWidth].every((v) => parseFloat(v) === 0);
  };
  const candidates = [];
  for (const child of document.body.children) candidates.push(child, ...child.children);
  const textBefore = new Map();
  const wanted = new Set(candidates);
  let length = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) length += node.data.length;
    else if (wanted.has(node)) textBefore.set(node, length);
  }
  const refs = document.querySelectorAll('[data-page-of]');
  const lastRef = refs.length === 0 ? null : refs[refs.length - 1];
  let best = null;
  candidates.forEach((e, index) => {
    const share = length === 0 ? 0 : textBefore.get(e) / length;
    if (share < ${SPLIT_SHARE.min} || share > ${SPLIT_SHARE.max}) return;
    if (lastRef !== null && !(lastRef.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING && !e.contains(lastRef))) return;
    if (!breaksBefore(e)) return;
    for (let a = e.parentElement; a !== null; a = a.parentElement) if (!plain(a)) return;
    if (best === null || Math.abs(share - 0.5) < best.distance) best = { index, distance: Math.abs(share - 0.5) };
  });
  if (best === null) return null;
  const split = candidates[best.index];
  for (let e = split; e !== document.body; e = e.parentElement) {
    if (${JSON.stringify(keep)} === 'first') for (let s = e === split ? e : e.nextElementSibling; s !== null; s = s.nextElementSibling) s.classList.add('${OTHER_PART_CLASS}');
    else for (let s = e.previousElementSibling; s !== null; s = s.previousElementSibling) s.classList.add('${LAID_OUT_CLASS}');
  }
  return best.index;
})()`;
}

/** CSS counters would restart in the second part; a report that uses them is printed whole. */
function mayPrintInParts(html: string): boolean {
  return !/counter-(reset|increment|set)\b|counters?\(/.test(html);
}

/**
 * The report printed in two parts at once, one on each page (each in its own renderer process, so on its
 * own core): both pages get the whole HTML and split it (splitScript). The second page prints the whole's
 * page sequence with its margin boxes, the first part's pages blank; the first page prints the first part
 * alone without margin boxes (it cannot know the page count), then its front matter again with the page
 * references filled in (from both parts' destinations). joinPdfPages puts together the first part's pages,
 * each drawn on the second print's blank page of the same number (its header and 'Page n of N'), and the
 * second part's pages. Null when the report cannot be split or a check fails (the caller then prints it whole).
 */
async function renderPdfInParts(html: string, options: PdfOptions, first: Page, second: Page): Promise<Uint8Array | null> {
  const prepare = async (page: Page, marginStyle: string) => {
    await page.emulateMedia({ media: 'print' });
    await page.setContent(withPrintStyles(html, marginStyle, PARTS_STYLE), { waitUntil: 'load' });
    const references = await page.evaluate<number>(PAGE_REFERENCES_SCRIPT);
    return { references, split: await page.evaluate<number | null>(splitScript(page === first ? 'first' : 'second')) };
  };
  const [one, two] = await Promise.all([prepare(first, ''), prepare(second, pageMarginStyle(options, 'counter(pages)'))]);
  if (one.split === null || one.split !== two.split) return null;
  const [a, b] = await Promise.all([printPage(first, options), printPage(second, options)]);
  const aCount = countPdfPages(a);
  const bCount = countPdfPages(b);
  if (aCount === null || bCount === null || bCount <= aCount) return null;
  const pages: Record<string, number> = Object.fromEntries(computePdfDestinationPages(a));
  for (const [id, page] of computePdfDestinationPages(b)) {
    // An anchor of the first part that the second print places too must be on the same page.
    if (page <= aCount && pages[id] !== undefined && pages[id] !== page) return null;
    if (page > aCount) pages[id] = page;
  }
  let parts: PdfPart[] = [{ pdf: a, margins: b }, { pdf: b, fromPage: aCount + 1 }];
  if (one.references > 0) {
    // The front matter with the page references filled in: it must end where the rest begins, as in the whole.
    const firstAfter = await first.evaluate<string | null>(fillPageReferencesScript(pages));
    if (firstAfter === null) return null;
    const front = await printPage(first, options);
    const frontCount = countPdfPages(front);
    if (frontCount === null || frontCount >= aCount || pages[firstAfter] !== frontCount + 1) return null;
    parts = [{ pdf: front, margins: b }, { pdf: a, fromPage: frontCount + 1, margins: b }, parts[1]];
  }
  return joinPdfPages(parts);
}

/** Prints the page as it is (A4, the CSS page sizes ruling). */
async function printPage(page: Page, options: PdfOptions): Promise<Uint8Array> {
  const pdf = await page.pdf({
    format: 'A4',
    landscape: options.landscape ?? false,
    printBackground: true,
    // The CSS page sizes rule: wide tables are on named landscape pages (reportStyles).
    preferCSSPageSize: true,
    // The header and footer are the pages' margin boxes (pageMarginStyle), not Chromium's templates.
    displayHeaderFooter: false,
    margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' },
  });
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

/** Prints self-contained HTML to an A4 PDF with backgrounds, margins and 'Page n of N' on every page. */
export async function renderPdfFromHtml(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  if (options.page !== undefined && options.secondPage !== undefined && mayPrintInParts(html)) {
    const joined = await renderPdfInParts(html, options, options.page, options.secondPage);
    if (joined !== null) return joined;
  }
  const render = async (page: Page): Promise<Uint8Array> => {
    // Print media first, for the page references' script (the report's forced breaks are print styles).
    await page.emulateMedia({ media: 'print' });
    await page.setContent(withPrintStyles(html, pageMarginStyle(options, 'counter(pages)')), { waitUntil: 'load' });
    const print = async (totalPages?: number) => {
      if (totalPages !== undefined) await page.evaluate(setPageMarginStyleScript(pageMarginStyle(options, cssString(String(totalPages)))));
      return printPage(page, options);
    };
    // Page references ([data-page-of="id"], e.g. the contents' page numbers): the whole printed once with
    // a placeholder of the same width, the pages read from the PDF's destinations, then only the front
    // matter (where the references are) printed again with the numbers, and its pages put in place of
    // the first ones (replaceLeadingPdfPages). A second print of the whole would lay out all of it again:
    // on the demo report the front matter costs about a tenth of that.
    const references = await page.evaluate<number>(PAGE_REFERENCES_SCRIPT);
    if (references === 0) return print();
    const whole = await print();
    const pages = Object.fromEntries(computePdfDestinationPages(whole));
    const firstAfter = await page.evaluate<string | null>(fillPageReferencesScript(pages));
    const total = countPdfPages(whole);
    if (firstAfter !== null && total !== null) {
      // The front matter alone: counter(pages) would count its pages, so the whole's count is written in.
      const front = await print(total);
      // The front matter must end exactly where the rest begins in the whole, or it is not the same pages.
      const frontPages = countPdfPages(front);
      if (frontPages !== null && pages[firstAfter] === frontPages + 1) {
        const joined = replaceLeadingPdfPages(whole, front);
        if (joined !== null) return joined;
      }
    }
    await page.evaluate(SHOW_ALL_SCRIPT);
    await page.evaluate(setPageMarginStyleScript(pageMarginStyle(options, 'counter(pages)')));
    return print();
  };
  if (options.page !== undefined) return render(options.page);
  return usingBrowser(options.browser, (browser) => withPage(browser, PRINT_VIEWPORT, render));
}

export interface PngOptions {
  /** CSS width the SVG is drawn at; the PNG is widthPx * scale pixels wide. */
  readonly widthPx: number;
  /** Device pixel ratio: 2 gives a sharp image in a Word document or on a high-density screen. */
  readonly scale: number;
  readonly browser?: Browser;
}

/**
 * Page-side script (a string: the project compiles without the DOM library) that scales the SVG to the
 * requested width. An SVG with only width/height gets a viewBox so that it scales instead of being cropped;
 * the height follows the aspect ratio, in whole CSS pixels so the PNG size is exact.
 */
function sizeSvgScript(widthPx: number): string {
  return `(() => {
  const node = document.querySelector('#figure > svg');
  if (!node) return;
  const declared = (name) => Number.parseFloat(node.getAttribute(name) || '');
  if (!node.hasAttribute('viewBox') && declared('width') > 0 && declared('height') > 0) {
    node.setAttribute('viewBox', '0 0 ' + declared('width') + ' ' + declared('height'));
  }
  const box = node.getBoundingClientRect();
  const viewBox = (node.getAttribute('viewBox') || '').trim().split(/[\\s,]+/).map(Number);
  const ratio = viewBox.length === 4 && viewBox[2] > 0 ? viewBox[3] / viewBox[2] : box.width > 0 ? box.height / box.width : 0.75;
  const height = Math.max(1, Math.round(${widthPx} * ratio));
  node.setAttribute('width', '${widthPx}');
  node.setAttribute('height', String(height));
  node.style.width = '${widthPx}px';
  node.style.height = height + 'px';
})();`;
}

/** Draws an SVG at `widthPx` CSS pixels (height from its aspect ratio) on white and screenshots it. */
export async function renderPngFromSvg(svg: string, options: PngOptions): Promise<Uint8Array> {
  const { widthPx, scale } = options;
  if (!(Number.isInteger(widthPx) && widthPx > 0 && Number.isFinite(scale) && scale > 0)) {
    throw new Error(`renderPngFromSvg: widthPx must be a positive integer and scale positive (got ${widthPx}, ${scale})`);
  }
  // An XML prolog or doctype is not valid inside HTML; the SVG element itself is.
  const inline = svg.replace(/^\s*<\?xml[^>]*\?>/, '').replace(/^\s*<!DOCTYPE[^>]*>/i, '');
  const html =
    '<!DOCTYPE html><html><head><style>html,body{margin:0;padding:0;background:#fff}#figure>svg{display:block}</style></head>' +
    `<body><div id="figure">${inline}</div><script>${sizeSvgScript(widthPx)}</script></body></html>`;
  return usingBrowser(options.browser, (browser) =>
    withPage(browser, { width: widthPx, height: Math.max(100, widthPx), deviceScaleFactor: scale }, async (page) => {
      await page.setContent(html, { waitUntil: 'load' });
      const element = page.locator('#figure > svg').first();
      if ((await element.count()) === 0) throw new Error('renderPngFromSvg: the input has no <svg> root element');
      const png = await element.screenshot({ type: 'png', omitBackground: false, animations: 'disabled' });
      return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
    }),
  );
}
