import { z } from 'zod';
import {
  deleteCrfRecord,
  getCrfRecord,
  getSubject,
  getSubjectForShare,
  insertCrfRecord,
  insertQuery,
  insertSubject,
  listAuditEntries,
  listQueries,
  listSubjectRecords,
  listSubjects,
  updateCrfRecord,
  updateSubjectStatus,
  type CrfRecord,
  type SqlClient,
  type SubjectRow,
} from '../store/index.js';
import { issue } from '../result/index.js';
import { HttpError, notFound } from './httpError.js';
import { checkPlausibility } from './checkPlausibility.js';
import { checkNotBeforeConsent } from './consentDateRule.js';
import { deriveFromFormAlone, deriveRecord, latestScreening, screenRecord, subjectResponse as deriveSubjectResponse, type EditCheckFinding, type LiveResult } from './liveLogic.js';
import { findTextIssues } from './requestLimits.js';
import { recordBody, recordUpdateBody, subjectBody, subjectStatusBody } from './requestSchemas.js';
import type { ServedProtocol } from './servedProtocol.js';
import { created, idParam, ok, route, type RouteSpec } from './route.js';
import { auditEntriesResponse, crfRecordsResponse, recordViewResponse, subjectEvaluationsResponse, subjectResponse, subjectsResponse } from './responseSchemas.js';
import { SUBJECT_STATUS_MOVES } from './subjectStatusMoves.js';
import { versionConflict } from './versionConflict.js';
import { isFormTypeVisible } from './permissions.js';
import { zodIssues } from './zodIssues.js';
import { DRAFT_FORM_TYPE, isDraftData, reviewDraft } from './formDraft.js';
import { labPanelBody, reviewLabPanel } from './labPanel.js';
import { crfRecordResponse } from './responseSchemas.js';

const draftBody = z.strictObject({
  formType: z.string().regex(/^[a-z][A-Za-z0-9]{0,63}$/).describe('the form this is a draft of (a form id of GET /protocol)'),
  visit: z.string().trim().min(1).max(40).optional(),
  data: z.record(z.string(), z.unknown()).describe('the values entered so far: each present value valid by the form; required ones may be missing'),
});
const draftUpdateBody = z.strictObject({ version: z.int().min(1), data: z.record(z.string(), z.unknown()) });
const draftResponse = z.strictObject({ record: crfRecordResponse });
const labPanelResponse = z.strictObject({ records: z.array(recordViewResponse) });

/**
 * A screening form is saved only for a subject in screening: a second screening of an enrolled subject would
 * replace the eligibility its enrolment rested on (the latest screening record decides). 409 naming the
 * subject, its state and the re-screen path of a screen failure.
 */
export function checkScreeningAllowed(protocol: ServedProtocol, formType: string, subject: SubjectRow): void {
  if (protocol.forms.get(formType)?.role !== 'screening' || subject.status === 'screening') return;
  const path =
    subject.status === 'screen_failure'
      ? `re-screen first: POST /subjects/${subject.subjectId}/status with status 'screening' and a reason`
      : 'a subject in screening (an enrolled subject is never screened again)';
  throw new HttpError(409, 'subject-state', `subject ${subject.subjectId} is ${subject.status}: a ${formType} form is entered only while the subject is in screening`, {
    issues: [issue('subject-state', ['formType'], formType, `${path}; subject ${subject.subjectId} is ${subject.status}`)],
    extra: { subjectId: subject.subjectId, status: subject.status },
  });
}

/** A form that passed the checks of a save: the validated data and the soft findings to raise as queries. */
export interface CheckedForm {
  readonly data: Record<string, unknown>;
  readonly findings: readonly EditCheckFinding[];
}

/** A form refused by the checks of a save: the 422 it answers (issues with paths under `data`). */
export type FormReview = ({ readonly ok: true } & CheckedForm) | { readonly ok: false; readonly error: HttpError };

/** The 422 of a form type the protocol does not define, naming it and the protocol's forms. */
export function unknownFormType(protocol: ServedProtocol, formType: string): HttpError {
  const known = [...protocol.forms.keys()];
  return new HttpError(422, 'unknown-form', `the protocol ${protocol.definition.id} has no form '${formType}'`, {
    issues: [issue('unknown-form', ['formType'], formType, `a form of protocol ${protocol.definition.id} ${protocol.definition.version}: ${known.join(', ')}`)],
  });
}

