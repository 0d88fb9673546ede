import { after, before, describe } from 'node:test';
import { openEmbeddedStore, type Store } from '../store/index.js';
import { importExportContract } from './importExportContract.js';

let store: Store | undefined;
const getStore = (): Store => {
  if (store === undefined) throw new Error('the embedded store did not open (see the before hook)');
  return store;
};

describe('import and export on the embedded store (PGlite)', () => {
  before(async () => {
    store = await openEmbeddedStore();
  });
  after(async () => {
    await store?.close();
  });
  importExportContract(getStore);
});
