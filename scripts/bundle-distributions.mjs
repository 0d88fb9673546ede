// After tsc: bundles the compiled distributions module with the @stdlib functions it imports into one
// file, in place. @stdlib installs each function as a package of many small packages (about 300 for
// the nine functions used); Node resolving and loading them took about 0.3 s of every command's
// start-up, more than a Kaplan-Meier fit of a million subjects. The code that runs is still @stdlib's,
// unchanged; only where it is loaded from changes. Without this step everything works, more slowly.
import { buildSync } from 'esbuild';

const file = 'dist/stats/distributions/distributions.js';
buildSync({
  entryPoints: [file],
  outfile: file,
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: true,
  legalComments: 'eof',
  // Some @stdlib packages require() Node built-ins (e.g. through `debug`); ESM has no require.
  banner: { js: "import { createRequire as createRequireForStdlib } from 'node:module';\nconst require = createRequireForStdlib(import.meta.url);" },
  logLevel: 'warning',
});

// vega and vega-lite as one CommonJS file for the figure thread (publish/chartEngine.ts), and V8's code
// cache of it. Loading the two packages was a quarter of a second of every report with figures (Node
// resolving and reading vega's 25 packages, V8 compiling them); from the bundle with its code cache it
// is about half of that. The cache is made after a warm-up chart, so it also holds the bytecode of the
// functions the figures call. The code is vega's and vega-lite's, unchanged (same versions, same
// resolution); a cache V8 rejects (another Node) only costs the compile it would have saved.
const engineBundle = 'dist/publish/chartEngine.bundle.cjs';
buildSync({
  stdin: { contents: "module.exports = { vega: require('vega'), vegaLite: require('vega-lite') };", resolveDir: '.', loader: 'js' },
  outfile: engineBundle,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  // vega-canvas tries require('canvas') and draws without it (the report renders headless).
  external: ['canvas'],
  logLevel: 'warning',
});
const { writeChartEngineCodeCache } = await import('../dist/publish/chartEngine.js');
await writeChartEngineCodeCache();
