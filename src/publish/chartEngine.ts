import { createRequire } from 'node:module';
import type { ChartEngine } from '../report/charts/index.js';

const require = createRequire(import.meta.url);

/**
 * vega and vega-lite loaded with `require`. Both packages are CommonJS bundles: an ES module import makes
 * Node scan each bundle for its export names first, which cost about a fifth of a second of every report;
 * `require` runs the same files without the scan.
 */
export function loadChartEngine(): ChartEngine {
  return { vega: require('vega') as ChartEngine['vega'], vegaLite: require('vega-lite') as ChartEngine['vegaLite'] };
}
