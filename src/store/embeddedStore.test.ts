import { after, before, describe } from 'node:test';
import { auditSealContract } from './auditSeal.contract.js';
import { auditTrailContract } from './auditTrail.contract.js';
import { crfRecordsContract } from './crfRecords.contract.js';
import { idempotencyKeysContract } from './idempotencyKeys.contract.js';
import { openEmbeddedStore } from './embeddedStore.js';
import { locksContract } from './locks.contract.js';
import { queriesContract } from './queries.contract.js';
import { reviewMarksContract } from './reviewMarks.contract.js';
import { migrateContract } from './migrate.contract.js';
import type { Store } from './sqlClient.js';
import { sqlClientContract } from './sqlClient.contract.js';
import { trialProtocolContract } from './trialProtocol.contract.js';

// One in-memory PGlite for the whole file: a cold start costs seconds.
let store: Store | undefined;
const getStore = (): Store => {
  if (store === undefined) throw new Error('the embedded store did not open (see the before hook)');
  return store;
};

describe('embedded store (PGlite)', () => {
  before(async () => {
    store = await openEmbeddedStore();
  });
  after(async () => {
    await store?.close();
  });
  sqlClientContract(getStore);
  migrateContract(getStore);
  auditTrailContract(getStore);
  auditSealContract(getStore);
  crfRecordsContract(getStore);
  locksContract(getStore);
  queriesContract(getStore);
  reviewMarksContract(getStore);
  idempotencyKeysContract(getStore);
  trialProtocolContract(getStore);
});
