import type { ReportModel } from '../model/index.js';
import { pngSize } from './pngSize.js';
import { FIGURE_TEXT_AREA_TWIPS, figureImageSize, reportDocxParts, type ReportDocxOptions } from './renderReportDocx.js';

/**
 * The report's DOCX package parts made before its figures' PNGs exist (draftReportDocx), each figure
 * holding a placeholder image, to be completed with the PNGs (completeReportDocx). Building the document
 * and its XML is most of the DOCX's time, and none of it depends on the images but their printed size and
 * their bytes in word/media: the report makes the draft while the figures are drawn and rasterised.
 */
export interface ReportDocxDraft {
  readonly model: ReportModel;
  readonly options: ReportDocxOptions;
  readonly figureIds: readonly string[];
  /** Null when the docx package offers no compiler (reportDocxParts): completing is then a whole build. */
  readonly parts: ReadonlyMap<string, string | Uint8Array> | null;
  /** The placeholders' printed size in pixels (the same for every figure), as found in document.xml. */
  readonly placeholderSize: { readonly width: number; readonly height: number } | null;
}

/**
 * A PNG's signature and header chunk (1 x 1 pixels), then the figure's index: each placeholder has bytes of
 * its own, as the real images have, so that the docx package stores each in a file of its own.
 */
function placeholderPng(index: number): Uint8Array {
  const png = new Uint8Array(24 + 4);
  png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1]);
  new DataView(png.buffer).setUint32(24, index);
  return png;
}

/** EMUs of a printed size in pixels, as the docx package writes them. */
const emus = (px: number) => Math.round(px) * 9525;

/**
 * The parts of the report's DOCX (as renderDocxBytes zips them) for the figures `figureIds`, each with a
 * placeholder image; `options.figuresPng` is not read.
 */
export function draftReportDocx(model: ReportModel, options: ReportDocxOptions, figureIds: readonly string[]): ReportDocxDraft {
  const placeholders = new Map(figureIds.map((id, i) => [id, placeholderPng(i)]));
  const parts = reportDocxParts(model, { ...options, figuresPng: placeholders });
  const drawing = parts === null ? null : drawings(String(parts.get('word/document.xml') ?? ''))[0];
  const placeholderSize = drawing === undefined || drawing === null ? null : { width: drawing.cx / 9525, height: drawing.cy / 9525 };
  return { model, options, figureIds, parts, placeholderSize };
}

interface Drawing {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly cx: number;
  readonly cy: number;
  readonly embed: string;
}

/** Each inline picture of document.xml: where it is, its name (the figure id), size and relationship id. */
function drawings(xml: string): Drawing[] {
  const found: Drawing[] = [];
  for (const match of xml.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>/g)) {
    const text = match[0];
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(text);
    const name = /<wp:docPr [^>]*name="([^"]*)"/.exec(text);
    const embed = /<a:blip r:embed="([^"]+)"/.exec(text);
    if (extent === null || name === null || embed === null) return [];
    found.push({ start: match.index, end: match.index + text.length, name: name[1], cx: Number(extent[1]), cy: Number(extent[2]), embed: embed[1] });
  }
  return found;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The draft's parts with the figures' PNGs: each picture's printed size set in document.xml and its bytes
 * in word/media, which is what the document made with the PNGs from the start holds (the tests compare
 * the two). Null when that cannot be done by substitution, and the caller makes the whole document
 * (reportDocxDocument with the PNGs): a figure without a PNG or with bytes that are not one (a note
 * instead of a picture), two identical PNGs (stored once), or document.xml not as expected.
 */
export function completeReportDocx(draft: ReportDocxDraft, figuresPng: ReadonlyMap<string, Uint8Array>): Map<string, string | Uint8Array> | null {
  const { parts, placeholderSize } = draft;
  if (parts === null || placeholderSize === null || figuresPng.size !== draft.figureIds.length) return null;
  const sizes = new Map<string, { width: number; height: number }>();
  const seen: Uint8Array[] = [];
  for (const id of draft.figureIds) {
    const png = figuresPng.get(id);
    const size = png === undefined ? null : pngSize(png);
    if (png === undefined || size === null || seen.some((other) => sameBytes(other, png))) return null;
    seen.push(png);
    sizes.set(id, figureImageSize(size, FIGURE_TEXT_AREA_TWIPS.width, FIGURE_TEXT_AREA_TWIPS.height));
  }
  const xml = parts.get('word/document.xml');
  const rels = parts.get('word/_rels/document.xml.rels');
  if (typeof xml !== 'string' || typeof rels !== 'string') return null;
  const found = drawings(xml);
  if (found.length !== draft.figureIds.length) return null;
  const completed = new Map(parts);
  let document = '';
  let from = 0;
  for (const drawing of found) {
    const size = sizes.get(drawing.name);
    const target = new RegExp(`<Relationship Id="${drawing.embed}" Type="[^"]*/image" Target="(media/[^"]+)"/>`).exec(rels);
    if (size === undefined || target === null || !completed.has(`word/${target[1]}`) || drawing.cx !== emus(placeholderSize.width) || drawing.cy !== emus(placeholderSize.height)) return null;
    const text = xml.slice(drawing.start, drawing.end);
    const resized = text.replaceAll(`cx="${drawing.cx}" cy="${drawing.cy}"`, `cx="${emus(size.width)}" cy="${emus(size.height)}"`);
    document += xml.slice(from, drawing.start) + resized;
    from = drawing.end;
    completed.set(`word/${target[1]}`, figuresPng.get(drawing.name) as Uint8Array);
    sizes.delete(drawing.name);
  }
  if (sizes.size > 0) return null;
  completed.set('word/document.xml', document + xml.slice(from));
  return completed;
}
