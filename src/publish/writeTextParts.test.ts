import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CHUNK_BYTES, writeTextParts } from './writeTextParts.js';

const dir = mkdtempSync(join(tmpdir(), 'trialkit-parts-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('writeTextParts', () => {
  it('writes the parts concatenated, as UTF-8, over several chunks', async () => {
    const parts = Array.from({ length: 10000 }, (_, i) => `<p>${i} \u2264 ${'x'.repeat(i % 700)} \u00e9 \ud83d\ude00</p>\n`);
    const path = join(dir, 'many.html');
    await writeTextParts(path, parts);
    const text = parts.join('');
    assert.ok(Buffer.byteLength(text) > 2 * CHUNK_BYTES, 'the test text spans chunks');
    assert.equal(readFileSync(path, 'utf8'), text);
  });

  it('keeps a surrogate pair whole when it is cut between two parts', async () => {
    const emoji = '\ud83d\ude00';
    // The first part ends with the pair's first half, and fills the first chunk but for it.
    const parts = [`${'a'.repeat(CHUNK_BYTES - 1)}${emoji[0]}`, `${emoji[1]}b`, 'c'];
    const path = join(dir, 'pair.txt');
    await writeTextParts(path, parts);
    const bytes = readFileSync(path);
    assert.equal(bytes.toString('utf8'), parts.join(''));
    assert.equal(bytes.length, CHUNK_BYTES - 1 + 4 + 2);
  });

  it('writes a part longer than a chunk whole, in order with the parts around it', async () => {
    const parts = ['head\u2264', `${'\u00e9'.repeat(CHUNK_BYTES)}`, 'tail', '\ud83d', '\ude00'];
    const path = join(dir, 'large.txt');
    await writeTextParts(path, parts);
    assert.equal(readFileSync(path, 'utf8'), parts.join(''));
  });

  it('replaces a file that was there, also with no parts at all', async () => {
    const path = join(dir, 'old.txt');
    writeFileSync(path, 'an older and longer text');
    await writeTextParts(path, ['new']);
    assert.equal(readFileSync(path, 'utf8'), 'new');
    await writeTextParts(path, []);
    assert.equal(readFileSync(path, 'utf8'), '');
  });

  it('rejects with the path when the folder does not exist', async () => {
    await assert.rejects(writeTextParts(join(dir, 'no', 'such.txt'), ['x']), /no[/\\]such\.txt/);
  });
});
