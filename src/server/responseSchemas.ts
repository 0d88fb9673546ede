import { z } from 'zod';
import { ROLES } from './permissions.js';
import { SUBJECT_STATUSES } from './subjectStatusMoves.js';

/**
 * The JSON answers of the API as they go over the wire (dates as ISO strings), one schema per shape. They
 * are not applied at run time (the handlers build these values from typed store rows): the OpenAPI
 * document is generated from them, and the server contract test checks every answer it receives against
 * the document, so the two cannot drift apart. Objects are strict: a field added to an answer without
 * adding it here fails that test.
 */

const timestamp = z.iso.datetime().describe('ISO 8601 date-time (UTC)');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD');
const id = z.int().min(1);
const version = z.int().min(1);
const role = z.enum(ROLES as [string, ...string[]]);

export const sessionUserResponse = z.strictObject({ userId: z.string(), displayName: z.string(), role, siteId: z.string().nullable(), expiresAt: timestamp });

export const siteResponse = z.strictObject({ siteId: z.string(), name: z.string(), version });
export const sitesResponse = z.strictObject({ sites: z.array(siteResponse) });

export const userResponse = z.strictObject({ userId: z.string(), displayName: z.string(), role, siteId: z.string().nullable(), active: z.boolean(), version });
export const usersResponse = z.strictObject({ users: z.array(userResponse) });

export const subjectResponse = z.strictObject({
  subjectId: z.string().describe("pseudonymous '<site>-<sequence>'"),
  siteId: z.string(),
  screeningNumber: z.string(),
  status: z.enum(SUBJECT_STATUSES),
  version,
  createdAt: timestamp,
});
export const subjectsResponse = z.strictObject({ subjects: z.array(subjectResponse) });

export const crfRecordResponse = z.strictObject({
  recordId: id,
  subjectId: z.string(),
  formType: z.string().describe('a form id of the protocol (GET /protocol)'),
  visit: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).describe('the form as saved (components/schemas/<formType>)'),
  version,
  deleted: z.boolean(),
  createdAt: timestamp,
  createdBy: z.string(),
  updatedAt: timestamp,
  updatedBy: z.string(),
});
export const crfRecordsResponse = z.strictObject({ records: z.array(crfRecordResponse) });

export const editCheckResponse = z.strictObject({ checkCode: z.string(), fieldPath: z.string(), message: z.string() });

export const recordViewResponse = z.strictObject({
  record: crfRecordResponse,
  derived: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe("what the clinical engines derive (ctcae: CTCAE grades; eligibility; response: the response on the protocol's scale per evaluator; doseProposal: the next dose of each drug); never stored"),
  editChecks: z.array(editCheckResponse).describe('failed edit checks (plausibility limits and cross-form rules)'),
  raisedQueryIds: z.array(id).optional().describe('queries raised by this save (a check with a pending query is not raised again)'),
});

export const subjectEvaluationsResponse = z.strictObject({
  scale: z.string().describe("the response scale's id (GET /protocol response.scale)"),
  evaluations: z.array(
    z.strictObject({
      evaluator: z.string(),
      label: z.string(),
      source: z.enum(['central', 'local']),
      baselineFound: z.boolean(),
      referenceDate: date.describe('baseline is the last assessment on or before it (the first dose, else the enrolment)'),
      postBaselineCount: z.int().min(0),
      assessments: z.array(z.strictObject({ date, visit: z.string().nullable(), response: z.string(), confirmed: z.boolean(), rule: z.string().nullable() })),
      best: z.string().describe('the best confirmed response; the scale\'s not-evaluable category when none'),
      bestReason: z.string().nullable(),
      firstResponseDate: date.nullable(),
      progressionDate: date.nullable(),
    }),
  ),
});

export const auditEntriesResponse = z.strictObject({
  entries: z.array(
    z.strictObject({
      auditId: id.nullable().describe('null while the entry waits to be sealed into the hash chain (a fraction of a second)'),
      tableName: z.string(),
      recordId: z.string(),
      action: z.enum(['create', 'update', 'delete']),
      oldValue: z.unknown(),
      newValue: z.unknown(),
      changedBy: z.string(),
      changedAt: timestamp,
      reason: z.string().nullable(),
      hash: z.string().nullable().describe('the hash-chain link; null while queued'),
    }),
  ),
});

