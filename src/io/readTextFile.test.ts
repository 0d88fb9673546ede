import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readTextFile } from './readTextFile.js';

const dir = mkdtempSync(join(tmpdir(), 'trialkit-text-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('readTextFile', () => {
  it('decodes UTF-8, characters beyond Latin-1 and beyond the BMP included', () => {
    const text = '{"term":"Neutrophil count decreased \u2264 1.0 \u00d7 10\u2079/L \ud83d\ude00"}\n';
    const file = join(dir, 'a.json');
    writeFileSync(file, text, 'utf8');
    assert.equal(readTextFile(file), text);
  });

  it('keeps a byte order mark, which the JSON readers strip or refuse themselves', () => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, '\ufeff{}', 'utf8');
    assert.equal(readTextFile(file), '\ufeff{}');
  });

  it('throws the file system error for a missing file', () => {
    assert.throws(() => readTextFile(join(dir, 'missing.json')), /ENOENT/);
  });
});
