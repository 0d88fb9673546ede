import { after, before, describe } from 'node:test';
import { openPostgresStore, postgresTestTarget, type Store } from '../store/index.js';
import { postgresReachable } from '../testing/index.js';
import { sessionPeersContract } from './sessionPeersContract.js';

const target = postgresTestTarget('trialkit_session_peers');

if (await postgresReachable(target, 'PostgreSQL session peers contract')) {
  let store: Store | undefined;
  describe(`session invalidation across server processes, PostgreSQL (schema ${target.schema})`, () => {
    before(async () => {
      store = await openPostgresStore({ url: target.url, schema: target.schema });
    });
    after(async () => {
      await store?.close();
      await target.dropSchema();
    });
    sessionPeersContract(() => {
      if (store === undefined) throw new Error('the PostgreSQL store did not open (see the before hook)');
      return store;
    });
  });
}
