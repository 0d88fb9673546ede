import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCohortPlan, createDemoTrial, type CohortPlan, type CohortPlanOptions, type DemoTrial } from '../demo/index.js';

/**
 * The demo trial, with its cohort plan generated on first use and cached on disk. Calibrating the plan
 * (a seeded search over event times) takes about two seconds; rendering the plan into CRFs takes
 * milliseconds. The cache key is a hash of the options and of the compiled generator code and the code it
 * imports (clinical, stats, result), so a changed generator or engine can never be served a stale plan. The
 * cache is an optimisation only: an unwritable or corrupt cache falls back to generating the plan.
 *
 * Location: $TRIALKIT_CACHE_DIR, else $XDG_CACHE_HOME/trialkit, else ~/.cache/trialkit;
 * TRIALKIT_NO_CACHE=1 turns it off.
 */
export interface DemoTrialCacheOptions extends CohortPlanOptions {
  readonly cacheDir?: string | null;
}

let generatorFingerprint: string | null = null;

/**
 * The folders whose code can change a plan: the generator and everything it imports (the clinical engines it
 * checks its intentions with, the statistics it calibrates with, the result types).
 */
const GENERATOR_FOLDERS: readonly string[] = Object.freeze(['demo', 'clinical', 'stats', 'result']);

function hashFolder(hash: ReturnType<typeof createHash>, root: string, relative: string): void {
  const entries = readdirSync(join(root, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(relative, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'fixtures') hashFolder(hash, root, path);
    } else if (/\.(js|ts)$/.test(entry.name) && !/\.test\.|\.d\.ts$/.test(entry.name)) {
      hash.update(path).update(readFileSync(join(root, path)));
    }
  }
}

/** sha256 over the compiled files of the demo generator and of the code it imports (GENERATOR_FOLDERS). */
function fingerprint(): string {
  if (generatorFingerprint !== null) return generatorFingerprint;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const hash = createHash('sha256');
  for (const folder of GENERATOR_FOLDERS) hashFolder(hash, root, folder);
  generatorFingerprint = hash.digest('hex').slice(0, 16);
  return generatorFingerprint;
}

function defaultCacheDir(): string | null {
  if (process.env['TRIALKIT_NO_CACHE'] === '1') return null;
  const explicit = process.env['TRIALKIT_CACHE_DIR'];
  if (explicit !== undefined && explicit !== '') return explicit;
  const xdg = process.env['XDG_CACHE_HOME'];
  return join(xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.cache'), 'trialkit');
}

/** Plans are immutable values; one parsed from the cache is frozen like one just generated. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/** The cohort plan for these options, read from the cache when present, generated (and cached) otherwise. */
export function loadDemoPlan(options: DemoTrialCacheOptions = {}): { plan: CohortPlan; cached: boolean } {
  const { cacheDir = defaultCacheDir(), ...planOptions } = options;
  if (cacheDir === null) return { plan: createCohortPlan(planOptions), cached: false };
  const key = createHash('sha256')
    .update(fingerprint())
    .update(JSON.stringify([planOptions.seed ?? null, planOptions.size ?? null, planOptions.mix ?? null]))
    .digest('hex')
    .slice(0, 24);
  const file = join(cacheDir, `demo-plan-${key}.json`);
  try {
    return { plan: deepFreeze(JSON.parse(readFileSync(file, 'utf8')) as CohortPlan), cached: true };
  } catch {
    // Missing or unreadable: generate below.
  }
  const plan = createCohortPlan(planOptions);
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Write then rename, so a concurrent reader never sees half a file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(plan));
    renameSync(partial, file);
  } catch {
    // A read-only home or cache folder only costs the generation time.
  }
  return { plan, cached: false };
}

/** The SYNTHETIC demo trial (see src/demo), from the cached plan. */
export function loadCachedDemoTrial(options: DemoTrialCacheOptions = {}): DemoTrial {
  return createDemoTrial({ plan: loadDemoPlan(options).plan });
}
