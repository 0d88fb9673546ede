// After tsc (and bundle-distributions): the CLI as a code-split ES module bundle in dist/bundle, which
// bin/trialkit.js runs when present and not older than dist/cli/main.js. `trialkit report` loaded about
// 550 modules from dist/ and zod one by one, and Node's ESM resolution and loading of each cost about
// 0.4 s of every report's start-up. The bundle holds the same compiled code in a few files; lazily
// imported parts (each command, the renderers, the PDF's Chromium module) stay lazy as chunks of their
// own. dist/ stays as it was (the tests import its modules); without this step the CLI runs from dist/.
//
// dist/bundle is one folder below dist, as dist/<folder>/ is: code that finds files from its own URL
// (the demo plan cache's fingerprint over dist/, the web assets under dist/, data/ two folders up) finds
// the same ones. The worker threads are entries of their own, named as in dist/publish, so that
// `new URL('./docxWorker.js', import.meta.url)` in a chunk finds them next to it.
import { buildSync } from 'esbuild';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';

const outdir = 'dist/bundle';
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
// Packages bundled: pure ES modules of many small files (zod's v4 is about 100). The others stay
// external: native addons (resvg, argon2), CommonJS bundles loaded with require (vega, papaparse), and
// the large, rarely used ones (Playwright, PGlite), loaded from node_modules as before.
const bundled = new Set(['zod', 'pure-rand']);
const external = Object.keys(pkg.dependencies).filter((name) => !bundled.has(name) && !name.startsWith('@stdlib/'));

// The distributions module must be bundled with its @stdlib functions first (bundle-distributions.mjs,
// which gives their require() of Node built-ins a require): after a tsc run alone it is not, and the
// @stdlib CommonJS bundled here would fail at run time.
const distributions = 'dist/stats/distributions/distributions.js';
if (!readFileSync(distributions, 'utf8').includes('createRequireForStdlib')) await import('./bundle-distributions.mjs');

rmSync(outdir, { recursive: true, force: true });
const entryPoints = {
  main: 'dist/cli/main.js',
  docxWorker: 'dist/publish/docxWorker.js',
  figureSvgWorker: 'dist/publish/figureSvgWorker.js',
  demoPlanWorker: 'dist/publish/demoPlanWorker.js',
};
for (const file of Object.values(entryPoints)) if (!existsSync(file)) throw new Error(`bundle-cli: ${file} is missing (run tsc first)`);
buildSync({
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  external,
  sourcemap: 'linked',
  legalComments: 'eof',
  logLevel: 'warning',
});

// The chart engine's bundle and V8 code cache (bundle-distributions.mjs) are read from beside the module
// that loads them, now a chunk here: copied, as the code cache is only valid for the same source.
for (const file of ['chartEngine.bundle.cjs', 'chartEngine.bundle.cache']) {
  if (existsSync(`dist/publish/${file}`)) copyFileSync(`dist/publish/${file}`, `${outdir}/${file}`);
}
