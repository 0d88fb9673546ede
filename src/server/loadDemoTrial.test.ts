import { describe } from 'node:test';
import { openEmbeddedStore } from '../store/index.js';
import { loadDemoTrialContract } from './loadDemoTrialContract.js';

// The whole demo trial loaded once into an in-memory PGlite (about 20 s); the same suite runs on the
// PostgreSQL server in loadDemoTrial.postgres.test.ts.
describe('loadDemoTrial and readTrialFromStore (embedded store)', () => {
  loadDemoTrialContract({ open: () => openEmbeddedStore(), close: (store) => store.close() });
});
