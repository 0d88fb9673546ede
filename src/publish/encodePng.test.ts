import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodePng } from '../testing/decodePng.js';
import { adler32Combine, encodeFramedPng, encodePngRowRanges, encodePngRows, PNG_DEFLATE_LEVEL, ScanlineBuffers } from './encodePng.js';

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

describe('encodeFramedPng', () => {
  const width = 5;
  const height = 8;
  const rgba = new Uint8Array(width * height * 4).map((_, i) => (i * 41 + (i >> 3)) & 0xff);
  const pixels = (png: Uint8Array) => Buffer.from(decodePng(png).rgba);

  for (const [from, to] of [
    [2, 6],
    [0, 6],
    [2, 8],
    [0, 8],
    [3, 4],
    [4, 4],
  ] as const) {
    it(`writes the framed picture and its rows ${from} to ${to} with the pixels encodePngRowRanges writes`, async () => {
      const { framed, drawing } = await encodeFramedPng(rgba, width, height, from, to);
      const [framedAlone, drawingAlone] = await encodePngRowRanges(rgba, width, [
        [0, height],
        [from, to],
      ]);
      // decodePng inflates with zlib, which checks each stream's Adler-32 checksum.
      assert.deepEqual(pixels(framed), pixels(framedAlone));
      assert.equal(decodePng(framed).height, height);
      assert.equal(decodePng(drawing).height, to - from);
      if (to > from) assert.deepEqual(pixels(drawing), pixels(drawingAlone));
    });
  }

  it('keeps large pictures exact (pieces of several deflate blocks, checksums over many bytes)', async () => {
    const w = 700;
    const h = 500;
    const big = new Uint8Array(w * h * 4).map((_, i) => (i % 4 === 3 ? 255 : ((i >> 9) * 31 + (i % 97 < 50 ? 0 : i)) & 0xff));
    const { framed, drawing } = await encodeFramedPng(big, w, h, 123, 456);
    assert.deepEqual(Buffer.from(decodePng(framed).rgba), Buffer.from(big));
    assert.deepEqual(Buffer.from(decodePng(drawing).rgba), Buffer.from(big.subarray(w * 4 * 123, w * 4 * 456)));
  });

  it('combines Adler-32 checksums as zlib does', () => {
    const adler = (bytes: Uint8Array) => {
      let a = 1;
      let b = 0;
      for (const byte of bytes) {
        a = (a + byte) % 65521;
        b = (b + a) % 65521;
      }
      return ((b << 16) | a) >>> 0;
    };
    const data = new Uint8Array(200_000).map((_, i) => (i * 7919) & 0xff);
    for (const cut of [0, 1, 65521, 123_457, 200_000]) assert.equal(adler32Combine(adler(data.subarray(0, cut)), adler(data.subarray(cut)), data.length - cut), adler(data), `cut at ${cut}`);
  });
});

describe('ScanlineBuffers', () => {
  it('makes the same PNG bytes with reused buffers as with new ones, a buffer left full of other bytes included', async () => {
    const buffers = new ScanlineBuffers();
    // A first, larger picture of 0xff bytes leaves its buffer dirty where the next picture's filter bytes go.
    const dirty = new Uint8Array(9 * 11 * 4).fill(0xff);
    assert.deepEqual(Buffer.from((await encodeFramedPng(dirty, 9, 11, 2, 7, PNG_DEFLATE_LEVEL, buffers)).framed), Buffer.from((await encodeFramedPng(dirty, 9, 11, 2, 7)).framed));
    for (const [width, height, from, to] of [
      [5, 8, 2, 6],
      [6, 9, 0, 9],
      [4, 3, 1, 1],
      [12, 10, 3, 8],
    ] as const) {
      const rgba = new Uint8Array(width * height * 4).map((_, i) => (i * 29 + (i >> 2)) & 0xff);
      const shared = await encodeFramedPng(rgba, width, height, from, to, PNG_DEFLATE_LEVEL, buffers);
      const alone = await encodeFramedPng(rgba, width, height, from, to);
      assert.deepEqual(Buffer.from(shared.framed), Buffer.from(alone.framed), `${width}x${height} framed`);
      assert.deepEqual(Buffer.from(shared.drawing), Buffer.from(alone.drawing), `${width}x${height} drawing`);
      assert.deepEqual(
        (await encodePngRowRanges(rgba, width, [[from, height]], buffers)).map((png) => Buffer.from(png)),
        (await encodePngRowRanges(rgba, width, [[from, height]])).map((png) => Buffer.from(png)),
      );
    }
  });

  it('gives a buffer back for reuse, and a larger one when the free ones are too small', () => {
    const buffers = new ScanlineBuffers();
    const first = buffers.take(100);
    buffers.give(first);
    assert.equal(buffers.take(80), first, 'a free buffer large enough is reused');
    buffers.give(first);
    const larger = buffers.take(500);
    assert.ok(larger.length >= 500);
    buffers.give(larger);
    assert.equal(buffers.take(300), larger);
  });
});
