import { after, before, describe } from 'node:test';
import { openEmbeddedStore, type Store } from '../store/index.js';
import { sessionPeersContract } from './sessionPeersContract.js';

let store: Store | undefined;
describe('session invalidation across server processes, embedded store (PGlite)', () => {
  before(async () => {
    store = await openEmbeddedStore();
  });
  after(async () => {
    await store?.close();
  });
  sessionPeersContract(() => {
    if (store === undefined) throw new Error('the embedded store did not open (see the before hook)');
    return store;
  });
});
