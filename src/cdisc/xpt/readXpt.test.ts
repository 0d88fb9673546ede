import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { randomXptDataset, repoPath } from '../../testing/index.js';
import { createXpt } from './createXpt.js';
import { readXpt } from './readXpt.js';
import type { XptDataset, XptRow } from './types.js';

const fixtures = repoPath('src/cdisc/xpt/fixtures');
const timestamp = new Date(Date.UTC(2026, 11, 6, 4, 5, 6));

/** What a dataset reads back as: blanks as '', trailing blanks dropped, -0 and IBM underflows as 0. */
function expectedRows(dataset: XptDataset): XptRow[] {
  return dataset.rows.map((row) =>
    Object.fromEntries(
      dataset.variables.map((v) => {
        const value = row[v.name] ?? null;
        if (v.type === 'char') return [v.name, typeof value === 'string' ? value.trimEnd() : ''];
        if (typeof value === 'number' && Math.abs(value) < 2 ** -260) return [v.name, 0];
        return [v.name, value];
      }),
    ),
  );
}

describe('readXpt', () => {
  for (const name of ['dm', 'numbers', 'empty', 'wide']) {
    it(`reads haven's ${name}.haven.xpt back to the input it was written from`, () => {
      const input = JSON.parse(readFileSync(`${fixtures}/${name}.input.json`, 'utf8')) as XptDataset;
      const file = readXpt(new Uint8Array(readFileSync(`${fixtures}/${name}.haven.xpt`)));
      assert.ok(file.ok, JSON.stringify(file.issues));
      assert.equal(file.value.members.length, 1);
      const member = file.value.members[0];
      assert.equal(member.name, input.name);
      assert.equal(member.label, input.label);
      assert.deepEqual(member.variables, input.variables);
      assert.deepEqual(member.rows, expectedRows(input));
      assert.equal(file.value.sasVersion, '6.06');
    });
  }

  it('takes trailing blank rows that fit in the last record for padding (the format cannot tell them apart)', () => {
    const file = readXpt(new Uint8Array(readFileSync(`${fixtures}/blanktail.haven.xpt`)));
    assert.ok(file.ok);
    // written: Y, N, blank, blank; a 1-byte row length leaves 76 blank bytes of padding after them
    assert.deepEqual(file.value.members[0].rows, [{ FL: 'Y' }, { FL: 'N' }]);
  });

  it('round-trips a random dataset exactly (every double, every ASCII character)', () => {
    const dataset = randomXptDataset(20261206, 2000);
    const out = createXpt(dataset, { timestamp });
    assert.ok(out.ok, JSON.stringify(out.issues.slice(0, 3)));
    const file = readXpt(out.value);
    assert.ok(file.ok);
    assert.deepEqual(file.value.members[0].rows, expectedRows(dataset));
    assert.equal(file.value.members[0].created, '06DEC26:04:05:06');
  });

  it('reads a library of two members', () => {
    const first = createXpt(randomXptDataset(1, 3), { timestamp });
    const second = createXpt({ name: 'TWO', label: 'Second member', variables: [{ name: 'A', label: 'A', type: 'num', length: 8 }], rows: [{ A: 2 }] }, { timestamp });
    assert.ok(first.ok && second.ok);
    const library = new Uint8Array([...first.value, ...second.value.subarray(240)]);
    const file = readXpt(library);
    assert.ok(file.ok, JSON.stringify(file.issues));
    assert.deepEqual(file.value.members.map((m) => [m.name, m.rows.length]), [['RANDOM', 3], ['TWO', 1]]);
  });

  it('names the byte offset of a damaged or unsupported file', () => {
    const good = createXpt(randomXptDataset(2, 2), { timestamp });
    assert.ok(good.ok);
    const truncated = readXpt(good.value.subarray(0, 500));
    assert.deepEqual(truncated.issues.map((i) => [i.code, i.path]), [['bad-xpt', ['bytes', 0]]]);
    const v8 = new Uint8Array(good.value);
    v8.set(Buffer.from('LIBV8   '), 20);
    assert.match(readXpt(v8).issues[0].expected, /version 5/);
    const broken = new Uint8Array(good.value);
    broken.set(Buffer.from('NAMESTX'), 580);
    assert.deepEqual(readXpt(broken).issues.map((i) => [i.code, i.path, i.expected]), [['bad-xpt', ['bytes', 560], 'the NAMESTR header record']]);
  });
});