function parseFormData(protocol: ServedProtocol, formType: string, data: unknown): { readonly ok: true; readonly data: Record<string, unknown> } | { readonly ok: false; readonly error: HttpError } {
  const schema = protocol.schema(formType);
  if (schema === undefined) return { ok: false, error: unknownFormType(protocol, formType) };
  const parsed = schema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, error: new HttpError(422, 'invalid-input', `the ${formType} form is not valid`, { issues: zodIssues(parsed.error, data, ['data']) }) };
  return { ok: true, data: parsed.data };
}

/** The server's date (UTC), the "today" of the date checks: read from the injected clock. */
export function todayOf(clock: () => Date): string {
  return clock().toISOString().slice(0, 10);
}

/**
 * The checks of a save that need no database: the form's schema built from its metadata (types, code
 * lists, text lengths, hard limits: a value outside one is refused with 422 naming the field, the value and
 * the limit), the generic text checks of the edge (requestLimits.ts), then the plausibility limits
 * (plausibilityLimits.ts: a date after today refuses the save; values outside soft limits come back as
 * findings, raised as queries when the record is saved). Nothing is written for a refused form. A bulk
 * import collects the refusals of every row before writing any.
 */
export function reviewForm(protocol: ServedProtocol, formType: string, input: unknown, today: string): FormReview {
  const parsed = parseFormData(protocol, formType, input);
  if (!parsed.ok) return parsed;
  // the generic text checks (NUL, unpaired surrogates, the default maximum) for rows that did not come through a JSON body (CSV import)
  const text = findTextIssues(parsed.data, { formType, prefix: ['data'] });
  if (text.length > 0) return { ok: false, error: new HttpError(422, 'invalid-input', `the ${formType} form is not valid`, { issues: text }) };
  const plausibility = checkPlausibility(formType, parsed.data, today, protocol.limits);
  if (plausibility.rejected.length > 0) {
    return { ok: false, error: new HttpError(422, 'implausible-value', `the ${formType} form holds a value that cannot be right`, { issues: plausibility.rejected }) };
  }
  return { ok: true, data: parsed.data, findings: plausibility.findings };
}

/** reviewForm for one save: a refused form throws its 422. */
export function checkForm(protocol: ServedProtocol, formType: string, input: unknown, today: string): CheckedForm {
  const review = reviewForm(protocol, formType, input, today);
  if (!review.ok) throw review.error;
  return { data: review.data, findings: review.findings };
}

/** The clinical engines' result with the plausibility findings of the same record in front. */
export function withFindings(live: LiveResult, findings: readonly EditCheckFinding[]): LiveResult {
  return findings.length === 0 ? live : { derived: live.derived, findings: [...findings, ...live.findings] };
}

/** Raises each failed edit check as a query on the record, unless one is already open or answered. */
export async function raiseFindings(tx: SqlClient, record: CrfRecord, live: LiveResult): Promise<number[]> {
  const raised: number[] = [];
  if (live.findings.length === 0) return raised;
  const pending = (await listQueries(tx, { siteId: null, recordId: record.recordId })).filter((q) => q.status !== 'closed');
  for (const finding of live.findings) {
    if (pending.some((q) => q.checkCode === finding.checkCode && q.fieldPath === finding.fieldPath)) continue;
    const query = await insertQuery(tx, { subjectId: record.subjectId, recordId: record.recordId, fieldPath: finding.fieldPath, checkCode: finding.checkCode, message: finding.message });
    raised.push(query.queryId);
  }
  return raised;
}

export interface SavedRecord {
  readonly record: CrfRecord;
  /** What the clinical engines derived, with the plausibility findings in front. */
  readonly live: LiveResult;
  readonly raisedQueryIds: readonly number[];
}

/**
 * The save of a new CRF record, inside the caller's transaction (its audit user and reason): insert the
 * checked form, run the live clinical logic on it (liveLogic.ts: CTCAE grade, the response on the
 * protocol's scale, the next dose of each drug, eligibility, cross-form edit checks), and raise every
 * finding (plausibility and live) as a query on the record. POST /subjects/:id/records, the central-lab
 * import and loadDemoTrial all save through here.
 */
