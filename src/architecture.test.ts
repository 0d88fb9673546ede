import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { repoPath } from './testing/index.js';

// The layering rules of ARCHITECTURE.md, checked on the source so they cannot drift silently.

const srcRoot = repoPath('src');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (entry.endsWith('.ts') && !entry.endsWith('.test.ts') && !entry.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)) found.push(match[1]);
  for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]);
  return found;
}

/** Folders that must stay pure: no file, network, database, process or clock access. */
const pureFolders = ['stats', 'clinical', 'result', 'report', 'demo', 'reproduce', 'cdisc'];

describe('architecture', () => {
  it('keeps the pure core free of I/O modules', () => {
    const offenders: string[] = [];
    for (const folder of pureFolders) {
      let files: string[] = [];
      try {
        files = sourceFiles(join(srcRoot, folder));
      } catch {
        continue;
      }
      for (const file of files) {
        for (const spec of imports(file)) {
          if (spec.startsWith('node:') || ['fs', 'path', 'http', 'net', 'child_process', 'pg'].includes(spec) || spec.startsWith('@electric-sql')) {
            offenders.push(`${relative(srcRoot, file)} imports ${spec}`);
          }
        }
        const text = readFileSync(file, 'utf8');
        if (/\bDate\.now\(|new Date\(\)|process\./.test(text)) offenders.push(`${relative(srcRoot, file)} reads the clock or process`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('keeps statistics free of clinical knowledge', () => {
    const offenders = sourceFiles(join(srcRoot, 'stats'))
      .flatMap((file) => imports(file).map((spec) => [file, spec] as const))
      .filter(([, spec]) => /\/(clinical|protocol|demo|report|server|web)\b/.test(spec))
      .map(([file, spec]) => `${relative(srcRoot, file)} imports ${spec}`);
    assert.deepEqual(offenders, []);
  });

  it('imports other top-level folders only through their index', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(srcRoot)) {
      const parts = relative(srcRoot, file).split(sep);
      const ownTop = parts.length > 1 ? parts[0] : '';
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(srcRoot, join(file, '..', spec)).split(sep);
        const targetTop = target.length > 1 ? target[0] : '';
        if (targetTop === ownTop || targetTop === '' || targetTop === '..') continue;
        // Inside another top-level folder, only its index (or a sub-folder's index) may be imported.
        if (target.at(-1) !== 'index.js') offenders.push(`${relative(srcRoot, file)} imports ${spec}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
