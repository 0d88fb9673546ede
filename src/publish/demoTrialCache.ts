import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoDefinition, DemoPlan, DemoPlanOptions, DemoTrial } from '../demo/index.js';

/**
 * A protocol's demo trial, with its cohort plan generated on first use and cached on disk. Calibrating the
 * plan (a seeded search over event times) takes seconds; rendering the plan into CRFs takes milliseconds.
 * The cache key is a hash of the protocol, the options and the compiled code of the demo's generator
 * folders, so a changed generator or engine can never be served a stale plan. The cache is an optimisation
 * only: an unwritable or corrupt cache falls back to generating the plan.
 *
 * Location: $TRIALKIT_CACHE_DIR, else $XDG_CACHE_HOME/trialkit, else ~/.cache/trialkit;
 * TRIALKIT_NO_CACHE=1 turns it off.
 */
export interface DemoTrialCacheOptions extends DemoPlanOptions {
  readonly cacheDir?: string | null;
  /** Part of the cache key: the protocol the demo belongs to. */
  readonly protocolId: string;
}

/** Fingerprints by the demo's folder list (computed once per process). */
const fingerprints = new Map<string, string>();

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

/** sha256 over the compiled files of the demo generator and of the code it imports (its planCodeFolders). */
function fingerprint(folders: readonly string[]): string {
  const key = folders.join('\u0000');
  const known = fingerprints.get(key);
  if (known !== undefined) return known;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const hash = createHash('sha256');
  for (const folder of folders) hashFolder(hash, root, folder);
  const digest = hash.digest('hex').slice(0, 16);
  fingerprints.set(key, digest);
  return digest;
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

/** Where this plan is cached (null: no cache), and the options the plan is generated with. */
function planCacheFile(demo: DemoDefinition, options: DemoTrialCacheOptions): { file: string | null; planOptions: DemoPlanOptions } {
  const { cacheDir = defaultCacheDir(), protocolId, ...planOptions } = options;
  if (cacheDir === null) return { file: null, planOptions };
  const key = createHash('sha256')
    .update(fingerprint(demo.planCodeFolders))
    .update(JSON.stringify([protocolId, planOptions.seed ?? null, planOptions.size ?? null]))
    .digest('hex')
    .slice(0, 24);
  return { file: join(cacheDir, `demo-plan-${protocolId.toLowerCase().replace(/[^a-z0-9-]/g, '')}-${key}.json`), planOptions };
}

function readCachedPlan<Plan extends DemoPlan>(file: string | null): Plan | null {
  if (file === null) return null;
  try {
    return deepFreeze(JSON.parse(readFileSync(file, 'utf8')) as Plan);
  } catch {
    // Missing or unreadable: the caller generates it.
    return null;
  }
}

function storePlan(file: string | null, plan: DemoPlan): void {
  if (file === null) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Write then rename, so a concurrent reader never sees half a file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(plan));
    renameSync(partial, file);
  } catch {
    // A read-only home or cache folder only costs the generation time.
  }
}

/** The demo's cohort plan for these options, read from the cache when present, generated (and cached) otherwise. */
export function loadDemoPlan<Plan extends DemoPlan>(demo: DemoDefinition<Plan>, options: DemoTrialCacheOptions): { plan: Plan; cached: boolean } {
  const { file, planOptions } = planCacheFile(demo, options);
  const cached = readCachedPlan<Plan>(file);
  if (cached !== null) return { plan: cached, cached: true };
  const plan = demo.createPlan(planOptions);
  storePlan(file, plan);
  return { plan, cached: false };
}

/**
 * As loadDemoPlan, with a plan that is not cached generated by `generate` (e.g. on a worker thread, so
 * that the caller's thread can start other work while the plan is calibrated). `generate` must give what
 * demo.createPlan gives for the same options.
 */
export async function loadDemoPlanAsync<Plan extends DemoPlan>(
  demo: DemoDefinition<Plan>,
  options: DemoTrialCacheOptions,
  generate: (planOptions: DemoPlanOptions) => Promise<Plan>,
): Promise<{ plan: Plan; cached: boolean }> {
  const { file, planOptions } = planCacheFile(demo, options);
  const cached = readCachedPlan<Plan>(file);
  if (cached !== null) return { plan: cached, cached: true };
  // A plan copied from another thread is frozen like one generated here.
  const plan = deepFreeze(await generate(planOptions));
  storePlan(file, plan);
  return { plan, cached: false };
}

/** The demo's SYNTHETIC trial (forms, screening records, plan), from the cached plan. */
export function loadCachedDemoTrial<Plan extends DemoPlan>(demo: DemoDefinition<Plan>, options: DemoTrialCacheOptions): DemoTrial<Plan> {
  return demo.renderTrial(loadDemoPlan(demo, options).plan);
}
