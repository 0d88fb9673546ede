import { after, before, describe } from 'node:test';
import { openEmbeddedStore, type Store } from '../store/index.js';
import { serverContract } from './serverContract.js';

// One in-memory PGlite for the file: a cold start costs seconds.
let store: Store | undefined;
const getStore = (): Store => {
  if (store === undefined) throw new Error('the embedded store did not open (see the before hook)');
  return store;
};

describe('server on the embedded store (PGlite)', () => {
  before(async () => {
    store = await openEmbeddedStore();
  });
  after(async () => {
    await store?.close();
  });
  serverContract(getStore);
});
