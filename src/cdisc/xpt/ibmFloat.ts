/**
 * IEEE 754 doubles <-> IBM System/370 double-precision floating point, the numeric format of SAS transport
 * files (SAS TS-140). IBM: sign bit, 7-bit exponent of 16 in excess 64, 56-bit fraction 0.h1h2...h14 with a
 * non-zero first hex digit; big-endian.
 *
 * Writing is exact: a normal double is m * 2^(e-52) with a 53-bit m; the IBM fraction is m shifted left by
 * (e mod 4) <= 3 bits, at most 56 bits, so no bit is lost and nothing is rounded. The IBM range is
 * 2^-260 (about 5.4e-79) <= |x| < 2^252 (about 7.2e75). Outside it:
 * - |x| >= 2^252, Infinity and NaN cannot be written (`overflow`, `not-finite`): the writer refuses them.
 *   (ReadStat, behind R's haven, saturates already from 2^249 to the largest IBM number; trialkit writes
 *   2^249..2^252 exactly, since they fit, and haven reads them back exactly.)
 * - 0 < |x| < 2^-260, IEEE subnormals included, become 0 (`underflow`): the writer warns.
 * - -0 is written as +0. The IBM pattern of -0 (0x80 then seven zero bytes) is what a SAS reader takes for a
 *   missing value (a non-zero first byte followed by zeros), so it must not be written.
 *
 * Reading is correctly rounded: a 56-bit IBM fraction with more than 53 significant bits (not written by
 * trialkit, possible from SAS) rounds to the nearest double, ties to even.
 */

export type IbmEncodeStatus = 'ok' | 'underflow' | 'overflow' | 'not-finite';

// One double seen as two 32-bit words, without a DataView call per value (the writer's inner loop).
const scratchFloat = new Float64Array(1);
const scratchWords = new Uint32Array(scratchFloat.buffer);
scratchFloat[0] = 1; // 0x3ff00000_00000000: tells which word holds the sign and exponent on this machine
const HI = scratchWords[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

/** Smallest and (exclusive) largest magnitudes an IBM double holds. */
export const IBM_MIN_MAGNITUDE = 2 ** -260;
export const IBM_MAX_MAGNITUDE_EXCLUSIVE = 2 ** 252;

/**
 * Writes `value` as 8 IBM bytes at `offset`. Returns `ok`, or `underflow` (zero written), or `overflow` /
 * `not-finite` (nothing written: the caller must not emit the value).
 */
export function encodeIbm(value: number, out: Uint8Array, offset: number): IbmEncodeStatus {
  scratchFloat[0] = value;
  const hi = scratchWords[HI];
  const lo = scratchWords[LO];
  const biased = (hi >>> 20) & 0x7ff;
  if (biased === 0x7ff) return 'not-finite';
  if (biased === 0) {
    // +0, -0 and IEEE subnormals (|x| < 2^-1022, far below the IBM range)
    out.fill(0, offset, offset + 8);
    return (hi & 0xfffff) === 0 && lo === 0 ? 'ok' : 'underflow';
  }
  const e = biased - 1023;
  if (e < -260) {
    out.fill(0, offset, offset + 8);
    return 'underflow';
  }
  if (e > 251) return 'overflow';
  const shift = e & 3;
  const mHi = (hi & 0xfffff) | 0x100000;
  const fracHi = shift === 0 ? mHi : (mHi << shift) | (lo >>> (32 - shift));
  const fracLo = shift === 0 ? lo : (lo << shift) >>> 0;
  out[offset] = ((hi >>> 31) << 7) | ((e >> 2) + 65);
  out[offset + 1] = (fracHi >>> 16) & 0xff;
  out[offset + 2] = (fracHi >>> 8) & 0xff;
  out[offset + 3] = fracHi & 0xff;
  out[offset + 4] = fracLo >>> 24;
  out[offset + 5] = (fracLo >>> 16) & 0xff;
  out[offset + 6] = (fracLo >>> 8) & 0xff;
  out[offset + 7] = fracLo & 0xff;
  return 'ok';
}

/** 2^(4 * (E - 64) - 56) for each 7-bit exponent E: powers of two, so scaling by them is exact. */
const SCALE = Array.from({ length: 128 }, (_, exponent) => 2 ** (4 * (exponent - 64) - 56));

/** The SAS missing-value codes: `.` and the special missing values `._`, `.A` to `.Z`. */
export function isSasMissingCode(byte: number): boolean {
  return byte === 0x2e || byte === 0x5f || (byte >= 0x41 && byte <= 0x5a);
}

/**
 * Reads 8 IBM bytes. A missing value (a missing code followed by seven zero bytes) returns its code as a
 * one-character string (`.`, `_`, `A`..`Z`); any other number returns a double.
 */
export function decodeIbm(bytes: Uint8Array, offset: number): number | string {
  const b0 = bytes[offset];
  const fracHi = (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
  const fracLo = ((bytes[offset + 4] << 24) | (bytes[offset + 5] << 16) | (bytes[offset + 6] << 8) | bytes[offset + 7]) >>> 0;
  if (fracHi === 0 && fracLo === 0) {
    if (isSasMissingCode(b0)) return String.fromCharCode(b0);
    return 0;
  }
  // fracHi * 2^32 is exact and the sum rounds once (to nearest, ties to even): a correctly rounded fraction
  const magnitude = (fracHi * 4294967296 + fracLo) * SCALE[b0 & 0x7f];
  return (b0 & 0x80) === 0 ? magnitude : -magnitude;
}
