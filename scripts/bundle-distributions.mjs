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