export async function saveRecord(
  tx: SqlClient,
  protocol: ServedProtocol,
  today: string,
  subjectId: string,
  formType: string,
  form: CheckedForm,
  visit?: string,
  options: { readonly lastWrite?: boolean } = {},
): Promise<SavedRecord> {
  const visitField = protocol.forms.get(formType)?.visitField;
  const visitValue = visitField === undefined ? undefined : form.data[visitField];
  const visitLabel = visit ?? (typeof visitValue === 'string' ? visitValue : undefined);
  const input = { subjectId, formType, ...(visitLabel === undefined ? {} : { visit: visitLabel }), data: form.data };
  // the caller's last write, on a form whose logic needs no other record and raises no query: the INSERT
  // is the transaction's last statement and its COMMIT travels with it
  const known = options.lastWrite === true ? deriveFromFormAlone(protocol, formType, form.data) : undefined;
  if (known !== undefined) {
    const live = withFindings(known, form.findings);
    if (live.findings.length === 0) return { record: await insertCrfRecord(tx, input, { last: true }), live, raisedQueryIds: [] };
  }
  const record = await insertCrfRecord(tx, input);
  const live = withFindings(await deriveRecord(tx, record, { protocol, today }), form.findings);
  return { record, live, raisedQueryIds: await raiseFindings(tx, record, live) };
}

function recordView(record: CrfRecord, live: LiveResult, raisedQueryIds?: readonly number[]): Record<string, unknown> {
  return { record, derived: live.derived, editChecks: live.findings, ...(raisedQueryIds === undefined ? {} : { raisedQueryIds }) };
}

/** A record the caller may see: another site's answers, or a form hidden from sites, as if it did not exist. */
async function scopedRecord(client: SqlClient, protocol: ServedProtocol, recordIdText: string | undefined, scope: string | null): Promise<CrfRecord> {
  const recordId = idParam(recordIdText);
  const record = recordId === undefined ? undefined : await getCrfRecord(client, recordId);
  if (record === undefined || record.deleted || !isFormTypeVisible(protocol, record.formType, scope) || (await getSubject(client, record.subjectId, scope)) === undefined) throw notFound('record');
  return record;
}

/** A draft the caller may see (scopedRecord), with its status and form read back. */
async function scopedDraft(client: SqlClient, protocol: ServedProtocol, recordIdText: string | undefined, scope: string | null): Promise<CrfRecord & { readonly draft: ReturnType<typeof reviewDraft> }> {
  const record = await scopedRecord(client, protocol, recordIdText, scope);
  if (record.formType !== DRAFT_FORM_TYPE || !isDraftData(record.data)) throw notFound('draft');
  return { ...record, draft: record.data };
}

