import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { listProtocols } from '../protocols/index.js';
import { repoPath } from '../testing/index.js';

// Issue 12: outside src/protocols nothing names a drug, a disease, a response criterion's categories or a
// protocol. This holds it for the report layer and the publish adapter: their source (code, comments and
// READMEs) may not name what the registered protocols define, nor the disease words of the standards.
// Tests are exempt; the report's test trial is built in the reference protocol's testing folder.

const ROOTS = ['src/report', 'src/publish'];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if ((entry.endsWith('.ts') && !entry.endsWith('.test.ts') && !entry.endsWith('.d.ts')) || entry.endsWith('.md')) out.push(full);
  }
  return out;
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (w: string, flags = '') => new RegExp(`(?<![\\w])${escape(w)}(?![\\w])`, flags);

/** What the protocols define (names, drugs, categories, measurements) and the disease words of the standards. */
function forbidden(): { readonly word: string; readonly pattern: RegExp }[] {
  const words: { word: string; pattern: RegExp }[] = [];
  for (const { definition: p } of listProtocols()) {
    for (const w of [p.identity.registryId, p.id, ...p.regimen.drugs.flatMap((d) => [d.id, d.label]), p.response.scale.name, ...p.response.parameters.map((m) => m.label)]) words.push({ word: w, pattern: word(w, 'i') });
    // Codes are matched as written (PR, SD ...); NE is also the statistics' 'not estimable'.
    const codes = [...p.regimen.drugs.map((d) => d.code), ...p.response.scale.categories.map((c) => c.code).filter((c) => c !== p.response.scale.notEvaluable), ...p.response.parameters.map((m) => m.code)];
    for (const w of codes) words.push({ word: w, pattern: word(w) });
  }
  for (const w of ['myeloma', 'M-protein', 'FLC', 'ISS', 'R-ISS', 'IMWG', 'RECIST', 'pomalidomide', 'dexamethasone', 'lenalidomide', 'bortezomib', 'daratumumab']) words.push({ word: w, pattern: word(w, 'i') });
  return words;
}

describe('no protocol in the report layer', () => {
  it('names no drug, disease, response category or protocol in src/report and src/publish', () => {
    const words = forbidden();
    const files = ROOTS.flatMap((root) => sources(repoPath(...root.split('/'))));
    assert.ok(files.length > 50, `${files.length} files scanned`);
    const hits: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const w of words) if (w.pattern.test(line)) hits.push(`${relative(repoPath(), file)}:${i + 1}: '${w.word}' in ${line.trim().slice(0, 120)}`);
        });
    }
    assert.deepEqual(hits, []);
  });

  it('would catch one (the check can fail)', () => {
    const words = forbidden();
    const protocol = listProtocols()[0].definition;
    const line = `const label = '${protocol.regimen.drugs[0].label}-related';`;
    assert.ok(words.some((w) => w.pattern.test(line)));
    assert.ok(words.some((w) => w.pattern.test(`case '${protocol.response.scale.categories[0].code}':`)));
  });
});
