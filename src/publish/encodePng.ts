import { promisify } from 'node:util';
import { constants, crc32, createDeflate, deflate } from 'node:zlib';

const deflateAsync = promisify(deflate);

/**
 * zlib level of the report's PNGs. Level 3 rather than zlib's default 6: on the demo report's 19 figures
 * (118 MB of scanlines) level 6 took 0.39 s of CPU against 0.16 s, for PNGs 1.5 MB against 2.1 MB in all;
 * the report is CPU-bound on two cores, and the same pixels a third larger cost a reader nothing.
 * Levels 1-2 were no faster and larger still; Z_RLE was faster but four times larger.
 */
export const PNG_DEFLATE_LEVEL = 3;

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function ihdr(width: number, rows: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(rows, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return header;
}

function png(width: number, rows: number, zlibStream: Uint8Array): Buffer {
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr(width, rows)), chunk('IDAT', zlibStream), chunk('IEND', new Uint8Array(0))]);
}

/**
 * Scanline buffers reused from one picture to the next. A report's figures are a few megabytes each; a
 * new buffer per picture had its pages faulted in afresh every time (measured: 0.2-0.6 s of CPU, half of
 * it system time, for the demo's 19 figures, against 15-35 ms with one buffer reused) and its external
 * memory brought V8's full collections sooner. A buffer is taken for one encoding and given back when
 * its deflating has ended; one report's encodings share one ScanlineBuffers.
 */
export class ScanlineBuffers {
  readonly #free: Buffer[] = [];

  /** A buffer of at least `size` bytes, with anything in it. */
  take(size: number): Buffer {
    const fits = this.#free.findIndex((buffer) => buffer.length >= size);
    if (fits >= 0) return this.#free.splice(fits, 1)[0];
    // None large enough: the largest free one is dropped for a new one, so that the buffers grow to the
    // largest picture instead of multiplying.
    if (this.#free.length > 0) this.#free.sort((a, b) => a.length - b.length).pop();
    return Buffer.allocUnsafe(size);
  }

  give(buffer: Buffer): void {
    this.#free.push(buffer);
  }
}

/**
 * Unfiltered scanlines (a filter byte 0, then the row) of rows `first` to `last` (exclusive), in a buffer
 * taken from `buffers` when given (the caller gives it back) or a new one.
 */
function scanlines(rgba: Uint8Array, width: number, first: number, last: number, buffers?: ScanlineBuffers): { raw: Buffer; taken: Buffer | null } {
  const stride = width * 4;
  const size = Math.max(0, last - first) * (stride + 1);
  const taken = buffers?.take(size) ?? null;
  const raw = taken === null ? Buffer.alloc(size) : taken.subarray(0, size);
  for (let r = first; r < last; r++) {
    const at = (r - first) * (stride + 1);
    raw[at] = 0;
    raw.set(rgba.subarray(r * stride, (r + 1) * stride), at + 1);
  }
  return { raw, taken };
}

/**
 * One piece of scanlines as a zlib stream whose deflate blocks end, byte-aligned and not final, before an
 * empty final block: the blocks can be followed by another piece's (each piece deflated on its own, so
 * none refers back into another), and the stream's Adler-32 checksum is the piece's.
 */
function deflatePiece(bytes: Uint8Array, level: number): Promise<{ stream: Buffer; blocks: Buffer; end: Buffer; adler: number }> {
  return new Promise((resolve, reject) => {
    const deflater = createDeflate({ level, chunkSize: 256 * 1024 });
    const out: Buffer[] = [];
    deflater.on('data', (data: Buffer) => out.push(data));
    deflater.on('error', reject);
    deflater.on('end', () => {
      const stream = Buffer.concat(out);
      // After the sync flush's marker (an empty stored block, 00 00 ff ff), zlib ends the stream with an
      // empty final block: fixed Huffman (03 00) or stored (01 00 00 ff ff); then the checksum.
      const beforeChecksum = stream.length - 4;
      const endLength = stream[beforeChecksum - 2] === 0x03 && stream[beforeChecksum - 1] === 0x00 ? 2 : 5;
      const marker = stream.subarray(beforeChecksum - endLength - 4, beforeChecksum - endLength);
      const end = stream.subarray(beforeChecksum - endLength, beforeChecksum);
      if (!marker.equals(SYNC_MARKER) || (endLength === 5 && !end.equals(STORED_FINAL))) reject(new Error('deflatePiece: the zlib stream does not end as a sync flush then an empty final block'));
      else resolve({ stream, blocks: stream.subarray(2, beforeChecksum - endLength), end, adler: stream.readUInt32BE(beforeChecksum) });
    });
    deflater.write(bytes);
    deflater.flush(constants.Z_SYNC_FLUSH, () => deflater.end());
  });
}

/**
 * Promise.all that settles only once every promise has: a buffer the promises read is given back to its
 * ScanlineBuffers only when no deflate reads it any more, even when one of them failed.
 */
async function allEnded<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed !== undefined) throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<T>).value);
}

const SYNC_MARKER = Buffer.from([0x00, 0x00, 0xff, 0xff]);
const STORED_FINAL = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
const ADLER_BASE = 65521;

