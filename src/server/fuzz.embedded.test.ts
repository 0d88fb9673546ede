import { after, before, describe } from 'node:test';
import { openEmbeddedStore, type Store } from '../store/index.js';
import { fuzzContract } from './fuzzContract.js';

// Hostile input generated from the request schemas, against the embedded store (fuzz.postgres.test.ts: the server).
let store: Store | undefined;

describe('hostile input on the embedded store', () => {
  before(async () => {
    store = await openEmbeddedStore();
  });
  after(async () => {
    await store?.close();
  });
  fuzzContract(() => {
    if (store === undefined) throw new Error('the embedded store did not open');
    return store;
  }, 60);
});
