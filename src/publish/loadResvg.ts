import { createRequire } from 'node:module';
import type * as Resvg from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

/** mimalloc's purge delay set for resvg (milliseconds, as mimalloc reads it from the environment). */
export const RESVG_PURGE_DELAY_MS = '1000';

/**
 * resvg's package, loaded with its allocator told to keep freed memory for a second. The native module
 * allocates with mimalloc, which hands freed memory back to the system 10 ms after it is freed: a report
 * draws its figures one after another into pixmaps of several megabytes, so every figure faulted its
 * pages in afresh (about 90,000 page faults and 0.3 s of system CPU for the demo's 19 figures). Kept a
 * second, the next figure reuses them: half the faults, about 0.1 s less CPU, and what is kept is what
 * the previous figure used, given back a second after the last.
 *
 * mimalloc reads the option from the environment when the module loads, hence `require` here after the
 * variable is set: a static import would load the module first, before any code of the importer runs.
 * A delay the user set is left as it is. Child processes (Chromium) inherit the variable; only mimalloc
 * reads it.
 */
export function loadResvg(): typeof Resvg {
  if (process.env.MIMALLOC_PURGE_DELAY === undefined) process.env.MIMALLOC_PURGE_DELAY = RESVG_PURGE_DELAY_MS;
  return require('@resvg/resvg-js') as typeof Resvg;
}
