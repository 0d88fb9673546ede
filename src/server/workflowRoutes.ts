import {
  createSnapshot,
  getCrfRecord,
  getLock,
  getQuery,
  getSnapshot,
  getSubject,
  insertLock,
  insertQuery,
  listLocks,
  listQueries,
  listSnapshots,
  releaseLock,
  updateQuery,
  type QueryStatus,
  type VersionedResult,
  type QueryRow,
} from '../store/index.js';
import { issue } from '../result/index.js';
import { formFieldPaths, isFormFieldPath } from './formFieldPath.js';
import { HttpError, notFound } from './httpError.js';
import { lockBody, lockReleaseBody, queryAnswerBody, queryBody, queryCloseBody, queryReopenBody, snapshotBody } from './requestSchemas.js';
import { created, idParam, ok, route, type RouteResult, type RouteSpec } from './route.js';
import { lockResponse, locksResponse, queriesResponse, queryResponse, snapshotCreatedResponse, snapshotResponse, snapshotsResponse } from './responseSchemas.js';
import type { ServedProtocol } from './servedProtocol.js';
import { versionConflict } from './versionConflict.js';

const QUERY_STATUSES: readonly QueryStatus[] = ['open', 'answered', 'closed'];

function queryResult(result: VersionedResult<QueryRow>): RouteResult {
  if (result.kind === 'not-found') throw notFound('query');
  if (result.kind === 'conflict') throw versionConflict(result);
  return ok(result.row);
}

/** At most this many field paths are listed in the answer refusing a path (the rest are counted). */
const LISTED_PATHS = 60;

function listPaths(paths: readonly string[]): string {
  const shown = paths.slice(0, LISTED_PATHS).join(', ');
  return paths.length > LISTED_PATHS ? `${shown} (and ${paths.length - LISTED_PATHS} more)` : shown;
}

/**
 * The field path of a query names a field of its record's form (422 naming the path and the form's fields);
 * a query on the subject alone may name a field of any form of the protocol (e.g. a screening weight).
 */
function checkQueryFieldPath(protocol: ServedProtocol, fieldPath: string | undefined, formType: string | undefined): void {
  if (fieldPath === undefined) return;
  if (formType !== undefined) {
    const form = protocol.forms.get(formType);
    if (form !== undefined && isFormFieldPath(form, fieldPath)) return;
    const paths = form === undefined ? [] : formFieldPaths(form);
    throw new HttpError(422, 'unknown-field', `the ${formType} form has no field '${fieldPath}'`, {
      issues: [issue('unknown-field', ['fieldPath'], fieldPath, `a field of the record's form ${formType}: ${listPaths(paths)}`)],
    });
  }
  if ([...protocol.forms.values()].some((form) => isFormFieldPath(form, fieldPath))) return;
  throw new HttpError(422, 'unknown-field', `no form of the protocol has a field '${fieldPath}'`, {
    issues: [issue('unknown-field', ['fieldPath'], fieldPath, `a field of a form of protocol ${protocol.definition.id} (with recordId: a field of that record's form)`)],
  });
}

