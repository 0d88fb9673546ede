import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Test support for the suites that run against the real PostgreSQL server: the URL (DATABASE_URL or the
 * machine's 127.0.0.1:5432/test), the URL as it may be printed (password masked), a schema of this run's own,
 * whether the server answers, and dropping the schema afterwards.
 */
export interface PostgresTestTarget {
  readonly url: string;
  readonly shownUrl: string;
  readonly schema: string;
  /** Why the server cannot be reached, or undefined when it answers. */
  readonly unreachableReason: () => Promise<string | undefined>;
  readonly dropSchema: () => Promise<void>;
}

export function postgresTestTarget(schemaPrefix: string): PostgresTestTarget {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `${schemaPrefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  return {
    url,
    shownUrl: url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    schema,
    unreachableReason: async () => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message || error.name : String(error);
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    dropSchema: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
