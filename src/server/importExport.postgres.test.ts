import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openPostgresStore, type Store, postgresTestTarget } from '../store/index.js';
import { importExportContract } from './importExportContract.js';

// The same HTTP contract against a PostgreSQL server, in a schema of its own dropped afterwards.
const { url, shownUrl, schema, unreachableReason, dropSchema } = postgresTestTarget('trialkit_impexp');

const problem = await unreachableReason();

if (problem !== undefined && process.env.TRIALKIT_SKIP_PG === '1') {
  const reason = `PostgreSQL import/export contract skipped: TRIALKIT_SKIP_PG=1 and ${shownUrl} is not reachable (${problem})`;
  console.log(reason);
  it('PostgreSQL import/export contract', { skip: reason }, () => undefined);
} else if (problem !== undefined) {
  it('PostgreSQL import/export: database reachable', () => {
    assert.fail(`PostgreSQL is not reachable at ${shownUrl} (${problem}); set DATABASE_URL, or TRIALKIT_SKIP_PG=1 on a machine without one.`);
  });
} else {
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