export const queryResponse = z.strictObject({
  queryId: id,
  subjectId: z.string(),
  recordId: id.nullable(),
  fieldPath: z.string().nullable(),
  checkCode: z.string().nullable().describe('the edit check that raised it; null for a manual query'),
  message: z.string(),
  status: z.enum(['open', 'answered', 'closed']),
  answer: z.string().nullable(),
  version,
  createdBy: z.string(),
  updatedBy: z.string(),
  createdAt: timestamp.describe('when the query was raised'),
  formType: z.string().nullable().describe("the form of the record it is raised on; null on the subject alone"),
  visit: z.string().nullable().describe("the record's visit"),
  recordDate: date.nullable().describe("the record's date: the earliest calendar date it holds, as locks date it"),
  lastReason: z.string().nullable().describe('the reason given with its latest change (close, reopen, answer), from the audit trail'),
});
export const queriesResponse = z.strictObject({ queries: z.array(queryResponse) });

export const lockResponse = z.strictObject({
  lockId: id,
  scope: z.enum(['trial', 'subject']),
  subjectId: z.string().nullable(),
  cutoffDate: date,
  released: z.boolean(),
  version,
  createdBy: z.string(),
  createdAt: timestamp,
  reason: z.string().nullable().describe('why it was locked (from the audit trail)'),
  releaseReason: z.string().nullable().describe('why it was released; null while active'),
});
export const locksResponse = z.strictObject({ locks: z.array(lockResponse) });

const snapshotListing = {
  snapshotId: id,
  name: z.string(),
  lockId: id.nullable(),
  cutoffDate: date,
  contentHash: z.string(),
  createdAt: timestamp,
  createdBy: z.string(),
};
export const snapshotsResponse = z.strictObject({ snapshots: z.array(z.strictObject(snapshotListing)) });
export const snapshotCreatedResponse = z.strictObject({ snapshotId: id, name: z.string(), contentHash: z.string(), auditHeadHash: z.string().nullable() });
const tableRows = z.array(z.record(z.string(), z.unknown())).describe('the rows of the table as stored (snake_case columns)');
export const snapshotResponse = z.strictObject({
  ...snapshotListing,
  data: z.strictObject({ cutoffDate: date, auditHeadHash: z.string().nullable(), sites: tableRows, subjects: tableRows, records: tableRows, queries: tableRows }),
});

export const labImportResponse = z.strictObject({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  imported: z.int().min(0),
  recordIds: z.array(id),
  raisedQueryIds: z.array(id).describe('queries raised by the rows: RANGE on implausible (but possible) values and the edit checks of a lab save'),
  raisedQueries: z.array(z.strictObject({ line: z.int().min(2), recordId: id, queryIds: z.array(id) })).describe('the same queries per line of the file (lines that raised none are left out)'),
});

/** A file answer (CSV, XML): the text as is. */
export const fileResponse = z.string();

const checkpoint = z.strictObject({
  logId: z.string(),
  treeSize: z.int().min(0),
  lastAuditId: z.int().min(0),
  headHash: z.string(),
  signedAt: z.string(),
  keyId: z.string(),
  signature: z.string().describe('Ed25519 over the checkpoint text (trialkit-audit-checkpoint v1), base64'),
});

export const snapshotEvidenceResponse = z
  .strictObject({
    format: z.literal('trialkit-snapshot-evidence v1'),
    logId: z.string(),
    snapshot: z.strictObject({
      snapshotId: id,
      name: z.string(),
      cutoffDate: z.string(),
      lockId: id.nullable(),
      createdAt: z.string(),
      createdBy: z.string(),
      contentHash: z.string(),
      data: z.string().describe('the snapshot data as the exact text its content hash covers'),
    }),
    entries: z.array(z.strictObject({ auditId: id, prevHash: z.string(), hash: z.string(), content: z.string() })).describe('the audit chain from its first row to the checkpoint'),
    checkpoint,
    signingKey: z.strictObject({ keyId: z.string(), publicKey: z.string() }).nullable().describe('as the database lists it; an inspector pins the key from elsewhere'),
  })
  .describe('check offline with: trialkit audit verify --evidence <file> --public-key <trial key>');
