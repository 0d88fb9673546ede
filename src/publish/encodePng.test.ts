import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { encodePngRows } from './encodePng.js';

/** Reads back an 8-bit RGBA PNG whose rows are unfiltered or "Sub"-filtered. */
function decode(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const buf = Buffer.from(png);
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      assert.deepEqual([data[8], data[9]], [8, 6]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = new Uint8Array(width * height * 4);
  for (let r = 0; r < height; r++) {
    const filter = raw[r * (stride + 1)];
    assert.ok(filter === 0 || filter === 1, `row ${r} filter ${filter}`);
    for (let i = 0; i < stride; i++) {
      const value = raw[r * (stride + 1) + 1 + i];
      const left = filter === 1 && i >= 4 ? rgba[r * stride + i - 4] : 0;
      rgba[r * stride + i] = (value + left) & 0xff;
    }
  }
  return { width, height, rgba };
}

describe('encodePngRows', () => {
  it('writes the chosen rows of an RGBA picture exactly, readable back pixel for pixel', async () => {
    const width = 7;
    const height = 5;
    const rgba = new Uint8Array(width * height * 4).map((_, i) => (i * 37 + (i >> 3)) & 0xff);
    const png = await encodePngRows(rgba, width, 1, 4);
    const back = decode(png);
    assert.equal(back.width, 7);
    assert.equal(back.height, 3);
    assert.deepEqual([...back.rgba], [...rgba.subarray(width * 4, width * 4 * 4)]);
  });
});
