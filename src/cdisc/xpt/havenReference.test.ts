import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repoPath, xptTimestampOf } from '../../testing/index.js';
import { createXpt } from './createXpt.js';
import type { XptDataset } from './types.js';

// Byte-for-byte comparison with SAS transport files written by R's haven::write_xpt(version = 5) (haven 2.5.1,
// ReadStat) from the same input: fixtures/haven-write.R turns fixtures/<name>.input.json into <name>.haven.xpt.
// The header timestamp is the time R wrote the file, so it is read from haven's file and given to createXpt.

const fixtures = repoPath('src/cdisc/xpt/fixtures');

function load(name: string): { input: XptDataset; reference: Uint8Array; ours: Uint8Array } {
  const input = JSON.parse(readFileSync(`${fixtures}/${name}.input.json`, 'utf8')) as XptDataset;
  const reference = new Uint8Array(readFileSync(`${fixtures}/${name}.haven.xpt`));
  const out = createXpt(input, { timestamp: xptTimestampOf(reference) });
  assert.ok(out.ok, JSON.stringify(out.issues));
  return { input, reference, ours: out.value };
}

function differences(a: Uint8Array, b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) if (a[i] !== b[i]) out.push(i);
  return out;
}

describe('XPT bytes against haven::write_xpt(version = 5)', () => {
  for (const name of ['dm', 'numbers', 'empty', 'wide', 'blanktail']) {
    it(`${name}: identical bytes`, () => {
      const { reference, ours } = load(name);
      assert.equal(ours.length, reference.length);
      const diff = differences(ours, reference);
      assert.deepEqual(diff.slice(0, 10), [], `${diff.length} bytes differ, first at ${diff[0]}`);
    });
  }

  it('numbers: the underflows haven writes as 0 are warned about, not hidden', () => {
    const input = JSON.parse(readFileSync(`${fixtures}/numbers.input.json`, 'utf8')) as XptDataset;
    const out = createXpt(input, { timestamp: new Date(0) });
    assert.ok(out.ok);
    const flagged = out.issues.map((i) => `${String(i.path[1])}.${String(i.path[2])}`);
    const expected = input.rows.flatMap((row, r) => ['X', 'NEGX'].filter((v) => { const x = row[v]; return typeof x === 'number' && x !== 0 && Math.abs(x) < 2 ** -260; }).map((v) => `${r}.${v}`));
    assert.ok(expected.length >= 8);
    assert.deepEqual(flagged, expected);
  });

  it('extremes: differ exactly where |x| >= 2^249, which ReadStat saturates and trialkit writes exactly', () => {
    const { input, reference, ours } = load('extremes');
    const dataStart = 640 + 320 + 80; // 8 header records, 2 namestrs padded to 320 bytes, OBS header
    const rowLength = 16;
    const expectedRows = input.rows.flatMap((row, r) => (Math.abs(row.X as number) >= 2 ** 249 ? [r] : []));
    assert.deepEqual(expectedRows, [0, 1, 2, 3, 4, 5]);
    const differing = [...new Set(differences(ours, reference).map((at) => Math.floor((at - dataStart) / rowLength)))];
    assert.deepEqual(differing, expectedRows);
    for (const r of expectedRows) {
      const x = reference.subarray(dataStart + r * rowLength + 8, dataStart + r * rowLength + 16);
      const sign = (input.rows[r].X as number) < 0 ? 'ff' : '7f';
      assert.equal(Buffer.from(x).toString('hex'), `${sign}ffffffffffffff`, `haven's bytes for row ${r}`);
    }
  });
});
