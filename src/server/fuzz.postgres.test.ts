import { after, before, describe } from 'node:test';
import { openPostgresStore, postgresTestTarget, type Store } from '../store/index.js';
import { fuzzContract } from './fuzzContract.js';
import { postgresReachable } from '../testing/index.js';

// The hostile-input properties against a PostgreSQL server (fewer runs: the embedded suite runs more), in a schema of its own.
const target = postgresTestTarget('trialkit_fuzz');
const { url, schema, dropSchema } = target;
if (await postgresReachable(target, 'PostgreSQL hostile-input suite')) {
  let store: Store | undefined;
  describe(`hostile input on PostgreSQL (schema ${schema})`, () => {
    before(async () => {
      store = await openPostgresStore({ url, schema });
    });
    after(async () => {
      await store?.close();
      await dropSchema();
    });
    fuzzContract(() => {
      if (store === undefined) throw new Error('the PostgreSQL store did not open');
      return store;
    }, 25);
  });
}
