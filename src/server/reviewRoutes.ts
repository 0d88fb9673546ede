import { createHmac } from 'node:crypto';
import { computeImwgResponse, type DiseaseAssessmentForm } from '../clinical/index.js';
import { getServerKey } from '../store/index.js';
import { ok, route, type RouteSpec } from './route.js';

interface AssessmentRow {
  subject_id: string;
  data: DiseaseAssessmentForm;
}

interface CountRow {
  site_id: string;
  status: string;
  n: number;
}

/** Read-only views without subject rows: blinded response data for the IRC, counts for the sponsor. */
export const reviewRoutes: readonly RouteSpec[] = [
  route({
    method: 'get',
    path: '/irc/assessments',
    action: 'irc:read',
    tag: 'review',
    summary: 'Central-lab disease assessments per blinded case (no site, subject or record id) with the derived IMWG response',
    async handler({ services }) {
      const key = await getServerKey(services.store, 'irc-blinding');
      const { rows } = await services.store.query<AssessmentRow>(
        "SELECT subject_id, data FROM crf_records WHERE form_type = 'diseaseAssessment' AND NOT deleted AND data ->> 'source' = 'central' ORDER BY subject_id, data ->> 'date', record_id",
      );
      const bySubject = new Map<string, DiseaseAssessmentForm[]>();
      for (const row of rows) bySubject.set(row.subject_id, [...(bySubject.get(row.subject_id) ?? []), row.data]);
      const cases = [...bySubject.entries()].map(([subjectId, forms]) => {
        const caseId = `case-${createHmac('sha256', key).update(subjectId).digest('hex').slice(0, 12)}`;
        const assessments = forms.map(({ visit: _visit, source: _source, ...measurements }) => measurements);
        const [baseline, ...later] = assessments;
        const outcome = later.length === 0 ? null : computeImwgResponse({ baseline, assessments: later });
        return {
          caseId,
          assessments,
          derived: outcome === null ? null : outcome.ok ? { bestResponse: outcome.value.bestResponse, assessments: outcome.value.assessments } : { issues: outcome.issues },
        };
      });
      // ordered by the blinded id, so the order reveals nothing about sites or enrolment
      cases.sort((a, b) => a.caseId.localeCompare(b.caseId));
      return ok({ cases });
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
