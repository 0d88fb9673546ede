import { z } from 'zod';
import { IRC_ADJUDICATION_SCOPES, isoDateSchema } from '../clinical/index.js';
import { issue } from '../result/index.js';
import { getServerKey, insertCrfRecord, updateCrfRecord } from '../store/index.js';
import { HttpError, notFound } from './httpError.js';
import { adjudicationKey, ircAdjudicationResponse, ircCaseId, ircCasesResponse, ircCaseView, loadCaseSources } from './ircCases.js';
import { created, ok, route, type RouteSpec } from './route.js';
import { todayOf } from './subjectRoutes.js';
import { versionConflict } from './versionConflict.js';
import { zodIssues } from './zodIssues.js';

/** The IRC's call on one assessment or on the best overall response of a blinded case. */
export const ircAdjudicationBody = z.strictObject({
  scope: z.enum(IRC_ADJUDICATION_SCOPES),
  assessmentDate: isoDateSchema.optional().describe('the central-lab assessment adjudicated; only for scope assessment'),
  response: z.string().min(1).max(40).describe("a category of the protocol's response scale (GET /protocol response.scale)"),
  reason: z.string().trim().min(1).max(1000).optional().describe('required when the response differs from the derived one, and to change an adjudication'),
  version: z.int().min(1).optional().describe('the version of the adjudication read, to change it; absent for a first adjudication (409 when stale)'),
});

interface CountRow {
  site_id: string;
  status: string;
  n: number;
}

/** Views without subject rows: blinded response data and adjudication for the IRC, counts for the sponsor. */
export const reviewRoutes: readonly RouteSpec[] = [
  route({
    method: 'get',
    path: '/irc/assessments',
    action: 'irc:read',
    tag: 'review',
    summary:
      "The IRC's queue: per blinded case (no site, subject or record id) the measurements of the IRC's source by date and parameter, the response derived by the protocol's criteria, the investigator's call and the IRC's adjudication side by side, with the disagreements",
    response: ircCasesResponse,
    async handler({ services }) {
      const key = await getServerKey(services.store, 'irc-blinding');
      const sources = await loadCaseSources(services.store, services.protocol);
      const today = todayOf(services.clock);
      const cases = [...sources.entries()].map(([subjectId, source]) => ircCaseView(ircCaseId(key, subjectId), source, services.protocol, today));
      // ordered by the blinded id, so the order reveals nothing about sites or enrolment
      cases.sort((a, b) => a.caseId.localeCompare(b.caseId));
      return ok({ cases });
    },
  }),
  route({
    method: 'post',
    path: '/irc/cases/:caseId/adjudications',
    action: 'irc:adjudicate',
    tag: 'review',
    summary:
      "Record the IRC's response for one assessment or the best overall response of a blinded case: agreeing with the derived response, or overriding it with a reason; stored on the subject behind the case as a record of the protocol's adjudication form (audited, locked with the data)",
    body: ircAdjudicationBody,
    responses: { 200: 'changed', 201: 'recorded', 409: 'stale version', 423: 'locked' },
    response: ircAdjudicationResponse,
    async handler({ services, params, body, write }) {
      const { protocol } = services;
      const formType = protocol.formOfRole('adjudication')?.id;
      const schema = formType === undefined ? undefined : protocol.schema(formType);
      if (formType === undefined || schema === undefined) throw new HttpError(404, 'not-found', `the protocol ${protocol.definition.id} has no adjudication form`);
      const key = await getServerKey(services.store, 'irc-blinding');
      const subjectIds = [...(await loadCaseSources(services.store, protocol)).keys()];
      const subjectId = subjectIds.find((id) => ircCaseId(key, id) === params.caseId);
      if (subjectId === undefined) throw notFound('case');
      const today = todayOf(services.clock);
      return write(body.reason, async (tx) => {
        const source = (await loadCaseSources(tx, protocol, subjectId)).get(subjectId);
        if (source === undefined) throw notFound('case');
        const view = ircCaseView(params.caseId, source, protocol, today);
        let derivedResponse = view.bestOverall.derivedResponse;
        let investigatorResponse = view.bestOverall.investigatorResponse;
        if (body.scope === 'assessment' && body.assessmentDate !== undefined) {
          const assessment = view.assessments.find((a) => !a.baseline && a.date === body.assessmentDate);
          if (assessment === undefined) {
            throw new HttpError(422, 'invalid-input', 'the case has no such post-baseline assessment', {
              issues: [issue('unknown-assessment', ['assessmentDate'], body.assessmentDate, `the date of a post-baseline assessment of the case (${view.assessments.filter((a) => !a.baseline).map((a) => a.date).join(', ') || 'none'})`)],
            });
          }
          derivedResponse = assessment.derivedResponse;
          investigatorResponse = assessment.investigatorResponse;
        }
        // absent (not null) when there is none: the adjudication form's metadata marks them optional
        const form = {
          scope: body.scope,
          ...(body.assessmentDate === undefined ? {} : { assessmentDate: body.assessmentDate }),
          response: body.response,
          ...(derivedResponse === null ? {} : { derivedResponse }),
          ...(investigatorResponse === null ? {} : { investigatorResponse }),
          ...(body.reason === undefined ? {} : { reason: body.reason }),
        };
        const parsed = schema.safeParse(form, { reportInput: true });
        if (!parsed.success) throw new HttpError(422, 'invalid-input', 'the adjudication is not valid', { issues: zodIssues(parsed.error, form) });
        const existing = source.adjudications.get(adjudicationKey(body.scope, body.assessmentDate));
        if (existing === undefined) {
          await insertCrfRecord(tx, { subjectId, formType, data: parsed.data });
        } else {
          if (body.version === undefined) throw versionConflict({ expectedVersion: 0, currentVersion: existing.version });
          if (body.reason === undefined) {
            throw new HttpError(422, 'invalid-input', 'changing an adjudication needs a reason', {
              issues: [issue('reason-required', ['reason'], body.reason, 'a reason for changing the adjudication (kept in the audit trail)')],
            });
          }
          const result = await updateCrfRecord(tx, existing.recordId, body.version, parsed.data);
          if (result.kind === 'not-found') throw notFound('case');
          if (result.kind === 'conflict') throw versionConflict(result);
        }
        const after = (await loadCaseSources(tx, protocol, subjectId)).get(subjectId);
        if (after === undefined) throw notFound('case');
        const updated = ircCaseView(params.caseId, after, protocol, today);
        const adjudication = body.scope === 'bestOverall' ? updated.bestOverall.irc : (updated.assessments.find((a) => a.date === body.assessmentDate)?.irc ?? null);
        const answer = { caseId: params.caseId, adjudication, case: updated };
        return existing === undefined ? created(answer) : ok(answer);
      });
    },
  }),
  route({
    method: 'get',
    path: '/summary',
    action: 'summary:read',
    tag: 'review',
    summary: 'Aggregates: subjects by site and status, queries by status (no subject rows)',
    async handler({ services }) {
      const subjects = await services.store.query<CountRow>('SELECT site_id, status, count(*)::int AS n FROM subjects GROUP BY site_id, status ORDER BY site_id, status');
      const queries = await services.store.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM queries GROUP BY status ORDER BY status');
      const bySite: Record<string, Record<string, number>> = {};
      for (const row of subjects.rows) bySite[row.site_id] = { ...bySite[row.site_id], [row.status]: row.n };
      return ok({ subjectsBySite: bySite, queriesByStatus: Object.fromEntries(queries.rows.map((r) => [r.status, r.n])) });
    },
  }),
];
