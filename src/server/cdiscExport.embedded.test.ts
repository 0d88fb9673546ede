import { describe } from 'node:test';
import { openEmbeddedStore } from '../store/index.js';
import { cdiscExportContract } from './cdiscExportContract.js';

// In memory, so no --trial for the CLI: the CLI's files are compared with the export on PostgreSQL
// (cdiscExport.postgres.test.ts); here the export is compared with buildCdiscPackage, which the CLI calls.
describe('the CDISC package export on the embedded store (PGlite)', () => {
  cdiscExportContract({ open: () => openEmbeddedStore(), close: (store) => store.close() });
});