/** The Adler-32 checksum of A followed by B, from A's, B's and B's length (zlib's adler32_combine). */
export function adler32Combine(adlerA: number, adlerB: number, lengthB: number): number {
  const rem = lengthB % ADLER_BASE;
  let sum1 = adlerA & 0xffff;
  let sum2 = (rem * sum1) % ADLER_BASE;
  sum1 += (adlerB & 0xffff) + ADLER_BASE - 1;
  sum2 += ((adlerA >>> 16) & 0xffff) + ((adlerB >>> 16) & 0xffff) + ADLER_BASE - rem;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum2 >= ADLER_BASE * 2) sum2 -= ADLER_BASE * 2;
  if (sum2 >= ADLER_BASE) sum2 -= ADLER_BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}

/**
 * A framed figure as two PNGs, the whole picture (rows 0 to `height`) and the drawing inside it (rows
 * `fromRow` to `toRow`), with the pixels deflated once: the rows above, the drawing and the rows below
 * are deflated as separate pieces (deflatePiece), the drawing's PNG is its piece, and the framed PNG joins
 * the three pieces' blocks under one zlib header, with the checksum combined from theirs. Rows unfiltered
 * at zlib level `level`, as encodePngRows; deflating the drawing a second time for its own PNG cost more
 * than drawing it. Both are deflated on libuv's thread pool.
 */
export async function encodeFramedPng(
  rgba: Uint8Array,
  width: number,
  height: number,
  fromRow: number,
  toRow: number,
  level = PNG_DEFLATE_LEVEL,
  buffers?: ScanlineBuffers,
): Promise<{ framed: Uint8Array; drawing: Uint8Array }> {
  if (!(0 <= fromRow && fromRow <= toRow && toRow <= height)) throw new Error(`encodeFramedPng: rows ${fromRow} to ${toRow} are not inside 0 to ${height}`);
  if (fromRow === toRow || height === 0) {
    // No drawing rows: nothing to share.
    const [framed, drawing] = await encodePngRowRanges(
      rgba,
      width,
      [
        [0, height],
        [fromRow, toRow],
      ],
      buffers,
    );
    return { framed, drawing };
  }
  const stride = width * 4 + 1;
  const { raw, taken } = scanlines(rgba, width, 0, height, buffers);
  const bounds = [0, fromRow, toRow, height];
  let pieces;
  try {
    pieces = await allEnded(
      [0, 1, 2].map((i) => (bounds[i] === bounds[i + 1] ? Promise.resolve(null) : deflatePiece(raw.subarray(bounds[i] * stride, bounds[i + 1] * stride), level))),
    );
  } finally {
    // Every piece has ended (or failed) and zlib holds the rows no more.
    if (taken !== null) buffers?.give(taken);
  }
  const drawing = pieces[1] as NonNullable<(typeof pieces)[1]>;
  let adler = 1; // the checksum of nothing
  for (const [i, piece] of pieces.entries()) if (piece !== null) adler = adler32Combine(adler, piece.adler, (bounds[i + 1] - bounds[i]) * stride);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(adler, 0);
  const framedStream = Buffer.concat([drawing.stream.subarray(0, 2), ...pieces.flatMap((piece) => (piece === null ? [] : [piece.blocks])), drawing.end, checksum]);
  return { framed: png(width, height, framedStream), drawing: png(width, toRow - fromRow, drawing.stream) };
}

/**
 * Rows `fromRow` (inclusive) to `toRow` (exclusive) of an RGBA picture as a PNG (8-bit RGBA, rows
 * unfiltered, deflated at PNG_DEFLATE_LEVEL). Written here because resvg's encoder takes only whole
 * pictures and the documents need the drawing cut out of its framed figure. Unfiltered rows came out
 * both smaller and about three times faster than "Sub"-filtered ones on the report's charts (flat
 * colours, long runs; measured at level 6, where they were also smaller than resvg's own PNGs).
 * Deflated on libuv's thread pool, beside the charts still being drawn.
 */
export async function encodePngRows(rgba: Uint8Array, width: number, fromRow: number, toRow: number): Promise<Uint8Array> {
  const [png] = await encodePngRowRanges(rgba, width, [[fromRow, toRow]]);
  return png;
}

/**
 * Several row ranges of one RGBA picture, each as its own PNG (as encodePngRows makes it, byte for byte).
 * The unfiltered scanlines (a filter byte, then the row) are laid out once for all the ranges, and each
 * PNG deflates its slice of them: the framed figure and the drawing inside it share one copy of the
 * pixels instead of two.
 */
export async function encodePngRowRanges(rgba: Uint8Array, width: number, ranges: readonly (readonly [number, number])[], buffers?: ScanlineBuffers): Promise<Uint8Array[]> {
  if (ranges.length === 0) return [];
  const stride = width * 4 + 1;
  const first = Math.min(...ranges.map(([from]) => from));
  const last = Math.max(...ranges.map(([, to]) => to));
  const { raw, taken } = scanlines(rgba, width, first, last, buffers);
  try {
    return await allEnded(ranges.map(async ([fromRow, toRow]) => png(width, toRow - fromRow, await deflateAsync(raw.subarray((fromRow - first) * stride, (toRow - first) * stride), { level: PNG_DEFLATE_LEVEL }))));
  } finally {
    if (taken !== null) buffers?.give(taken);
  }
}
