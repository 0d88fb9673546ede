import { describe } from 'node:test';
import { openPostgresStore, postgresTestTarget } from '../store/index.js';
import { loadDemoTrialContract } from './loadDemoTrialContract.js';
import { postgresReachable } from '../testing/index.js';

// The demo trial entered through the services into the PostgreSQL server (a schema of its own, dropped
// afterwards), read back, and reported and reproduced by the CLI from the database URL.
const target = postgresTestTarget('trialkit_demo');
const { url, schema, dropSchema } = target;

if (await postgresReachable(target, 'PostgreSQL demo-trial load')) {
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
