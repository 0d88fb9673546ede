import { describe } from 'node:test';
import { openPostgresStore, postgresTestTarget } from '../store/index.js';
import { cdiscExportContract } from './cdiscExportContract.js';
import { postgresReachable } from '../testing/index.js';

// The same contract against a PostgreSQL server, in a schema of its own dropped afterwards; the CLI reads the
// same snapshot through the database URL and must write the same files.
const target = postgresTestTarget('trialkit_cdisc');
const { url, schema, dropSchema } = target;

if (await postgresReachable(target, 'PostgreSQL CDISC export contract')) {
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
