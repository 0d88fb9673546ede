// The trial database: one schema on embedded PostgreSQL (PGlite) or a PostgreSQL server, with a
// structural, hash-chained audit trail and lock enforcement in triggers.
export type { QueryResult, SqlClient, SqlParam, Store, StoreEngine } from './sqlClient.js';
export { StoreError, isStoreError, toStoreError } from './storeError.js';
export type { StoreErrorCode, StoreErrorDetails } from './storeError.js';
export { openEmbeddedStore } from './embeddedStore.js';
export type { EmbeddedStoreOptions } from './embeddedStore.js';
export { openPostgresStore } from './postgresStore.js';
export type { PostgresStoreOptions } from './postgresStore.js';
export { openStore } from './openStore.js';
export type { OpenStoreOptions } from './openStore.js';
export { migrations } from './migrations.js';
export type { Migration } from './migrations.js';
export { migrate, migrationChecksum } from './migrate.js';
export { setAuditContext, withAuditContext } from './withAuditContext.js';
export type { AuditContext } from './withAuditContext.js';
export { GENESIS_HASH, verifyAuditChain } from './verifyAuditChain.js';
export type { AuditChainBreak, AuditChainReport } from './verifyAuditChain.js';
export { deleteCrfRecord, getCrfRecord, insertCrfRecord, updateCrfRecord } from './crfRecords.js';
export type { CrfRecord, NewCrfRecord, VersionedWrite } from './crfRecords.js';
export { lookupIdempotencyKey, saveIdempotencyKey } from './idempotencyKeys.js';
export type { IdempotencyLookup, IdempotencyRequest } from './idempotencyKeys.js';
export { createSnapshot } from './createSnapshot.js';
export type { SnapshotRequest, SnapshotSummary } from './createSnapshot.js';
