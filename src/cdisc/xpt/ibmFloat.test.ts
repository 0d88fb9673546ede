import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeIbm, encodeIbm, IBM_MAX_MAGNITUDE_EXCLUSIVE, IBM_MIN_MAGNITUDE } from './ibmFloat.js';

function hex(value: number): { status: string; bytes: string } {
  const out = new Uint8Array(8).fill(0xaa);
  const status = encodeIbm(value, out, 0);
  return { status, bytes: Buffer.from(out).toString('hex') };
}

function fromHex(text: string): number | string {
  return decodeIbm(new Uint8Array(Buffer.from(text, 'hex')), 0);
}

describe('IBM 370 double precision', () => {
  // Patterns from SAS TS-140's worked examples and the IBM definition (0.h1h2... x 16^(E-64)).
  const known: [number, string][] = [
    [1, '4110000000000000'],
    [-1, 'c110000000000000'],
    [0.5, '4080000000000000'],
    [100, '4264000000000000'],
    [0.1, '401999999999999a'],
    [-118.625, 'c276a00000000000'],
    [2 ** -260, '0010000000000000'],
    [2 ** 252 * (1 - 2 ** -53), '7ffffffffffffff8'],
  ];
  for (const [value, bytes] of known) {
    it(`writes ${value} as ${bytes} and reads it back exactly`, () => {
      assert.deepEqual(hex(value), { status: 'ok', bytes });
      assert.equal(fromHex(bytes), value);
    });
  }

  it('writes +0 and -0 as eight zero bytes (0x80 00.. would read as a SAS missing value)', () => {
    assert.deepEqual(hex(0), { status: 'ok', bytes: '0000000000000000' });
    assert.deepEqual(hex(-0), { status: 'ok', bytes: '0000000000000000' });
    assert.equal(fromHex('8000000000000000'), 0);
  });

  it('flushes magnitudes below 2^-260 (IEEE subnormals included) to zero and says so', () => {
    for (const tiny of [2 ** -261, -(2 ** -260) * (1 - 2 ** -53), 1e-300, 5e-324, -2.2250738585072014e-308]) {
      assert.deepEqual(hex(tiny), { status: 'underflow', bytes: '0000000000000000' }, String(tiny));
    }
  });

  it('refuses 2^252 and beyond, Infinity and NaN, writing nothing', () => {
    for (const big of [2 ** 252, -(2 ** 252), 1e76, Number.MAX_VALUE]) assert.deepEqual(hex(big), { status: 'overflow', bytes: 'aa'.repeat(8) }, String(big));
    for (const bad of [Infinity, -Infinity, NaN]) assert.deepEqual(hex(bad), { status: 'not-finite', bytes: 'aa'.repeat(8) }, String(bad));
  });

  it('writes 2^249 to 2^252 exactly, where ReadStat (haven) saturates', () => {
    assert.deepEqual(hex(2 ** 249), { status: 'ok', bytes: '7f20000000000000' });
    assert.equal(fromHex('7f20000000000000'), 2 ** 249);
  });

  it('reads the SAS missing values . ._ .A-.Z as their codes', () => {
    assert.equal(fromHex('2e00000000000000'), '.');
    assert.equal(fromHex('5f00000000000000'), '_');
    assert.equal(fromHex('4100000000000000'), 'A');
    assert.equal(fromHex('5a00000000000000'), 'Z');
  });

  it('rounds a 56-bit IBM fraction to the nearest double, ties to even', () => {
    // fraction 2^56 - 1 (56 significant bits) x 16^1 / 2^56: rounds up to 16
    assert.equal(fromHex('41ffffffffffffff'), 16);
    // F = 2^55 + 4: exactly halfway between 2^55 and 2^55 + 8 (53-bit spacing 8): even is 2^55
    assert.equal(fromHex('4180000000000004'), 8);
    // F = 2^55 + 12: halfway between 2^55 + 8 (odd) and 2^55 + 16 (even)
    assert.equal(fromHex('418000000000000c'), (2 ** 55 + 16) / 2 ** 52);
  });

  it('round-trips every double in the IBM range exactly (property)', () => {
    const inRange = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => Math.abs(x) >= IBM_MIN_MAGNITUDE && Math.abs(x) < IBM_MAX_MAGNITUDE_EXCLUSIVE);
    const bytes = new Uint8Array(8);
    fc.assert(
      fc.property(inRange, (x) => {
        assert.equal(encodeIbm(x, bytes, 0), 'ok');
        assert.equal(decodeIbm(bytes, 0), x);
        // normalised: the first hex digit of the fraction is never 0, so no value looks like a missing value
        assert.notEqual(bytes[1] & 0xf0, 0);
      }),
      { numRuns: 20000 },
    );
  });

  it('round-trips at every binary exponent of the range and both sides of each boundary', () => {
    const bytes = new Uint8Array(8);
    for (let e = -260; e <= 251; e += 1) {
      for (const m of [1, 1 + 2 ** -52, 1.5, 2 - 2 ** -52]) {
        const x = m * 2 ** e;
        for (const v of [x, -x]) {
          assert.equal(encodeIbm(v, bytes, 0), 'ok', `2^${e} * ${m}`);
          assert.equal(decodeIbm(bytes, 0), v, `2^${e} * ${m}`);
        }
      }
    }
  });
});
