import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { findRasterFonts, rasterizeFramedSvg, rasterizeSvg } from './rasterizeSvg.js';

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">' +
  '<rect x="0" y="0" width="60" height="40" fill="#1f4e79"/><text x="64" y="25" font-family="Arial" font-size="14">KM</text></svg>';

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('rasterizeSvg', () => {
  it('finds a font on this machine, or names the package to install', () => {
    const fonts = findRasterFonts();
    if (!fonts.ok) assert.match(fonts.message, /apt-get install -y fonts-liberation/);
    const none = findRasterFonts([{ family: 'Nope', files: ['/nonexistent/font.ttf'] }]);
    assert.equal(none.ok, false);
  });

  it('draws a PNG at the requested scale with the SVG content', (t) => {
    const fonts = findRasterFonts();
    if (!fonts.ok) {
      t.skip(fonts.message);
      return;
    }
    const png = rasterizeSvg(svg, fonts, 2);
    assert.deepEqual([...png.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.deepEqual(pngSize(png), { width: 240, height: 80 });
    // A blank image compresses to almost nothing; the filled rectangle and the text do not.
    assert.ok(png.length > 300, `PNG of ${png.length} bytes`);
  });

  it('cuts the drawing out of its framed picture, as if it had been drawn alone', async (t) => {
    const fonts = findRasterFonts();
    if (!fonts.ok) {
      t.skip(fonts.message);
      return;
    }
    const drawing = svg.replace('<svg ', '<svg x="0" y="30" ');
    const framed = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="90" viewBox="0 0 120 90"><rect width="100%" height="100%" fill="white"/><text x="4" y="20" font-size="12">Figure 1. Title</text>${drawing}</svg>`;
    const out = await rasterizeFramedSvg({ svg: framed, drawing: { top: 30, height: 40 } }, fonts, 2, { framed: true });
    assert.ok(out.framed !== null);
    assert.deepEqual(pngSize(out.framed), { width: 240, height: 180 });
    assert.deepEqual(pngSize(out.drawing), { width: 240, height: 80 });
    // Same pixels as the drawing rasterised on its own (compared decoded: the two encoders differ).
    const alone = rasterizeSvg(svg, fonts, 2);
    assert.deepEqual(pixels(out.drawing), pixels(alone));
  });
});

/** Unfiltered RGBA of a PNG written by resvg or encodePngRows (filters none, sub, up, average, paeth). */
function pixels(png: Uint8Array): number[] {
  const buf = Buffer.from(png);
  const { width, height } = pngSize(png);
  const idat: Buffer[] = [];
  let bitsPerPixel = 0;
  for (let offset = 8; offset < buf.length; ) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    if (type === 'IHDR') bitsPerPixel = buf[offset + 8 + 9] === 6 ? 4 : buf[offset + 8 + 9] === 2 ? 3 : 0;
    if (type === 'IDAT') idat.push(buf.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  assert.ok(bitsPerPixel > 0, 'RGB or RGBA');
  const bpp = bitsPerPixel;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = new Uint8Array(width * height * bpp);
  for (let r = 0; r < height; r++) {
    const filter = raw[r * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[r * (stride + 1) + 1 + i];
      const a = i >= bpp ? out[r * stride + i - bpp] : 0;
      const b = r > 0 ? out[(r - 1) * stride + i] : 0;
      const c = r > 0 && i >= bpp ? out[(r - 1) * stride + i - bpp] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      out[r * stride + i] = (x + predictor) & 0xff;
    }
  }
  // As RGBA, whichever the colour type.
  if (bpp === 4) return [...out];
  const rgba: number[] = [];
  for (let i = 0; i < out.length; i += 3) rgba.push(out[i], out[i + 1], out[i + 2], 255);
  return rgba;
}
