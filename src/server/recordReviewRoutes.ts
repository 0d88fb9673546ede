import { z } from 'zod';
import {
  getCrfRecord,
  getPasswordHash,
  getSubject,
  insertSdvMark,
  insertSignature,
  listAuditEntries,
  listCoveringLocks,
  listReviewedRecords,
  listSdvMarks,
  listSignatures,
  listUserNames,
  type CrfRecord,
  type SqlClient,
} from '../store/index.js';
import { recordDateOf, type FormDefinition } from '../clinical/crf/index.js';
import { clearFailedAttempts, countFailedAttempt, refuseWhileThrottled, signingThrottleKey } from './failureThrottle.js';
import { HttpError, notFound } from './httpError.js';
import { verifyPassword } from './passwords.js';
import { isFormTypeVisible } from './permissions.js';
import { created, idParam, ok, route, type RouteSpec } from './route.js';
import type { ServedProtocol } from './servedProtocol.js';
import { pickSignatureMeaning } from './signatureMeanings.js';
import { versionConflict } from './versionConflict.js';

const version = z.int().min(1);
const password = z.string().min(1).max(200).describe("the signer's password, entered again at signing (re-authentication, 21 CFR 11.200(a)(1))");

export const sdvBody = z.strictObject({ version: version.describe('the version of the record the monitor verified (409 when it changed since)') });
const meaningId = z
  .string()
  .max(40)
  .optional()
  .describe("the id of the meaning the signer chose among the protocol's meanings of the scope (GET /subjects/{subjectId}/review: meanings); may be left out when the protocol has one");
export const formSignatureBody = z.strictObject({ version: version.describe('the version of the record signed (409 when it changed since)'), password, meaning: meaningId });
export const casebookSignatureBody = z.strictObject({ password, meaning: meaningId });

const timestamp = z.iso.datetime();
const meaningResponse = z.strictObject({ id: z.string(), label: z.string(), statement: z.string() });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const sdvMarkResponse = z.strictObject({
  sdvId: z.int().min(1),
  subjectId: z.string(),
  recordId: z.int().min(1),
  recordVersion: version,
  cleared: z.boolean().describe('true once the record changed after the mark: the flag no longer stands'),
  verifiedBy: z.string(),
  verifiedAt: timestamp,
  clearedBy: z.string().nullable(),
  clearedAt: timestamp.nullable(),
});
const signatureResponse = z.strictObject({
  signatureId: z.int().min(1),
  subjectId: z.string(),
  scope: z.enum(['form', 'casebook']),
  recordId: z.int().min(1).nullable(),
  recordVersion: version.nullable(),
  meaning: z.string(),
  signerName: z.string().describe("the signer's printed name, written by the database from the users table"),
  signerRole: z.string(),
  signedBy: z.string(),
  signedAt: timestamp,
  contentHash: z.string().describe('SHA-256 of the signed data, computed by the database'),
  invalidated: z.boolean().describe('true once the signed data changed: the signature no longer stands'),
  invalidatedBy: z.string().nullable(),
  invalidatedAt: timestamp.nullable(),
});
const subjectReviewResponse = z.strictObject({
  subjectId: z.string(),
  locks: z.array(
    z.strictObject({
      lockId: z.int().min(1),
      scope: z.enum(['trial', 'subject']),
      cutoffDate: date,
      reason: z.string().nullable(),
      lockedBy: z.string(),
      lockedByName: z.string().nullable(),
      lockedAt: timestamp,
    }),
  ),
  records: z.array(
    z.strictObject({
      recordId: z.int().min(1),
      formType: z.string(),
      visit: z.string().nullable(),
      version,
      recordDate: date.nullable().describe('the earliest calendar date the record holds: the date a lock reads (a lock covers the record when this is on or before its cutoff)'),
      formDate: date.nullable().describe("the record's own date, from the field its form names as its date (e.g. the screening date, a lab's sample date); null for an undated form (demographics)"),
      lockedBy: z.int().min(1).nullable().describe('the active lock covering the record (a change would answer 423), or null'),
      updatedBy: z.string(),
      updatedAt: timestamp,
      sdv: sdvMarkResponse.nullable(),
      signature: signatureResponse.nullable(),
    }),
  ),
  casebookSignature: signatureResponse.nullable(),
  meanings: z
    .strictObject({ form: z.array(meaningResponse), casebook: z.array(meaningResponse) })
    .describe("what a signature of a form and of the casebook may mean in this protocol (its signatureMeanings), shown before signing; the signer chooses one when there are several"),
  names: z.record(z.string(), z.string()).describe('display names of the users named in the answer'),
});
const recordHistoryResponse = z.strictObject({
  recordId: z.int().min(1),
  formType: z.string(),
  entries: z.array(
    z.strictObject({
      auditId: z.int().min(1).nullable(),
      action: z.enum(['create', 'update', 'delete']),
      oldData: z.unknown().describe("the form's values before the change (null for a creation)"),
      newData: z.unknown(),
      changedBy: z.string(),
      changedByName: z.string().nullable(),
      changedAt: timestamp,
      reason: z.string().nullable(),
    }),
  ),
});

