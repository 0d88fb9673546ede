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
const pureFolders = ['stats', 'clinical', 'result', 'report', 'demo', 'reproduce', 'protocols', 'cdisc'];

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

/**
 * Issue 12: nothing outside src/protocols/ names a drug, a disease or a response criterion's categories,
 * except the standards library (src/clinical) and the CLI commands named after a standard. The words are
 * the ones a protocol brings: its drugs, its disease, the measurements and categories of its criteria, its
 * registry id. Comments count too: a generic layer that explains itself in one trial's terms is not generic.
 */
const PROTOCOL_WORDS: readonly RegExp[] = [
  /pomalidomide|dexamethasone|lenalidomide|thalidomide|bortezomib|carfilzomib|ixazomib|daratumumab|isatuximab|cabozantinib/i,
  /myeloma|\bRRMM\b|plasmacytoma|plasma cell|immunofixation|light[- ]chain/i,
  /\bIMWG\b|M-protein|MProtein|\bFLC\b|\bR?-?ISS\b|\bRISS\b|\bVGPR\b|\bsCR\b/,
  /\bRECIST\b|non-small-cell|\bNSCLC\b|\bRET\b fusion/i,
  /NCT05236621|NCT01639508/i,
];

const GENERIC_FOLDERS = ['store', 'server', 'web', 'report', 'publish', 'reproduce', 'stats', 'io', 'result', 'demo', 'cli', 'cdisc'];
/** CLI commands named after a standard may name it (their whole job is that standard), and so may their registration line. */
const STANDARD_COMMANDS = new Set(['cli/commands/imwg.ts', 'cli/commands/recist.ts']);
const STANDARD_COMMAND_LINE = /name: '(imwg|recist)'/;
/** Test support counts as tests: contract suites run by the engine tests, fixture trial builders. */
const TEST_SUPPORT = /(\.contract|Contract|TestTrial)\.ts$/;

describe('protocols are data (issue 12)', () => {
  it('no generic layer names a drug, a disease, a criterion or a registry id', () => {
    const offenders: string[] = [];
    for (const folder of GENERIC_FOLDERS) {
      let files: string[] = [];
      try {
        files = sourceFiles(join(srcRoot, folder));
      } catch {
        continue;
      }
      for (const file of files) {
        const name = relative(srcRoot, file).split(sep).join('/');
        if (STANDARD_COMMANDS.has(name) || TEST_SUPPORT.test(name)) continue;
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, index) => {
            if (STANDARD_COMMAND_LINE.test(line)) return;
            for (const word of PROTOCOL_WORDS) {
              const match = word.exec(line);
              if (match !== null) offenders.push(`${name}:${index + 1}: '${match[0]}'`);
            }
          });
      }
    }
    assert.deepEqual(offenders, [], `${offenders.length} lines name a protocol's drug, disease or criterion outside src/protocols`);
  });

  it('the core never reaches for a protocol: clinical, stats, report and reproduce take one as an argument', () => {
    const offenders: string[] = [];
    for (const folder of ['clinical', 'stats', 'report', 'reproduce', 'result', 'io']) {
      for (const file of sourceFiles(join(srcRoot, folder))) {
        if (TEST_SUPPORT.test(file)) continue;
        for (const spec of imports(file)) if (/\/protocols\//.test(spec)) offenders.push(`${relative(srcRoot, file)} imports ${spec}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
