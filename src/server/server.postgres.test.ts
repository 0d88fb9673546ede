import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openPostgresStore, type Store, postgresTestTarget } from '../store/index.js';
import { serverContract } from './serverContract.js';

// The same HTTP contract against a PostgreSQL server, in a schema of its own dropped afterwards.
const { url, shownUrl, schema, unreachableReason, dropSchema } = postgresTestTarget('trialkit_server');

const problem = await unreachableReason();

if (problem !== undefined && process.env.TRIALKIT_SKIP_PG === '1') {
  const reason = `PostgreSQL server contract skipped: TRIALKIT_SKIP_PG=1 and ${shownUrl} is not reachable (${problem})`;
  console.log(reason);
  it('PostgreSQL server contract', { skip: reason }, () => undefined);
} else if (problem !== undefined) {
  it('PostgreSQL server: database reachable', () => {
    assert.fail(`PostgreSQL is not reachable at ${shownUrl} (${problem}); set DATABASE_URL, or TRIALKIT_SKIP_PG=1 on a machine without one.`);
  });
} else {
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
