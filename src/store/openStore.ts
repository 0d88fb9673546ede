import { openEmbeddedStore } from './embeddedStore.js';
import { openPostgresStore } from './postgresStore.js';
import type { Store } from './sqlClient.js';

export interface OpenStoreOptions {
  /** Embedded database folder (used when no databaseUrl); in memory when absent too. */
  readonly dataDir?: string;
  /** A PostgreSQL server (e.g. DATABASE_URL); wins over dataDir. */
  readonly databaseUrl?: string;
  /** Schema on the server; ignored by the embedded store, which is one database per folder. */
  readonly schema?: string;
}

/** The one place that picks the engine: a server when a URL is given, else embedded PostgreSQL. */
export function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    return openPostgresStore({ url: options.databaseUrl, ...(options.schema === undefined ? {} : { schema: options.schema }) });
  }
  return openEmbeddedStore(options.dataDir === undefined ? {} : { dataDir: options.dataDir });
}
