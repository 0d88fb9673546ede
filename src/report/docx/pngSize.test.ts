import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pngSize } from './pngSize.js';

function header(widthPx: number, heightPx: number, chunk = 'IHDR'): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  bytes.set([...chunk].map((c) => c.charCodeAt(0)), 12);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, widthPx);
  view.setUint32(20, heightPx);
  return bytes;
}

describe('pngSize', () => {
  it('reads width and height from the IHDR chunk, big-endian', () => {
    assert.deepEqual(pngSize(header(1600, 70_000)), { widthPx: 1600, heightPx: 70_000 });
  });

  it('reads a PNG that sits inside a larger buffer', () => {
    const outer = new Uint8Array(50);
    outer.set(header(3, 2), 10);
    assert.deepEqual(pngSize(outer.subarray(10)), { widthPx: 3, heightPx: 2 });
  });

  it('rejects bytes that are not a PNG', () => {
    assert.equal(pngSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>')), null);
    assert.equal(pngSize(header(10, 10, 'IDAT')), null);
    assert.equal(pngSize(header(0, 10)), null);
    assert.equal(pngSize(header(10, 10).subarray(0, 20)), null);
  });
});
