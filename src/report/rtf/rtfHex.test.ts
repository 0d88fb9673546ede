import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hexLines } from './rtfHex.js';

/** The digit pairs as strings, as the RTF writer made them before. */
function reference(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let start = 0; start < bytes.length; start += 64) lines.push([...bytes.subarray(start, start + 64)].map((b) => b.toString(16).padStart(2, '0')).join(''));
  return lines.join('\n');
}

describe('hexLines', () => {
  it('writes nothing for no bytes', () => assert.equal(hexLines(new Uint8Array(0)), ''));

  it('writes lowercase digit pairs, 64 bytes a line, no newline at the end', () => {
    assert.equal(hexLines(Uint8Array.of(0x00, 0x0f, 0xa0, 0xff)), '000fa0ff');
    for (const length of [1, 63, 64, 65, 128, 129, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff);
      assert.equal(hexLines(bytes), reference(bytes), `${length} bytes`);
    }
  });
});
