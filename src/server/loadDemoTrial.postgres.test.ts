import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPostgresStore, postgresTestTarget } from '../store/index.js';
import { loadDemoTrialContract } from './loadDemoTrialContract.js';

// The demo trial entered through the services into the PostgreSQL server (a schema of its own, dropped
// afterwards), read back, and reported and reproduced by the CLI from the database URL.
const { url, shownUrl, schema, unreachableReason, dropSchema } = postgresTestTarget('trialkit_demo');

const problem = await unreachableReason();

if (problem !== undefined && process.env.TRIALKIT_SKIP_PG === '1') {
  const reason = `PostgreSQL demo-trial load skipped: TRIALKIT_SKIP_PG=1 and ${shownUrl} is not reachable (${problem})`;
  console.log(reason);
  it('PostgreSQL demo-trial load', { skip: reason }, () => undefined);
} else if (problem !== undefined) {
  it('PostgreSQL demo-trial load: database reachable', () => {
    assert.fail(`PostgreSQL is not reachable at ${shownUrl} (${problem}); set DATABASE_URL, or TRIALKIT_SKIP_PG=1 on a machine without one.`);
  });
} else {
  // the CLI is given only a URL: the schema travels in it as the connection's search_path
  const cliTrial = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  describe(`loadDemoTrial and readTrialFromStore on PostgreSQL (schema ${schema})`, () => {
    loadDemoTrialContract({
      open: () => openPostgresStore({ url, schema }),
      close: async (store) => {
        await store.close();
        await dropSchema();
      },
      cliTrial,
    });
  });
}
