import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { repoPath } from '../testing/index.js';

// The EDC serves any protocol from its definition: nothing in the server, the web application or the store
// names a drug, a disease, a response criterion or its categories, or the reference trial. Tests and test
// support (contracts) may name the protocol they run on; the shipped code may not.

const WORDS = /pomalidomide|dexamethasone|lenalidomide|thalidomide|bortezomib|daratumumab|myeloma|nct05236621|m-protein|imwg|recist|immunofixation|plasmacytoma/i;
/** Codes that are words only in capitals (case-sensitive, whole words): light chains, staging, response categories. */
const CODES = /\b(FLC|ISS|R-ISS|VGPR|sCR|RRMM|SPEP|UPEP|DFLC)\b/;

function shipped(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...shipped(full));
    else if (entry.endsWith('.ts') && !/\.test\.ts$|\.contract\.ts$|Contract\.ts$|^contractSupport\.ts$|\.d\.ts$/.test(entry)) out.push(full);
  }
  return out;
}

describe('protocol-neutral adapters', () => {
  it('names no drug, disease, response criterion or category, nor the reference trial, in src/server, src/web and src/store', () => {
    const hits: string[] = [];
    for (const folder of ['server', 'web', 'store']) {
      for (const file of shipped(repoPath('src', folder))) {
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, index) => {
            const found = WORDS.exec(line) ?? CODES.exec(line);
            if (found !== null) hits.push(`${relative(repoPath('src'), file)}:${index + 1}: ${found[0]}`);
          });
      }
    }
    assert.deepEqual(hits, []);
  });

  it('would see such a word (the check can fail)', () => {
    assert.ok(WORDS.test('serum M-protein') && CODES.test('a VGPR') && !CODES.test('screening'));
  });
});
