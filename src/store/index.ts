// The trial database: one schema on embedded PostgreSQL (PGlite) or a PostgreSQL server, with a
// structural audit trail (entries written by triggers, sealed into a hash chain, signed checkpoints) and
// lock enforcement in triggers.
export type { QueryResult, SqlClient, SqlParam, Store, StoreEngine, TransactionOptions } from './sqlClient.js';
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
export { sealAuditQueue, sealQueuedAuditEntries } from './sealAuditQueue.js';
export type { SealResult } from './sealAuditQueue.js';
export {
  checkpointStatement,
  createAuditSigner,
  generateAuditSigner,
  parseCheckpoint,
  signCheckpoint,
  trustedKeyFromPem,
  verifyCheckpointSignature,
} from './auditCheckpoint.js';
export type { AuditCheckpoint, AuditSigner, TrustedKey } from './auditCheckpoint.js';
export { latestCheckpoint, listCheckpoints, listSigningKeys, readLogId, registerSigningKey } from './auditCheckpoints.js';
export { sealAndCheckpoint, startAuditSealer } from './auditSealer.js';
export type { AuditSealer, AuditSealerOptions } from './auditSealer.js';
export { loadOrCreateSigningKey } from './signingKeyFile.js';
export type { LoadedSigningKey } from './signingKeyFile.js';
export { AUDITED_TABLES, verifyAuditTrail } from './verifyAuditTrail.js';
export type { AuditProblem, AuditProblemCode, AuditTrailReport, VerifyAuditTrailOptions } from './verifyAuditTrail.js';
export { EVIDENCE_FORMAT, createSnapshotEvidence } from './snapshotEvidence.js';
export type { EvidenceEntry, EvidenceResult, SnapshotEvidence } from './snapshotEvidence.js';
export { verifySnapshotEvidence } from './verifySnapshotEvidence.js';
export type { EvidenceReport } from './verifySnapshotEvidence.js';
export { deleteCrfRecord, getCrfRecord, insertCrfRecord, updateCrfRecord } from './crfRecords.js';
export type { CrfRecord, NewCrfRecord, VersionedWrite } from './crfRecords.js';
export { lookupIdempotencyKey, saveIdempotencyKey } from './idempotencyKeys.js';
export type { IdempotencyLookup, IdempotencyRequest } from './idempotencyKeys.js';
export { createSnapshot } from './createSnapshot.js';
export type { SnapshotRequest, SnapshotSummary } from './createSnapshot.js';
export type { VersionedResult } from './versionedResult.js';
export { insertSite, listSites } from './sites.js';
export type { SiteRow } from './sites.js';
export { getUser, insertUser, listUsers, updateUser } from './users.js';
export type { NewUser, UserChange, UserRole, UserRow } from './users.js';
export { getPasswordHash, setPasswordHash } from './credentials.js';
export { deleteExpiredSessions, deleteSession, deleteUserSessions, findSession, insertSession } from './sessions.js';
export type { SessionRow } from './sessions.js';
export { clearLoginThrottle, getLoginThrottle, saveLoginThrottle } from './loginThrottle.js';
export type { LoginThrottleKey, LoginThrottleRow } from './loginThrottle.js';
export { getServerKey } from './serverKeys.js';
export { getSubject, getSubjectForShare, insertSubject, listSubjects, updateSubjectStatus } from './subjects.js';
export type { SubjectRow, SubjectStatus } from './subjects.js';
export { listSubjectRecords } from './subjectRecords.js';
export { getQuery, insertQuery, listQueries, updateQuery } from './queries.js';
export type { NewQuery, QueryFilter, QueryRow, QueryStatus } from './queries.js';
export { getLock, insertLock, listLocks, releaseLock } from './locks.js';
export type { LockRow } from './locks.js';
export { getSnapshot, listSnapshots } from './snapshots.js';
export type { SnapshotContent, SnapshotListing } from './snapshots.js';
export { countAuditEntries, listAuditEntries } from './auditEntries.js';
export type { AuditEntry } from './auditEntries.js';
export { existingSubjectIds } from './existingSubjectIds.js';
export { getTrialProtocol, openTrialProtocol, trialProtocolMismatch } from './trialProtocol.js';
export type { TrialProtocol, TrialProtocolRequest } from './trialProtocol.js';
export { postgresTestTarget, type PostgresTestTarget } from './postgresTestTarget.js';
export { insertSdvMark, listSdvMarks } from './sdvMarks.js';
export type { SdvMark } from './sdvMarks.js';
export { insertSignature, listSignatures } from './signatures.js';
export type { NewSignature, Signature } from './signatures.js';
export { listCoveringLocks, listReviewedRecords, listUserNames } from './subjectReview.js';
export type { CoveringLock, ReviewedRecord } from './subjectReview.js';
