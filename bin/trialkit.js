#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm install` through the prepare script), and bundled in
// dist/bundle (scripts/bundle-cli.mjs), which loads faster. The bundle is used only when it is not older
// than dist/cli/main.js: a `tsc` run without the bundle step must not leave the CLI running stale code.
import { statSync } from 'node:fs';

const mtime = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
const bundled = mtime('../dist/bundle/main.js');
const compiled = mtime('../dist/cli/main.js');
const { main } = bundled !== undefined && (compiled === undefined || bundled >= compiled) ? await import('../dist/bundle/main.js') : await import('../dist/cli/main.js');

process.exitCode = await main(process.argv.slice(2));
