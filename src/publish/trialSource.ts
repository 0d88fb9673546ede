import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { validateTrialData, type TrialData } from '../clinical/index.js';
import { DEMO_PROTOCOL_ID, SYNTHETIC_NOTE } from '../demo/index.js';
import { loadCachedDemoTrial } from './demoTrialCache.js';
import { createReportProtocol, type ReportProtocol, type ReportProtocolInput } from '../report/index.js';
import { InputError, issue } from '../result/index.js';

/** A trial to report on, with what the report needs to know about it beyond its data. */
export interface TrialSource {
  readonly trial: TrialData;
  readonly protocol: ReportProtocol;
  readonly synthetic: boolean;
  readonly syntheticNote?: string;
  /** Where it came from, for messages: 'demo trial (seed 7)' or the file path. */
  readonly label: string;
}

/** NCT05236621's description: the demo trial's protocol, and the default for a folder without protocol.json. */
export const DEFAULT_PROTOCOL_INPUT: ReportProtocolInput = Object.freeze({
  armLabel: 'Pomalidomide + low-dose dexamethasone',
  investigationalDrugLabel: 'Pomalidomide',
  companionDrugLabel: 'Dexamethasone',
  p0: 0.12,
});

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
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

function protocolFrom(path: string | null): { protocol: ReportProtocol; synthetic: boolean } {
  if (path === null) return { protocol: createReportProtocol(DEFAULT_PROTOCOL_INPUT), synthetic: false };
  const raw = readJson(path);
  if (!isRecord(raw)) throw new InputError(`${path}: expected a JSON object`, [issue('bad-protocol', [path], raw, 'an object with armLabel, investigationalDrugLabel, companionDrugLabel, p0')]);
  const input: Record<string, unknown> = { ...DEFAULT_PROTOCOL_INPUT };
  for (const key of ['armLabel', 'investigationalDrugLabel', 'companionDrugLabel'] as const) {
    if (key in raw) {
      if (typeof raw[key] !== 'string' || raw[key] === '') throw new InputError(`${path}: ${key} must be a non-empty string`, [issue('bad-protocol', [path, key], raw[key], 'a non-empty string')]);
      input[key] = raw[key];
    }
  }
  for (const key of ['p0', 'confLevel'] as const) {
    if (key in raw) {
      const value = raw[key];
      if (typeof value !== 'number' || !(value > 0 && value < 1)) throw new InputError(`${path}: ${key} must be a number between 0 and 1`, [issue('bad-protocol', [path, key], value, 'a number in (0, 1)')]);
      input[key] = value;
    }
  }
  return { protocol: createReportProtocol(input as unknown as ReportProtocolInput), synthetic: raw.synthetic === true };
}

/**
 * Loads a trial: 'demo' (the SYNTHETIC twin of NCT05236621, optionally with another seed), a TrialData
 * JSON file, or a folder holding trial.json and optionally protocol.json ({ armLabel, p0, ... }). A
 * top-level `synthetic: true` in either file prints the SYNTHETIC banner.
 */
export function loadTrialSource(source: string, seed?: number): TrialSource {
  if (source === 'demo') {
    const demo = loadCachedDemoTrial(seed === undefined ? {} : { seed });
    return Object.freeze({
      trial: demo.trial,
      protocol: createReportProtocol(DEFAULT_PROTOCOL_INPUT),
      synthetic: demo.synthetic,
      syntheticNote: SYNTHETIC_NOTE,
      label: seed === undefined ? 'demo trial' : `demo trial (seed ${seed})`,
    });
  }
  if (!existsSync(source)) throw new InputError(`--trial ${source}: no such file or folder`, [issue('missing-file', ['--trial'], source, "'demo', a TrialData JSON file or a folder with trial.json")]);
  const folder = statSync(source).isDirectory();
  const trialPath = folder ? join(source, 'trial.json') : source;
  if (folder && !existsSync(trialPath)) throw new InputError(`--trial ${source}: the folder has no trial.json`, [issue('missing-file', ['--trial'], trialPath, 'trial.json (TrialData) in the folder')]);
  const protocolPath = folder && existsSync(join(source, 'protocol.json')) ? join(source, 'protocol.json') : null;
  const raw = readJson(trialPath);
  const outcome = validateTrialData(raw);
  if (!outcome.ok) throw new InputError(`${trialPath} is not valid trial data (${outcome.issues.length} problem${outcome.issues.length === 1 ? '' : 's'})`, outcome.issues);
  const { protocol, synthetic } = protocolFrom(protocolPath);
  return Object.freeze({ trial: outcome.value, protocol, synthetic: synthetic || (isRecord(raw) && raw.synthetic === true), label: trialPath });
}

/**
 * A trial read from the EDC database (the CLI reads it: the store is an adapter this layer does not open).
 * The demo trial's protocol id marks it SYNTHETIC.
 */
export function storedTrialSource(trial: TrialData, label: string): TrialSource {
  const synthetic = trial.protocolId === DEMO_PROTOCOL_ID;
  return Object.freeze({
    trial,
    protocol: createReportProtocol(DEFAULT_PROTOCOL_INPUT),
    synthetic,
    ...(synthetic ? { syntheticNote: SYNTHETIC_NOTE } : {}),
    label,
  });
}