/** Data queries (open -> answered -> closed), locks and snapshots. */
export const workflowRoutes: readonly RouteSpec[] = [
  route({
    method: 'get',
    path: '/queries',
    response: queriesResponse,
    action: 'query:read',
    tag: 'queries',
    summary: 'Data queries, filtered by ?status= and ?subjectId= (a site role sees its own site only)',
    async handler({ services, scope, query }) {
      const status = QUERY_STATUSES.find((s) => s === query.status);
      if (query.status !== undefined && status === undefined) throw new HttpError(400, 'bad-filter', `status must be one of ${QUERY_STATUSES.join(', ')}`);
      return ok({
        queries: await listQueries(services.store, {
          siteId: scope,
          ...(query.subjectId === undefined ? {} : { subjectId: query.subjectId }),
          ...(status === undefined ? {} : { status }),
        }),
      });
    },
  }),
  route({
    method: 'post',
    path: '/queries',
    response: queryResponse,
    action: 'query:raise',
    tag: 'queries',
    summary:
      "Raise a manual query on a subject or one of its records; a fieldPath must name a field of the record's form (of any form of the protocol without a record), else 422 naming the path and the fields",
    body: queryBody,
    responses: { 201: 'raised', 423: 'locked' },
    async handler({ services, scope, body, write }) {
      if ((await getSubject(services.store, body.subjectId, scope)) === undefined) throw notFound('subject');
      let formType: string | undefined;
      if (body.recordId !== undefined) {
        const record = await getCrfRecord(services.store, body.recordId);
        if (record === undefined || record.deleted || record.subjectId !== body.subjectId) throw notFound('record');
        formType = record.formType;
      }
      checkQueryFieldPath(services.protocol, body.fieldPath, formType);
      return write(undefined, async (tx) => created(await insertQuery(tx, body)));
    },
  }),
  route({
    method: 'post',
    path: '/queries/:queryId/answer',
    response: queryResponse,
    action: 'query:answer',
    tag: 'queries',
    summary: 'Answer an open query (site)',
    body: queryAnswerBody,
    responses: { 200: 'answered', 409: 'stale version or not open', 423: 'locked' },
    async handler({ services, scope, params, body, write }) {
      const id = idParam(params.queryId);
      const current = id === undefined ? undefined : await getQuery(services.store, id, scope);
      if (current === undefined) throw notFound('query');
      if (current.status !== 'open') throw new HttpError(409, 'query-transition', `a ${current.status} query cannot be answered`);
      return write('query answered', async (tx) => queryResult(await updateQuery(tx, current.queryId, body.version, { status: 'answered', answer: body.answer })));
    },
  }),
  route({
    method: 'post',
    path: '/queries/:queryId/close',
    response: queryResponse,
    action: 'query:close',
    tag: 'queries',
    summary: 'Close a query (data manager)',
    body: queryCloseBody,
    responses: { 200: 'closed', 409: 'stale version or already closed', 423: 'locked' },
    async handler({ services, scope, params, body, write }) {
      const id = idParam(params.queryId);
      const current = id === undefined ? undefined : await getQuery(services.store, id, scope);
      if (current === undefined) throw notFound('query');
      return write(body.reason ?? 'query closed', async (tx) => queryResult(await updateQuery(tx, current.queryId, body.version, { status: 'closed' })));
    },
  }),
  route({
    method: 'post',
    path: '/queries/:queryId/reopen',
    response: queryResponse,
    action: 'query:close',
    tag: 'queries',
    summary: 'Reject an answer: answered -> open (data manager)',
    body: queryReopenBody,
    responses: { 200: 'reopened', 409: 'stale version or not answered', 423: 'locked' },
    async handler({ services, scope, params, body, write }) {
      const id = idParam(params.queryId);
      const current = id === undefined ? undefined : await getQuery(services.store, id, scope);
      if (current === undefined) throw notFound('query');
      return write(body.reason, async (tx) => queryResult(await updateQuery(tx, current.queryId, body.version, { status: 'open' })));
    },
  }),
  route({
    method: 'get',
    path: '/locks',
    response: locksResponse,
    action: 'lock:read',
    tag: 'locks',
    summary: 'Database locks (trial or subject) and whether they were released',
    async handler({ services }) {
      return ok({ locks: await listLocks(services.store) });
    },
  }),
  route({
    method: 'post',
    path: '/locks',
    response: lockResponse,
    action: 'lock:write',
    tag: 'locks',
    summary:
      'Lock the trial or one subject up to a data cutoff: a write of data dated on or before the cutoff then answers 423 ' +
      '(a CRF record is dated by the earliest date it holds, undated records count as before it, a subject row by the day of the write); later data can still be entered. ' +
      'A reason is required, as for a release, and recorded in the audit trail',
    body: lockBody,
    responses: { 201: 'locked', 409: 'already locked' },
    async handler({ services, body, write }) {
      if (body.subjectId !== undefined && (await getSubject(services.store, body.subjectId, null)) === undefined) throw notFound('subject');
      return write(body.reason, async (tx) =>
        created(await insertLock(tx, { scope: body.scope, cutoffDate: body.cutoffDate, ...(body.subjectId === undefined ? {} : { subjectId: body.subjectId }) })),
      );
    },
  }),
  route({
    method: 'post',
    path: '/locks/:lockId/release',
    response: lockResponse,
    action: 'lock:write',
    tag: 'locks',
    summary: 'Release (unlock) a lock, with a reason',
    body: lockReleaseBody,
    responses: { 200: 'released', 409: 'stale version' },
    async handler({ params, body, write }) {
      const id = idParam(params.lockId);
      if (id === undefined) throw notFound('lock');
      return write(body.reason, async (tx) => {
        const result = await releaseLock(tx, id, body.version);
        if (result.kind === 'not-found') throw notFound('active lock');
        if (result.kind === 'conflict') throw versionConflict(result);
        return ok(result.row);
      });
    },
  }),
  route({
    method: 'get',
    path: '/snapshots',
    response: snapshotsResponse,
    action: 'snapshot:read',
    tag: 'snapshots',
    summary: 'Snapshots (immutable, hashed copies of the data at a lock)',
    async handler({ services }) {
      return ok({ snapshots: await listSnapshots(services.store) });
    },
  }),
  route({
    method: 'post',
    path: '/snapshots',
    response: snapshotCreatedResponse,
    action: 'snapshot:create',
    tag: 'snapshots',
    summary: 'Take a snapshot of the whole database, normally right after a lock',
    body: snapshotBody,
    responses: { 201: 'taken', 409: 'name taken' },
    async handler({ services, body, write }) {
      if (body.lockId !== undefined) {
        const lock = await getLock(services.store, body.lockId);
        if (lock === undefined || lock.released) throw notFound('active lock');
      }
      return write(undefined, async (tx) => created(await createSnapshot(tx, body)));
    },
  }),
  route({
    method: 'get',
    path: '/snapshots/:snapshotId',
    response: snapshotResponse,
    action: 'snapshot:read',
    tag: 'snapshots',
    summary: 'One snapshot with its data and content hash',
    async handler({ services, params }) {
      const id = idParam(params.snapshotId);
      const snapshot = id === undefined ? undefined : await getSnapshot(services.store, id);
      if (snapshot === undefined) throw notFound('snapshot');
      return ok(snapshot);
    },
  }),
];