export const subjectRoutes: readonly RouteSpec[] = [
  route({
    method: 'get',
    path: '/subjects',
    response: subjectsResponse,
    action: 'subject:read',
    tag: 'subjects',
    summary: 'Subjects (a site role sees its own site only)',
    async handler({ services, scope }) {
      return ok({ subjects: await listSubjects(services.store, scope) });
    },
  }),
  route({
    method: 'post',
    path: '/subjects',
    response: subjectResponse,
    action: 'subject:write',
    tag: 'subjects',
    summary: "Register a subject at screening under the next pseudonymous number of the caller's site ('<site>-<sequence>')",
    body: subjectBody,
    responses: { 201: 'registered', 409: 'screening number taken', 423: 'locked' },
    handler({ body, scope, user, write }) {
      const siteId = body.siteId ?? scope ?? user?.siteId ?? null;
      if (siteId === null || (scope !== null && siteId !== scope)) throw notFound('site');
      return write(undefined, async (tx) => created(await insertSubject(tx, { siteId, ...(body.screeningNumber === undefined ? {} : { screeningNumber: body.screeningNumber }) })));
    },
  }),
  route({
    method: 'get',
    path: '/subjects/:subjectId',
    response: subjectResponse,
    action: 'subject:read',
    tag: 'subjects',
    summary: 'One subject',
    async handler({ services, scope, params }) {
      const subject = await getSubject(services.store, params.subjectId, scope);
      if (subject === undefined) throw notFound('subject');
      return ok(subject);
    },
  }),
  route({
    method: 'post',
    path: '/subjects/:subjectId/status',
    response: subjectResponse,
    action: 'subject:write',
    tag: 'subjects',
    summary:
      'Move a subject along screening -> screen_failure | enrolled -> on_treatment -> follow_up -> off_study (off_study from any state after enrolment; a screen failure may return to screening to be re-screened); enrolment needs an eligible screening record; another move answers 409 naming the subject, its state and the moves it has',
    body: subjectStatusBody,
    responses: { 200: 'changed', 409: 'stale version or status move not allowed', 423: 'locked' },
    async handler({ services, scope, params, body, write }) {
      const subject = await getSubject(services.store, params.subjectId, scope);
      if (subject === undefined) throw notFound('subject');
      const moves = SUBJECT_STATUS_MOVES[subject.status];
      if (!moves.includes(body.status)) {
        throw new HttpError(409, 'status-move', `subject ${subject.subjectId} cannot go from ${subject.status} to ${body.status}`, {
          issues: [issue('status-move', ['status'], body.status, moves.length === 0 ? `nothing: ${subject.status} is final` : `one of ${moves.join(', ')} (subject ${subject.subjectId} is ${subject.status})`)],
          extra: { subjectId: subject.subjectId, status: subject.status },
        });
      }
      if (body.status === 'enrolled') {
        const screening = await latestScreening(services.store, subject.subjectId, services.protocol);
        const outcome = screening === undefined ? undefined : screenRecord(screening, services.protocol);
        const eligible = outcome?.ok === true ? outcome.value.eligible : null;
        if (eligible !== true) {
          throw new HttpError(422, 'not-eligible', 'enrolment needs a screening record that meets every eligibility criterion', {
            issues: [issue('not-eligible', ['status'], body.status, screening === undefined ? 'a saved screening record' : `an eligible screening record (eligibility is ${String(eligible)})`)],
          });
        }
      }
      return write(body.reason, async (tx) => {
        const result = await updateSubjectStatus(tx, subject.subjectId, body.version, body.status);
        if (result.kind === 'not-found') throw notFound('subject');
        if (result.kind === 'conflict') throw versionConflict(result);
        return ok(result.row);
      });
    },
  }),
  route({
    method: 'get',
    path: '/subjects/:subjectId/records',
    response: crfRecordsResponse,
    action: 'record:read',
    tag: 'records',
    summary: "A subject's CRF records",
    async handler({ services, scope, params }) {
      if ((await getSubject(services.store, params.subjectId, scope)) === undefined) throw notFound('subject');
      const records = await listSubjectRecords(services.store, params.subjectId);
      return ok({ records: records.filter((record) => isFormTypeVisible(services.protocol, record.formType, scope)) });
    },
  }),
  route({
    method: 'get',
    path: '/subjects/:subjectId/response',
    response: subjectEvaluationsResponse,
    action: 'record:read',
    tag: 'records',
    summary:
      "The subject's response on the protocol's scale, per evaluator, derived now from the saved assessment forms by the protocol's response criteria (every post-baseline assessment, the best confirmed response, the date of progression); never stored",
    async handler({ services, scope, params }) {
      if ((await getSubject(services.store, params.subjectId, scope)) === undefined) throw notFound('subject');
      return ok(await deriveSubjectResponse(services.store, params.subjectId, services.protocol, todayOf(services.clock)));
    },
  }),
  route({
    method: 'post',
    path: '/subjects/:subjectId/records',
    response: recordViewResponse,
    action: 'record:write',
    tag: 'records',
    summary:
      "Save a CRF form of the protocol (formType: a form id of GET /protocol, data: validated by the form's metadata); answers with what the clinical engines derive (CTCAE grades, eligibility, the response on the protocol's scale, the next dose of each drug) and the edit checks raised as queries; a form type the protocol does not define answers 422 naming it",
    body: recordBody,
    responses: { 201: 'saved', 409: 'a screening form for a subject not in screening', 423: 'locked' },
    // the save's body only reads and writes the database: concurrent saves share a transaction and its COMMIT
    groupCommit: true,
    handler({ services, scope, params, body, write }) {
      const today = todayOf(services.clock);
      // the form's own checks need no database; a refusal is answered only after the subject is known to be the caller's
      const review = reviewForm(services.protocol, body.formType, body.data, today);
      return write(undefined, async (tx) => {
        // issued together, so they share the transaction's first round trip (with BEGIN, on a server): the
        // subject under its share lock (a status move racing this save waits for it, or is seen) within
        // the caller's scope, and the consent date check, whose answer is used only after the subject's
        const consentRefusal = review.ok
          ? checkNotBeforeConsent(tx, services.protocol, params.subjectId, body.formType, review.data).then(
              () => undefined,
              (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
            )
          : Promise.resolve(undefined);
        const [subject, refusal] = await Promise.all([getSubjectForShare(tx, params.subjectId, scope), consentRefusal]);
        if (subject === undefined) throw notFound('subject');
        // a site role may not write a form hidden from sites (the IRC's adjudication has its own endpoint)
        if (!isFormTypeVisible(services.protocol, body.formType, scope)) throw unknownFormType(services.protocol, body.formType);
        checkScreeningAllowed(services.protocol, body.formType, subject);
        if (!review.ok) throw review.error;
        if (refusal !== undefined) throw refusal;
        const saved = await saveRecord(tx, services.protocol, today, params.subjectId, body.formType, review, body.visit, { lastWrite: true });
        return created(recordView(saved.record, saved.live, saved.raisedQueryIds));
      });
    },
  }),
  route({
    method: 'get',
    path: '/records/:recordId',
    response: recordViewResponse,
    action: 'record:read',
    tag: 'records',
    summary: 'One CRF record with its derived values',
    async handler({ services, scope, params }) {
      const record = await scopedRecord(services.store, services.protocol, params.recordId, scope);
      const today = todayOf(services.clock);
      const { findings } = checkPlausibility(record.formType, record.data, today, services.protocol.limits);
      return ok(recordView(record, withFindings(await deriveRecord(services.store, record, { protocol: services.protocol, today }), findings)));
    },
  }),
  route({
    method: 'put',
    path: '/records/:recordId',
    response: recordViewResponse,
    action: 'record:write',
    tag: 'records',
    summary: 'Correct a CRF record: the version read and a reason for change are required (409 when stale)',
    body: recordUpdateBody,
    responses: { 200: 'saved', 409: 'stale version', 423: 'locked' },
    async handler({ services, scope, params, body, write }) {
      const current = await scopedRecord(services.store, services.protocol, params.recordId, scope);
      const today = todayOf(services.clock);
      const { data, findings } = checkForm(services.protocol, current.formType, body.data, today);
      return write(body.reason, async (tx) => {
        await checkNotBeforeConsent(tx, services.protocol, current.subjectId, current.formType, data);
        const result = await updateCrfRecord(tx, current.recordId, body.version, data);
        if (result.kind === 'not-found') throw notFound('record');
        if (result.kind === 'conflict') throw versionConflict(result);
        const live = withFindings(await deriveRecord(tx, result.record, { protocol: services.protocol, today }), findings);
        return ok(recordView(result.record, live, await raiseFindings(tx, result.record, live)));
      });
    },
  }),
  route({
    method: 'get',
    path: '/records/:recordId/audit',
    response: auditEntriesResponse,
    action: 'audit:read',
    tag: 'records',
    summary: 'The audit trail of one record: who, when, old and new values, reason',
    async handler({ services, scope, params }) {
      const record = await scopedRecord(services.store, services.protocol, params.recordId, scope);
      return ok({ entries: await listAuditEntries(services.store, 'crf_records', String(record.recordId)) });
    },
  }),
  route({
    method: 'post',
    path: '/subjects/:subjectId/drafts',
    response: draftResponse,
    action: 'record:write',
    tag: 'records',
    summary:
      "Keep a form incomplete, to finish later: stored as a record of form type 'draft' with status 'draft', the form it is a draft of and the values so far (every present value is checked by the form's metadata; missing required values are allowed); no derivation, edit check or analysis reads a draft; finish it with POST /drafts/{recordId}/complete",
    body: draftBody,
    responses: { 201: 'kept', 423: 'locked' },
    async handler({ services, scope, params, body, write }) {
      const subject = await getSubject(services.store, params.subjectId, scope);
      if (subject === undefined) throw notFound('subject');
      if (!isFormTypeVisible(services.protocol, body.formType, scope)) throw unknownFormType(services.protocol, body.formType);
      const draft = reviewDraft(services.protocol, body.formType, body.data);
      return write(undefined, async (tx) => created({ record: await insertCrfRecord(tx, { subjectId: subject.subjectId, formType: DRAFT_FORM_TYPE, ...(body.visit === undefined ? {} : { visit: body.visit }), data: { ...draft } }) }));
    },
  }),
  route({
    method: 'put',
    path: '/drafts/:recordId',
    response: draftResponse,
    action: 'record:write',
    tag: 'records',
    summary: 'Keep more of a draft (the version read; 409 when stale); audited with the reason "draft kept again"',
    body: draftUpdateBody,
    responses: { 200: 'kept', 409: 'stale version', 423: 'locked' },
    async handler({ services, scope, params, body, write }) {
      const current = await scopedDraft(services.store, services.protocol, params.recordId, scope);
      const draft = reviewDraft(services.protocol, current.draft.formType, body.data);
      return write('draft kept again', async (tx) => {
        const result = await updateCrfRecord(tx, current.recordId, body.version, { ...draft });
        if (result.kind === 'not-found') throw notFound('draft');
        if (result.kind === 'conflict') throw versionConflict(result);
        return ok({ record: result.record });
      });
    },
  }),
  route({
    method: 'post',
    path: '/drafts/:recordId/complete',
    response: recordViewResponse,
    action: 'record:write',
    tag: 'records',
    summary:
      'Finish a draft: the complete form is saved as POST /subjects/{subjectId}/records saves it (every check, derivation and query) and the draft is deleted in the same transaction (audited "completed as record <id>"); a refused form keeps the draft',
    body: draftUpdateBody,
    responses: { 201: 'saved', 409: 'stale version', 423: 'locked' },
    async handler({ services, scope, params, body, write }) {
      const current = await scopedDraft(services.store, services.protocol, params.recordId, scope);
      const formType = current.draft.formType;
      if (!isFormTypeVisible(services.protocol, formType, scope)) throw unknownFormType(services.protocol, formType);
      const today = todayOf(services.clock);
      const form = checkForm(services.protocol, formType, body.data, today);
      return write(`draft ${current.recordId} completed`, async (tx) => {
        await checkNotBeforeConsent(tx, services.protocol, current.subjectId, formType, form.data);
        const removed = await deleteCrfRecord(tx, current.recordId, body.version);
        if (removed.kind === 'not-found') throw notFound('draft');
        if (removed.kind === 'conflict') throw versionConflict(removed);
        const saved = await saveRecord(tx, services.protocol, today, current.subjectId, formType, form, current.visit ?? undefined);
        return created(recordView(saved.record, saved.live, saved.raisedQueryIds));
      });
    },
  }),
  route({
    method: 'post',
    path: '/subjects/:subjectId/lab-panels',
    response: labPanelResponse,
    action: 'record:write',
    tag: 'records',
    summary:
      "Save every analyte of one draw in one request: each result with the shared values (sample date, visit, laboratory) is a lab form saved as POST /subjects/{subjectId}/records saves it (CTCAE grade, edit checks raised as queries), all in one transaction; any refused value refuses the panel (422 naming ['shared', field] or ['results', index, field]) and nothing is saved",
    body: labPanelBody,
    responses: { 201: 'saved', 423: 'locked' },
    async handler({ services, scope, params, body, write }) {
      const subject = await getSubject(services.store, params.subjectId, scope);
      if (subject === undefined) throw notFound('subject');
      const today = todayOf(services.clock);
      const panel = reviewLabPanel(services.protocol, body, today);
      return write(undefined, async (tx) => {
        const locked = await getSubjectForShare(tx, subject.subjectId);
        if (locked === undefined) throw notFound('subject');
        const records: Record<string, unknown>[] = [];
        for (const row of panel.rows) {
          await checkNotBeforeConsent(tx, services.protocol, subject.subjectId, panel.formType, row.form.data);
          const saved = await saveRecord(tx, services.protocol, today, subject.subjectId, panel.formType, row.form);
          records.push(recordView(saved.record, saved.live, saved.raisedQueryIds));
        }
        return created({ records });
      });
    },
  }),
];
