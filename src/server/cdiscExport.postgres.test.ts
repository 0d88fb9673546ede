import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPostgresStore, postgresTestTarget } from '../store/index.js';
import { cdiscExportContract } from './cdiscExportContract.js';

// The same contract against a PostgreSQL server, in a schema of its own dropped afterwards; the CLI reads the
// same snapshot through the database URL and must write the same files.
const { url, shownUrl, schema, unreachableReason, dropSchema } = postgresTestTarget('trialkit_cdisc');

const problem = await unreachableReason();

if (problem !== undefined && process.env.TRIALKIT_SKIP_PG === '1') {
  const reason = `PostgreSQL CDISC export contract skipped: TRIALKIT_SKIP_PG=1 and ${shownUrl} is not reachable (${problem})`;
  console.log(reason);
  it('PostgreSQL CDISC export contract', { skip: reason }, () => undefined);
} else if (problem !== undefined) {
  it('PostgreSQL CDISC export: database reachable', () => {
    assert.fail(`PostgreSQL is not reachable at ${shownUrl} (${problem}); set DATABASE_URL, or TRIALKIT_SKIP_PG=1 on a machine without one.`);
  });
} else {
  // the CLI is given only a URL: the schema travels in it as the connection's search_path
  const cliTrial = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  describe(`the CDISC package export on PostgreSQL (schema ${schema})`, () => {
    cdiscExportContract({
      open: () => openPostgresStore({ url, schema }),
      close: async (store) => {
        await store.close();
        await dropSchema();
      },
      cliTrial,
    });
  });
}
