import { after, before, describe } from 'node:test';
import { openPostgresStore, type Store, postgresTestTarget } from '../store/index.js';
import { importExportContract } from './importExportContract.js';
import { postgresReachable } from '../testing/index.js';

// The same HTTP contract against a PostgreSQL server, in a schema of its own dropped afterwards.
const target = postgresTestTarget('trialkit_impexp');
const { url, schema, dropSchema } = target;

if (await postgresReachable(target, 'PostgreSQL import/export contract')) {
  let store: Store | undefined;
  const getStore = (): Store => {
    if (store === undefined) throw new Error('the PostgreSQL store did not open (see the before hook)');
    return store;
  };
  describe(`import and export on PostgreSQL (schema ${schema})`, () => {
    before(async () => {
      store = await openPostgresStore({ url, schema });
    });
    after(async () => {
      await store?.close();
      await dropSchema();
    });
    importExportContract(getStore);
  });
}
