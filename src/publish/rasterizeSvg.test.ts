import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodePng } from '../testing/decodePng.js';
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
    assert.deepEqual(decodePng(out.drawing).rgba, decodePng(alone).rgba);
  });
});

