import { readFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the browser's files come from. The client is plain ES modules compiled by tsc next to this file
 * (dist/web/client), and it imports the pure clinical modules it runs live (the CRF schema builder, the
 * eligibility engine, CTCAE grading, units) from the same compiled tree, so the browser validates and
 * derives with the server's code, from the protocol's metadata it reads from GET /api/v1/protocol.
 * Only these folders are served: the rest of the tree (server, store, CLI) never leaves the machine.
 */
const COMPILED_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const SERVED_FOLDERS: readonly string[] = Object.freeze([
  'web/client',
  'result',
  'clinical/crf',
  'clinical/ctcae',
  'clinical/dates',
  'clinical/eligibility',
  'clinical/renal',
  'clinical/subject',
  'clinical/units',
]);

/** Browser builds of the libraries the client loads, by the URL name they are served under. */
const VENDOR_FILES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'vega.min.js': ['vega', 'build', 'vega.min.js'],
  'vega-lite.min.js': ['vega-lite', 'build', 'vega-lite.min.js'],
});

export interface StaticFile {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
});

async function readInside(root: string, relativePath: string): Promise<StaticFile | undefined> {
  if (!/^[A-Za-z0-9_./-]+$/.test(relativePath) || relativePath.split('/').some((part) => part === '..' || part === '')) return undefined;
  const extension = relativePath.slice(relativePath.lastIndexOf('.'));
  const contentType = CONTENT_TYPES[extension];
  if (contentType === undefined) return undefined;
  const full = resolve(root, relativePath);
  if (!full.startsWith(root + sep)) return undefined;
  try {
    return { body: new Uint8Array(await readFile(full)), contentType };
  } catch {
    return undefined;
  }
}

/** A compiled module of the served folders ('web/client/app.js'), or undefined. */
export function readCompiledModule(relativePath: string): Promise<StaticFile | undefined> {
  const folder = SERVED_FOLDERS.find((f) => relativePath.startsWith(`${f}/`) && !relativePath.slice(f.length + 1).includes('/'));
  if (folder === undefined || relativePath.endsWith('.test.js')) return Promise.resolve(undefined);
  return readInside(COMPILED_ROOT, relativePath);
}

async function packageRoot(name: string): Promise<string | undefined> {
  let dir = COMPILED_ROOT;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    try {
      await readFile(join(candidate, 'package.json'));
      return candidate;
    } catch {
      const parent = dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }
}

/** A vendor file: 'vega.min.js', 'vega-lite.min.js', or 'zod/<path>.js' (zod's own ES modules). */
export async function readVendorFile(name: string): Promise<StaticFile | undefined> {
  const known = VENDOR_FILES[name];
  if (known !== undefined) {
    const [pkg, ...rest] = known;
    const root = await packageRoot(pkg);
    return root === undefined ? undefined : readInside(root, rest.join('/'));
  }
  if (name.startsWith('zod/')) {
    const root = await packageRoot('zod');
    const inner = name.slice('zod/'.length);
    return root === undefined || inner.startsWith('src/') ? undefined : readInside(root, inner);
  }
  return undefined;
}
