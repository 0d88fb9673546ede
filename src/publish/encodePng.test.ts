import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodePng } from '../testing/decodePng.js';
import { encodePngRows } from './encodePng.js';

describe('encodePngRows', () => {
  it('writes the chosen rows of an RGBA picture exactly, readable back pixel for pixel', async () => {
    const width = 7;
    const height = 5;
    const rgba = new Uint8Array(width * height * 4).map((_, i) => (i * 37 + (i >> 3)) & 0xff);
    const png = await encodePngRows(rgba, width, 1, 4);
    const back = decodePng(png);
    assert.equal(back.width, 7);
    assert.equal(back.height, 3);
    assert.deepEqual(back.rgba, rgba.subarray(width * 4, width * 4 * 4));
  });
});
