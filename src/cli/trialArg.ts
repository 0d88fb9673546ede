import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DEMO_PROTOCOL_ID } from '../protocols/index.js';
import { loadTrialSourceAsync, storedTrialSource, type TrialSource } from '../publish/trialSources/index.js';
import { InputError, issue } from '../result/index.js';
import { protocolArg } from './protocolArg.js';

/** A PostgreSQL URL, or a folder holding an embedded database (PGlite writes PG_VERSION into it). */
export function isDatabaseSource(source: string): boolean {
  if (/^postgres(ql)?:\/\//i.test(source)) return true;
  return existsSync(source) && statSync(source).isDirectory() && existsSync(join(source, 'PG_VERSION'));
}

/** Hides a password in a URL shown in messages. */
function shown(source: string): string {
  return source.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * The --trial of report and reproduce: 'demo' (the demo trial of --protocol), a TrialData file or folder,
 * or an EDC database (a data folder or a PostgreSQL URL) read from the named --snapshot or from its live
 * data. A stored or filed trial names its protocol; --protocol, when given, must agree with it.
 */
export async function loadTrialArg(source: string, options: { readonly seed?: number; readonly snapshot?: string; readonly protocolId?: string }): Promise<TrialSource> {
  if (!isDatabaseSource(source)) {
    if (options.snapshot !== undefined) {
      throw new InputError(`--snapshot ${options.snapshot}: --trial ${source} is not a database`, [
        issue('snapshot-without-database', ['--snapshot'], options.snapshot, 'a --trial that is an EDC data folder or a PostgreSQL URL'),
      ]);
    }
    return loadTrialSourceAsync(source, { ...(options.seed === undefined ? {} : { seed: options.seed }), ...(options.protocolId === undefined ? {} : { protocolId: options.protocolId }) });
  }
  // Loaded only for a database: the server and store modules cost a report from a file a good part of its start.
  const [{ readTrialFromStore }, { getTrialProtocol, openStore }, { findProtocol }] = await Promise.all([import('../server/index.js'), import('../store/index.js'), import('../protocols/index.js')]);
  const url = /^postgres(ql)?:\/\//i.test(source);
  const store = await openStore(url ? { databaseUrl: source } : { dataDir: source });
  try {
    // the database records the protocol its trial was captured under (its forms read the records)
    const recorded = await getTrialProtocol(store);
    const protocol = recorded === undefined ? undefined : findProtocol(recorded.protocolId);
    if (protocol === undefined) {
      throw new InputError(`--trial ${url ? shown(source) : source}: the database records ${recorded === undefined ? 'no protocol (no EDC has opened it)' : `protocol ${recorded.protocolId}, which this trialkit does not know`}`, [
        issue('unknown-protocol', ['--trial'], recorded?.protocolId ?? null, 'a database opened by trialkit serve for a registered protocol'),
      ]);
    }
    const named = options.protocolId === undefined ? undefined : findProtocol(options.protocolId);
    if (options.protocolId !== undefined && named?.definition.id !== protocol.definition.id) {
      throw new InputError(`--protocol ${options.protocolId}: the database at --trial holds a trial of protocol ${protocol.definition.id}`, [
        issue('protocol-mismatch', ['--protocol'], options.protocolId, `${protocol.definition.id} (the protocol the database records), or leave --protocol out`),
      ]);
    }
    const trial = await readTrialFromStore(store, protocol, options.snapshot === undefined ? {} : { snapshot: options.snapshot });
    return storedTrialSource(trial, `${url ? shown(source) : source}, ${options.snapshot === undefined ? 'live data' : `snapshot ${options.snapshot}`}`, protocol.definition.id);
  } finally {
    await store.close();
  }
}

/**
 * The trial of a command's --trial, --protocol, --snapshot and --seed (report, cdisc): --trial defaults to
 * the demo trial. A named protocol is checked against the trial's own; the demo needs one (the embedded
 * demo's by default).
 */
export function loadTrialOptions(values: { readonly trial?: string; readonly protocol?: string; readonly snapshot?: string }, seed: number | undefined): Promise<TrialSource> {
  const trialSource = values.trial ?? 'demo';
  const protocolId = values.protocol !== undefined ? protocolArg(values.protocol).definition.id : trialSource === 'demo' ? protocolArg(undefined, DEFAULT_DEMO_PROTOCOL_ID).definition.id : undefined;
  return loadTrialArg(trialSource, {
    ...(seed === undefined ? {} : { seed }),
    ...(values.snapshot === undefined ? {} : { snapshot: values.snapshot }),
    ...(protocolId === undefined ? {} : { protocolId }),
  });
}
