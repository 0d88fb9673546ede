import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type { ChartEngine } from '../report/charts/index.js';
import { warmUpChartEngine } from './warmUpChartEngine.js';

const require = createRequire(import.meta.url);

/** vega and vega-lite in one file with V8's code cache of it, both written by scripts/bundle-distributions.mjs. */
const BUNDLE = new URL('./chartEngine.bundle.cjs', import.meta.url);
const CODE_CACHE = new URL('./chartEngine.bundle.cache', import.meta.url);

/**
 * The bundle run as Node runs a CommonJS file (the same wrapper, so the same code), compiled with the
 * code cache when there is one. Null without a bundle (dist/ built by tsc alone).
 */
export function loadBundledChartEngine(withCodeCache = true): { readonly engine: ChartEngine; readonly script: Script; readonly codeCacheUsed: boolean } | null {
  let source: string;
  try {
    source = readFileSync(BUNDLE, 'utf8');
  } catch {
    return null;
  }
  let cachedData: Buffer | undefined;
  if (withCodeCache) {
    try {
      cachedData = readFileSync(CODE_CACHE);
    } catch {
      cachedData = undefined;
    }
  }
  const filename = fileURLToPath(BUNDLE);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, ...(cachedData === undefined ? {} : { cachedData }) });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: { exports: unknown }, f: string, d: string) => void)(module.exports, require, module, filename, dirname(filename));
  return { engine: module.exports as ChartEngine, script, codeCacheUsed: cachedData !== undefined && script.cachedDataRejected !== true };
}

/**
 * vega and vega-lite: from the bundle when the build made one, else with `require`. Both packages are
 * CommonJS: an ES module import makes Node scan each bundle for its export names first, which cost about
 * a fifth of a second of every report; `require` runs the same files without the scan, and the bundle with
 * its code cache skips resolving vega's packages and compiling them.
 */
export function loadChartEngine(): ChartEngine {
  return loadBundledChartEngine(true)?.engine ?? { vega: require('vega') as ChartEngine['vega'], vegaLite: require('vega-lite') as ChartEngine['vegaLite'] };
}

/** vega and vega-lite with `require`, never the bundle (tests compare the two). */
export function requireChartEngine(): ChartEngine {
  return { vega: require('vega') as ChartEngine['vega'], vegaLite: require('vega-lite') as ChartEngine['vegaLite'] };
}

/**
 * Writes the bundle's code cache (build step): after the warm-up chart, so that the cache holds the
 * bytecode of the functions the figures run, not only of the code that runs on load.
 */
export async function writeChartEngineCodeCache(): Promise<void> {
  const loaded = loadBundledChartEngine(false);
  if (loaded === null) throw new Error(`no chart engine bundle at ${fileURLToPath(BUNDLE)}`);
  await warmUpChartEngine(loaded.engine);
  writeFileSync(CODE_CACHE, loaded.script.createCachedData());
}
