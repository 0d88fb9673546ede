import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadTrialSource, storedTrialSource, type TrialSource } from '../publish/index.js';
import { InputError, issue } from '../result/index.js';

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
    return loadTrialSource(source, { ...(options.seed === undefined ? {} : { seed: options.seed }), ...(options.protocolId === undefined ? {} : { protocolId: options.protocolId }) });
  }
  // Loaded only for a database: the server and store modules cost a report from a file a good part of its start.
  const [{ readTrialFromStore }, { openStore }] = await Promise.all([import('../server/index.js'), import('../store/index.js')]);
  const url = /^postgres(ql)?:\/\//i.test(source);
  const store = await openStore(url ? { databaseUrl: source } : { dataDir: source });
  try {
    const trial = await readTrialFromStore(store, options.snapshot === undefined ? {} : { snapshot: options.snapshot });
    return storedTrialSource(trial, `${url ? shown(source) : source}, ${options.snapshot === undefined ? 'live data' : `snapshot ${options.snapshot}`}`, options.protocolId);
  } finally {
    await store.close();
  }
}
