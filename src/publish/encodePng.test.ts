import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodePng } from '../testing/decodePng.js';
import { encodePngRowRanges, encodePngRows } from './encodePng.js';

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

  it('writes several row ranges of one picture, each the same PNG as encodePngRows makes alone', async () => {
    const width = 6;
    const height = 9;
    const rgba = new Uint8Array(width * height * 4).map((_, i) => (i * 53 + (i >> 2)) & 0xff);
    const ranges = [
      [0, 9],
      [2, 7],
      [5, 6],
    ] as const;
    const pngs = await encodePngRowRanges(rgba, width, ranges);
    assert.equal(pngs.length, 3);
    for (const [i, [from, to]] of ranges.entries()) {
      assert.deepEqual(Buffer.from(pngs[i]), Buffer.from(await encodePngRows(rgba, width, from, to)));
      assert.deepEqual(decodePng(pngs[i]).rgba, rgba.subarray(width * 4 * from, width * 4 * to));
    }
  });
});
