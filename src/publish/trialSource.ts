import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { validateTrialData, type ProtocolDefinition, type TrialData } from '../clinical/index.js';
import { findProtocol, listProtocols, protocolOf } from '../protocols/index.js';
import { readTextFile } from '../io/index.js';
import { InputError, issue } from '../result/index.js';
import type { DemoDefinition, DemoPlan } from '../demo/index.js';
import { createPlanOnThread } from './createPlanOnThread.js';
import { loadDemoPlan, loadDemoPlanAsync, type DemoTrialCacheOptions } from './demoTrialCache.js';

/** A trial to report on, with the protocol it was run under. Whether it is synthetic is TrialData.synthetic. */
export interface TrialSource {
  readonly trial: TrialData;
  readonly protocol: ProtocolDefinition;
  /** For a synthetic trial: the sentence the report's SYNTHETIC banner adds (how it was made). */
  readonly syntheticNote?: string;
  /** Where it came from, for messages: 'demo trial (seed 7)' or the file path. */
  readonly label: string;
}

export interface TrialSourceOptions {
  /** The protocol to read the trial under (folder or registry id); default: the trial's own protocolId. Required for 'demo'. */
  readonly protocolId?: string;
  /** Seed of the demo trial. */
  readonly seed?: number;
  /** Where demo plans are cached (null: no cache; default: the user cache folder). */
  readonly cacheDir?: string | null;
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readTextFile(path);
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, [issue('unreadable-file', [path], undefined, 'a readable JSON file')]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, [issue('bad-json', [path], undefined, 'valid JSON')]);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The registered protocol with this id, or an InputError naming the ids there are. */
export function protocolById(id: string, where: readonly (string | number)[]): ProtocolDefinition {
  const protocol = protocolOf(id);
  if (protocol !== undefined) return protocol;
  const known = listProtocols().map((m) => m.definition.id);
  throw new InputError(`unknown protocol '${id}' (known: ${known.join(', ')})`, [issue('unknown-protocol', [...where], id, `a registered protocol id (${known.join(', ')})`)]);
}

/** The demo of options.protocolId, and the plan cache's options for it. */
function demoOf(options: TrialSourceOptions): { protocol: ProtocolDefinition; demo: DemoDefinition; cacheOptions: DemoTrialCacheOptions } {
  const { seed } = options;
  if (options.protocolId === undefined) throw new InputError('the demo trial of which protocol? (--protocol)', [issue('missing-protocol', ['--protocol'], undefined, 'a registered protocol id')]);
  const protocol = protocolById(options.protocolId, ['--protocol']);
  const demo = findProtocol(protocol.id)?.demo;
  if (demo === undefined) throw new InputError(`protocol ${protocol.id} has no demo trial`, [issue('no-demo', ['--protocol'], protocol.id, 'a protocol with a demo trial (`trialkit protocols` says which)')]);
  return { protocol, demo, cacheOptions: { protocolId: protocol.id, ...(seed === undefined ? {} : { seed }), ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }) } };
}

function demoSource(protocol: ProtocolDefinition, demo: DemoDefinition, plan: DemoPlan, seed: number | undefined): TrialSource {
  const rendered = demo.renderTrial(plan);
  return Object.freeze({ trial: rendered.trial, protocol, syntheticNote: demo.syntheticNote, label: seed === undefined ? `${protocol.id} demo trial` : `${protocol.id} demo trial (seed ${seed})` });
}

/**
 * Loads a trial: 'demo' (the SYNTHETIC demo trial of `options.demo`, optionally with another seed), a
 * TrialData JSON file, or a folder holding trial.json. The trial is read under the protocol it names
 * (its protocolId, or `options.protocolId`) from the registry in src/protocols, and checked against that
 * protocol's forms. `synthetic: true` in the file prints the SYNTHETIC labels.
 */
export function loadTrialSource(source: string, options: TrialSourceOptions = {}): TrialSource {
  if (source === 'demo') {
    const { protocol, demo, cacheOptions } = demoOf(options);
    return demoSource(protocol, demo, loadDemoPlan(demo, cacheOptions).plan, options.seed);
  }
  if (!existsSync(source)) throw new InputError(`--trial ${source}: no such file or folder`, [issue('missing-file', ['--trial'], source, "'demo', a TrialData JSON file or a folder with trial.json")]);
  const folder = statSync(source).isDirectory();
  const trialPath = folder ? join(source, 'trial.json') : source;
  if (folder && !existsSync(trialPath)) throw new InputError(`--trial ${source}: the folder has no trial.json`, [issue('missing-file', ['--trial'], trialPath, 'trial.json (TrialData) in the folder')]);
  if (folder && existsSync(join(source, 'protocol.json'))) {
    const path = join(source, 'protocol.json');
    throw new InputError(`${path}: protocol.json is not read; the report follows the registered protocol the trial names (protocolId) or --protocol`, [
      issue('protocol-json-unsupported', [path], undefined, 'no protocol.json: a protocol is a folder of src/protocols'),
    ]);
  }
  const raw = readJson(trialPath);
  const own = isRecord(raw) && typeof raw.protocolId === 'string' ? raw.protocolId : undefined;
  if (own === undefined) throw new InputError(`${trialPath}: no protocolId`, [issue('missing-protocol', [trialPath, 'protocolId'], undefined, 'the id of a registered protocol')]);
  const protocol = protocolById(own, [trialPath, 'protocolId']);
  agrees(protocol, options.protocolId);
  const outcome = validateTrialData(raw, protocol);
  if (!outcome.ok) throw new InputError(`${trialPath} is not valid trial data (${outcome.issues.length} problem${outcome.issues.length === 1 ? '' : 's'})`, outcome.issues);
  return Object.freeze({ trial: outcome.value, protocol, label: trialPath });
}

/** A protocol asked for (--protocol) must be the one the trial was captured under. */

/**
 * As loadTrialSource; a demo plan that is not cached is calibrated on a worker thread (createPlanOnThread),
 * so that the caller can load modules and start Chromium meanwhile (the cold first `trialkit report`).
 */
export async function loadTrialSourceAsync(source: string, options: TrialSourceOptions = {}): Promise<TrialSource> {
  if (source !== 'demo') return loadTrialSource(source, options);
  const { protocol, demo, cacheOptions } = demoOf(options);
  const { plan } = await loadDemoPlanAsync(demo, cacheOptions, (planOptions) => createPlanOnThread(demo, protocol.id, planOptions));
  return demoSource(protocol, demo, plan, options.seed);
}

function agrees(protocol: ProtocolDefinition, asked: string | undefined): void {
  if (asked === undefined) return;
  const wanted = protocolById(asked, ['--protocol']);
  if (wanted.id !== protocol.id)
    throw new InputError(`the trial follows protocol ${protocol.id}, not ${wanted.id}`, [issue('protocol-mismatch', ['--protocol'], asked, `${protocol.id} (the trial's own protocol)`)]);
}

/** A trial read from the EDC database (the CLI and the server read it: the store is an adapter this layer does not open). */
export function storedTrialSource(trial: TrialData, label: string, protocolId?: string): TrialSource {
  const protocol = protocolById(trial.protocolId, ['protocolId']);
  agrees(protocol, protocolId);
  return Object.freeze({ trial, protocol, label });
}
