import { after, before, describe } from 'node:test';
import { openPostgresStore, type Store, postgresTestTarget } from '../store/index.js';
import { serverContract } from './serverContract.js';
import { postgresReachable } from '../testing/index.js';

// The same HTTP contract against a PostgreSQL server, in a schema of its own dropped afterwards.
const target = postgresTestTarget('trialkit_server');
const { url, schema, dropSchema } = target;

if (await postgresReachable(target, 'PostgreSQL server contract')) {
  let store: Store | undefined;
  const getStore = (): Store => {
    if (store === undefined) throw new Error('the PostgreSQL store did not open (see the before hook)');
    return store;
  };
  describe(`server on PostgreSQL (schema ${schema})`, () => {
    before(async () => {
      store = await openPostgresStore({ url, schema });
    });
    after(async () => {
      await store?.close();
      await dropSchema();
    });
    serverContract(getStore);
  });
}