/** A live record the user may see (site scope, forms hidden from sites), or 404. */
async function visibleRecord(client: SqlClient, protocol: ServedProtocol, recordIdText: string | undefined, scope: string | null): Promise<CrfRecord> {
  const recordId = idParam(recordIdText);
  const record = recordId === undefined ? undefined : await getCrfRecord(client, recordId);
  if (record === undefined || record.deleted || !isFormTypeVisible(protocol, record.formType, scope) || (await getSubject(client, record.subjectId, scope)) === undefined) throw notFound('record');
  return record;
}

/** The password entered at signing, checked as at sign-in; a wrong one refuses the signature and writes nothing. */
/**
 * The signer's password entered again (21 CFR 11.200(a)(1)), throttled as sign-in is (failureThrottle.ts):
 * five wrong passwords within 15 minutes pause signing for that user and address (429), so a session left
 * open cannot be used to guess the password at the signature dialog.
 */
async function reauthenticate(client: SqlClient, userId: string, given: string, now: Date, clientAddress: string): Promise<void> {
  const key = signingThrottleKey(userId, clientAddress);
  await refuseWhileThrottled(client, key, now, 'signing');
  if (!(await verifyPassword(await getPasswordHash(client, userId), given))) {
    await countFailedAttempt(client, key, now);
    throw new HttpError(403, 'reauthentication-failed', 'the password is not correct: the signature was not recorded');
  }
  await clearFailedAttempts(client, key);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The record's own date (`recordDateOf`) as the answer states it: an ISO date, or null. */
function formDateOf(form: FormDefinition | undefined, data: unknown): string | null {
  if (data === null || typeof data !== 'object') return null;
  const value = recordDateOf(form, data as Record<string, unknown>);
  return value !== undefined && ISO_DATE.test(value) ? value : null;
}

const dataOf = (row: unknown): unknown => (row !== null && typeof row === 'object' ? ((row as Record<string, unknown>).data ?? null) : null);

/** Review of a subject's records: history of a record in plain data, SDV marks (monitor), electronic signatures (investigator). */
export const recordReviewRoutes: readonly RouteSpec[] = [
  route({
    method: 'get',
    path: '/records/:recordId/history',
    response: recordHistoryResponse,
    action: 'audit:read',
    tag: 'review',
    summary: "A record's audit trail as form values before and after each change, with each writer's name, for the per-field history",
    async handler({ services, scope, params }) {
      const record = await visibleRecord(services.store, services.protocol, params.recordId, scope);
      const entries = await listAuditEntries(services.store, 'crf_records', String(record.recordId));
      const names = await listUserNames(services.store, entries.map((e) => e.changedBy));
      return ok({
        recordId: record.recordId,
        formType: record.formType,
        entries: entries.map((e) => ({
          auditId: e.auditId,
          action: e.action,
          oldData: dataOf(e.oldValue),
          newData: dataOf(e.newValue),
          changedBy: e.changedBy,
          changedByName: names[e.changedBy] ?? null,
          changedAt: new Date(e.changedAt).toISOString(),
          reason: e.reason,
        })),
      });
    },
  }),
  route({
    method: 'get',
    path: '/subjects/:subjectId/review',
    response: subjectReviewResponse,
    action: 'review:read',
    tag: 'review',
    summary:
      'The review state of a subject: active locks covering it (cutoff, reason, who), and per live record its date, the lock covering it, its source data verification and its signature; the casebook signature; the meanings of a signature',
    async handler({ services, scope, params }) {
      const subject = await getSubject(services.store, params.subjectId, scope);
      if (subject === undefined) throw notFound('subject');
      const [locks, records, marks, signatures] = await Promise.all([
        listCoveringLocks(services.store, subject.subjectId),
        listReviewedRecords(services.store, subject.subjectId),
        listSdvMarks(services.store, subject.subjectId),
        listSignatures(services.store, subject.subjectId),
      ]);
      const visible = records.filter((r) => isFormTypeVisible(services.protocol, r.formType, scope));
      const signers = [...signatures.forms.values(), ...(signatures.casebook === null ? [] : [signatures.casebook])];
      const names = await listUserNames(services.store, [
        ...visible.map((r) => r.updatedBy),
        ...[...marks.values()].flatMap((m) => [m.verifiedBy, ...(m.clearedBy === null ? [] : [m.clearedBy])]),
        ...signers.flatMap((s) => [s.signedBy, ...(s.invalidatedBy === null ? [] : [s.invalidatedBy])]),
      ]);
      return ok({
        subjectId: subject.subjectId,
        locks,
        records: visible.map(({ data, ...r }) => ({
          ...r,
          formDate: formDateOf(services.protocol.forms.get(r.formType), data),
          sdv: marks.get(r.recordId) ?? null,
          signature: signatures.forms.get(r.recordId) ?? null,
        })),
        casebookSignature: signatures.casebook,
        meanings: services.protocol.definition.signatureMeanings,
        names,
      });
    },
  }),
  route({
    method: 'post',
    path: '/records/:recordId/sdv',
    body: sdvBody,
    response: sdvMarkResponse,
    action: 'sdv:write',
    tag: 'review',
    summary: 'Mark a record source-data verified at the version read (monitor); a later change of the record clears the mark',
    responses: { 201: 'verified', 409: 'the record changed since it was read, or it is already verified', 423: 'locked' },
    async handler({ services, scope, params, body, write }) {
      const record = await visibleRecord(services.store, services.protocol, params.recordId, scope);
      if (record.version !== body.version) throw versionConflict({ expectedVersion: body.version, currentVersion: record.version });
      if ((await listSdvMarks(services.store, record.subjectId)).get(record.recordId)?.cleared === false) throw new HttpError(409, 'already-verified', 'this version of the record is already verified');
      return write(undefined, async (tx) => created(await insertSdvMark(tx, { subjectId: record.subjectId, recordId: record.recordId, recordVersion: body.version })));
    },
  }),
  route({
    method: 'post',
    path: '/records/:recordId/signature',
    body: formSignatureBody,
    response: signatureResponse,
    action: 'signature:sign',
    tag: 'review',
    summary:
      "Sign a form record electronically (investigator), re-entering the password: the database records the signer's printed name, the time, the meaning and a hash of the data; a later change of the record invalidates it",
    responses: { 201: 'signed', 403: 'wrong password, or not an investigator of the site', 422: 'no meaning chosen among several, or one the protocol does not have', 409: 'the record changed since it was read, or it is signed already', 423: 'locked', 429: 'too many wrong passwords: signing paused (retryAfterSeconds)' },
    async handler({ c, services, scope, params, body, user, write }) {
      if (user === undefined) throw notFound('user');
      const record = await visibleRecord(services.store, services.protocol, params.recordId, scope);
      const meaning = pickSignatureMeaning(services.protocol.definition.signatureMeanings, 'form', body.meaning);
      await reauthenticate(services.store, user.userId, body.password, services.clock(), services.clientAddress(c));
      if (record.version !== body.version) throw versionConflict({ expectedVersion: body.version, currentVersion: record.version });
      if ((await listSignatures(services.store, record.subjectId)).forms.get(record.recordId)?.invalidated === false) throw new HttpError(409, 'already-signed', 'this version of the record is signed already');
      return write(undefined, async (tx) =>
        created(await insertSignature(tx, { scope: 'form', subjectId: record.subjectId, recordId: record.recordId, recordVersion: body.version, meaning: meaning.statement })),
      );
    },
  }),
  route({
    method: 'post',
    path: '/subjects/:subjectId/signature',
    body: casebookSignatureBody,
    response: signatureResponse,
    action: 'signature:sign',
    tag: 'review',
    summary:
      "Sign a subject's casebook electronically (investigator), re-entering the password: signs every live record of the subject as it is now; a later change or a new record invalidates it",
    responses: { 201: 'signed', 403: 'wrong password, or not an investigator of the site', 422: 'no meaning chosen among several, or one the protocol does not have', 409: 'signed already', 423: 'locked', 429: 'too many wrong passwords: signing paused (retryAfterSeconds)' },
    async handler({ c, services, scope, params, body, user, write }) {
      if (user === undefined) throw notFound('user');
      const subject = await getSubject(services.store, params.subjectId, scope);
      if (subject === undefined) throw notFound('subject');
      const meaning = pickSignatureMeaning(services.protocol.definition.signatureMeanings, 'casebook', body.meaning);
      await reauthenticate(services.store, user.userId, body.password, services.clock(), services.clientAddress(c));
      if ((await listSignatures(services.store, subject.subjectId)).casebook?.invalidated === false) throw new HttpError(409, 'already-signed', 'the casebook is signed already; a change of its data invalidates the signature');
      return write(undefined, async (tx) => created(await insertSignature(tx, { scope: 'casebook', subjectId: subject.subjectId, meaning: meaning.statement })));
    },
  }),
];
