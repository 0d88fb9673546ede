import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openPostgresStore, postgresTestTarget, type Store } from '../store/index.js';
import { fuzzContract } from './fuzzContract.js';

// The hostile-input properties against a PostgreSQL server (fewer runs: the embedded suite runs more), in a schema of its own.
const { url, shownUrl, schema, unreachableReason, dropSchema } = postgresTestTarget('trialkit_fuzz');
const problem = await unreachableReason();

if (problem !== undefined && process.env.TRIALKIT_SKIP_PG === '1') {
  const reason = `PostgreSQL hostile-input suite skipped: TRIALKIT_SKIP_PG=1 and ${shownUrl} is not reachable (${problem})`;
  console.log(reason);
  it('PostgreSQL hostile-input suite', { skip: reason }, () => undefined);
} else if (problem !== undefined) {
  it('PostgreSQL hostile-input suite: database reachable', () => {
    assert.fail(`PostgreSQL is not reachable at ${shownUrl} (${problem}); set DATABASE_URL, or TRIALKIT_SKIP_PG=1 on a machine without one.`);
  });
} else {
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
