import { existsSync } from 'node:fs';
import { encodeFramedPng, encodePngRowRanges, PNG_DEFLATE_LEVEL, type ScanlineBuffers } from './encodePng.js';
import { loadResvg } from './loadResvg.js';
import type { Slots } from './slots.js';

const { Resvg, renderAsync } = loadResvg();

/**
 * Figures as PNG without a browser: resvg (a Rust SVG renderer shipped inside its npm package) draws the
 * same SVG the HTML inlines, in a few tens of milliseconds per figure, where launching Chromium for the
 * PNGs cost seconds. It needs a font file: the charts ask for Arial, so Liberation Sans (metrically
 * compatible with Arial, which Vega's text layout assumes) is preferred, DejaVu Sans otherwise.
 */
const FONT_CANDIDATES: readonly { family: string; files: readonly string[] }[] = [
  {
    family: 'Liberation Sans',
    files: ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'],
  },
  {
    family: 'DejaVu Sans',
    files: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  },
];

export type RasterFonts = { readonly ok: true; readonly family: string; readonly files: readonly string[] } | { readonly ok: false; readonly message: string };

/** The font files the rasteriser will use, or a message naming the Debian packages that provide them. */
export function findRasterFonts(candidates = FONT_CANDIDATES): RasterFonts {
  for (const candidate of candidates) {
    const files = candidate.files.filter((file) => existsSync(file));
    if (files.length > 0) return { ok: true, family: candidate.family, files };
  }
  return { ok: false, message: 'no font for drawing figures as PNG: apt-get install -y fonts-liberation (or fonts-dejavu-core)' };
}

function renderOptions(fonts: Extract<RasterFonts, { ok: true }>, scale: number) {
  return {
    fitTo: { mode: 'zoom' as const, value: scale },
    background: 'white',
    font: { loadSystemFonts: false, fontFiles: [...fonts.files], defaultFontFamily: fonts.family, sansSerifFamily: fonts.family },
  };
}

/** Draws one SVG as PNG at `scale` times its size. */
export function rasterizeSvg(svg: string, fonts: Extract<RasterFonts, { ok: true }>, scale = 2): Uint8Array {
  return new Resvg(svg, renderOptions(fonts, scale)).render().asPng();
}

/** A framed figure as `layoutFigureFrame` makes it: the SVG and the rows its drawing occupies. */
export interface FramedSvg {
  readonly svg: string;
  readonly drawing: { readonly top: number; readonly height: number };
}

/**
 * Draws a framed figure once, off the main thread (resvg's own thread pool, so figures are drawn while
 * the next charts are laid out), and gives the framed PNG (when `framed` is asked for) and the drawing
 * alone, cut out of the same pixels and deflated once for both (encodeFramedPng). `want.buffers`: the
 * scanline buffers the report's figures share (ScanlineBuffers); `want.encodeSlots`: the slots their
 * encodings share.
 */
export async function rasterizeFramedSvg(
  figure: FramedSvg,
  fonts: Extract<RasterFonts, { ok: true }>,
  scale: number,
  want: { readonly framed: boolean; readonly buffers?: ScanlineBuffers; readonly encodeSlots?: Slots },
): Promise<{ framed: Uint8Array | null; drawing: Uint8Array }> {
  const image = await renderAsync(figure.svg, renderOptions(fonts, scale));
  // The pixels are copied out of resvg only in an encoding slot: when many figures are drawn before this
  // thread gets to them (a large report renders its HTML meanwhile), each would otherwise have its pixels
  // and a scanline buffer in fresh memory at once (10,000 patients: about 0.9 s of page faults).
  const encode = async () => {
    const pixels = image.pixels;
    const fromRow = Math.round(figure.drawing.top * scale);
    const toRow = Math.min(image.height, fromRow + Math.round(figure.drawing.height * scale));
    if (!want.framed) {
      const [drawing] = await encodePngRowRanges(pixels, image.width, [[fromRow, toRow]], want.buffers);
      return { framed: null, drawing: drawing };
    }
    return encodeFramedPng(pixels, image.width, image.height, fromRow, toRow, PNG_DEFLATE_LEVEL, want.buffers);
  };
  return want.encodeSlots === undefined ? encode() : want.encodeSlots.run(encode);
}
