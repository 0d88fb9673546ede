import { z } from 'zod';
import { isoDateSchema } from '../clinical/index.js';
import { ROLES } from './permissions.js';
import { SUBJECT_STATUSES } from './subjectStatusMoves.js';

/**
 * The request bodies of the API. The same schemas validate requests (422 with path, value, expected) and
 * generate the OpenAPI document, so the two cannot disagree. A CRF form's data is validated by the schema
 * built from its metadata in the served protocol (servedProtocol.ts), listed in the document as
 * components/schemas/<formType>.
 */

const reason = z.string().trim().min(1).max(500).describe('reason for change, recorded in the audit trail');
const version = z.int().min(1).describe('the version read; a stale version answers 409');

export const loginBody = z.strictObject({ userId: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export const siteBody = z.strictObject({ siteId: z.string().regex(/^[A-Za-z0-9]+$/).max(20), name: z.string().trim().min(1).max(200) });

export const userBody = z
  .strictObject({
    userId: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/),
    displayName: z.string().trim().min(1).max(200),
    role: z.enum(ROLES as [string, ...string[]]),
    siteId: z.string().min(1).nullable().default(null),
    password: z.string().min(12).max(200).describe('at least 12 characters'),
  })
  .superRefine((user, ctx) => {
    const siteRole = user.role === 'investigator' || user.role === 'coordinator';
    if (siteRole && user.siteId === null) ctx.addIssue({ code: 'custom', path: ['siteId'], input: user.siteId, message: 'a site for an investigator or coordinator' });
    if (!siteRole && user.siteId !== null) ctx.addIssue({ code: 'custom', path: ['siteId'], input: user.siteId, message: 'no site for a trial-wide role' });
  });

export const userPatchBody = z.strictObject({ version, reason, displayName: z.string().trim().min(1).max(200).optional(), active: z.boolean().optional() });

export const subjectBody = z.strictObject({
  siteId: z.string().min(1).optional().describe("defaults to the caller's site"),
  screeningNumber: z.string().trim().min(1).max(40).optional(),
});

export const subjectStatusBody = z.strictObject({
  status: z.enum(SUBJECT_STATUSES).describe('screening -> screen_failure | enrolled -> on_treatment -> follow_up -> off_study; a screen failure may return to screening (re-screen)'),
  version,
  reason,
});

/** A form type as stored (the id of one of the protocol's forms: GET /protocol lists them). */
export const formTypeSchema = z.string().regex(/^[a-z][A-Za-z0-9]{0,63}$/, { message: "a form id of the protocol, e.g. 'adverseEvent' (GET /protocol lists them)" });

export const recordBody = z.strictObject({
  formType: formTypeSchema,
  visit: z.string().trim().min(1).max(40).optional(),
  data: z.record(z.string(), z.unknown()).describe('the form, validated by the schema of formType (components/schemas/<formType>)'),
});

export const recordUpdateBody = z.strictObject({ version, reason, data: z.record(z.string(), z.unknown()) });

export const queryBody = z.strictObject({
  subjectId: z.string().min(1),
  recordId: z.int().min(1).optional(),
  fieldPath: z.string().min(1).max(200).optional(),
  message: z.string().trim().min(1).max(2000),
});

export const queryAnswerBody = z.strictObject({ version, answer: z.string().trim().min(1).max(2000) });
export const queryCloseBody = z.strictObject({ version, reason: reason.optional() });
export const queryReopenBody = z.strictObject({ version, reason });

export const lockBody = z
  .strictObject({
    scope: z.enum(['trial', 'subject']),
    subjectId: z.string().min(1).optional(),
    cutoffDate: isoDateSchema,
    reason: reason.describe('why the data is locked (e.g. interim analysis cutoff), recorded in the audit trail'),
  })
  .superRefine((lock, ctx) => {
    if ((lock.scope === 'subject') !== (lock.subjectId !== undefined))
      ctx.addIssue({ code: 'custom', path: ['subjectId'], input: lock.subjectId, message: 'a subjectId exactly when scope is subject' });
  });

export const lockReleaseBody = z.strictObject({ version, reason });

export const snapshotBody = z.strictObject({ name: z.string().trim().min(1).max(200), cutoffDate: isoDateSchema, lockId: z.int().min(1).optional() });
