import { createHmac } from 'node:crypto';
import {
  RESPONSE_CATEGORIES,
  computeImwgResponse,
  type DiseaseAssessmentForm,
  type IrcAdjudicationForm,
  type ResponseCallForm,
  type ResponseCategory,
} from '../clinical/index.js';
import { z } from 'zod';
import { diseaseAssessmentFormSchema, responseCategorySchema } from '../clinical/index.js';
import type { Issue } from '../result/index.js';
import type { SqlClient } from '../store/index.js';

/**
 * The IRC's blinded cases: per subject with central-lab disease assessments, the measurements, the IMWG
 * response derived from them, the investigator's calls and the IRC's adjudications, under a case id that is
 * an HMAC of the subject id with a server key. Nothing here names a site, a subject or a record.
 */

interface SourceRow {
  record_id: number;
  subject_id: string;
  form_type: string;
  data: unknown;
  version: number;
  updated_at: Date;
  updated_by: string;
}

/** A stored adjudication as the IRC sees it (no record id: the case id, scope and date name it). */
export interface AdjudicationView {
  readonly response: ResponseCategory;
  readonly derivedResponse: ResponseCategory | null;
  readonly investigatorResponse: ResponseCategory | null;
  readonly reason: string | null;
  readonly version: number;
  readonly adjudicatedAt: string;
  readonly adjudicatedBy: string;
}

export interface IrcAssessmentView extends Omit<DiseaseAssessmentForm, 'visit' | 'source'> {
  /** The IMWG response this assessment meets (null for the baseline or when not derivable). */
  readonly derivedResponse: ResponseCategory | null;
  readonly confirmed: boolean | null;
  readonly baseline: boolean;
  readonly investigatorResponse: ResponseCategory | null;
  readonly irc: AdjudicationView | null;
}

export interface IrcDisagreement {
  readonly scope: 'assessment' | 'bestOverall';
  readonly assessmentDate: string | null;
  readonly kind: 'investigator-vs-derived' | 'irc-vs-derived' | 'irc-vs-investigator';
  readonly text: string;
}

export interface IrcCaseView {
  readonly caseId: string;
  /** adjudicated = the IRC recorded the best overall response of the case. */
  readonly status: 'pending' | 'adjudicated';
  readonly assessments: readonly IrcAssessmentView[];
  /** The derived best response, or why none could be derived (null: baseline only). */
  readonly derived: { readonly bestResponse: ResponseCategory } | { readonly issues: readonly Issue[] } | null;
  readonly bestOverall: { readonly derivedResponse: ResponseCategory | null; readonly investigatorResponse: ResponseCategory | null; readonly irc: AdjudicationView | null };
  readonly disagreements: readonly IrcDisagreement[];
}

/** The answers of the IRC endpoints on the wire, for the OpenAPI document (strict: nothing else, least of all an identity). */
const response = responseCategorySchema;
const adjudicationResponse = z.strictObject({
  response,
  derivedResponse: response.nullable(),
  investigatorResponse: response.nullable(),
  reason: z.string().nullable(),
  version: z.int().min(1),
  adjudicatedAt: z.iso.datetime(),
  adjudicatedBy: z.string().describe('the IRC reviewer'),
});
const disagreementResponse = z.strictObject({
  scope: z.enum(['assessment', 'bestOverall']),
  assessmentDate: z.string().nullable(),
  kind: z.enum(['investigator-vs-derived', 'irc-vs-derived', 'irc-vs-investigator']),
  text: z.string(),
});
const { visit: _visit, source: _source, ...measurements } = diseaseAssessmentFormSchema.shape;
export const ircCaseResponse = z.strictObject({
  caseId: z.string().describe('blinded: an HMAC of the subject id with a server key'),
  status: z.enum(['pending', 'adjudicated']),
  assessments: z.array(
    z.strictObject({
      ...measurements,
      baseline: z.boolean(),
      derivedResponse: response.nullable(),
      confirmed: z.boolean().nullable(),
      investigatorResponse: response.nullable(),
      irc: adjudicationResponse.nullable(),
    }),
  ),
  derived: z.union([z.strictObject({ bestResponse: response }), z.strictObject({ issues: z.array(z.record(z.string(), z.unknown())) }), z.null()]),
  bestOverall: z.strictObject({ derivedResponse: response.nullable(), investigatorResponse: response.nullable(), irc: adjudicationResponse.nullable() }),
  disagreements: z.array(disagreementResponse),
});
export const ircCasesResponse = z.strictObject({ cases: z.array(ircCaseResponse) });
export const ircAdjudicationResponse = z.strictObject({ caseId: z.string(), adjudication: adjudicationResponse.nullable(), case: ircCaseResponse });

/** The case id of a subject: the same for the same subject and key, unlinkable without the key. */
export function ircCaseId(key: string | Buffer, subjectId: string): string {
  return `case-${createHmac('sha256', key).update(subjectId).digest('hex').slice(0, 12)}`;
}

const rank = (category: ResponseCategory): number => RESPONSE_CATEGORIES.indexOf(category);

/** The best of several calls on the sCR ... PD, NE scale (as the ADRS reads the recorded calls). */
export function bestCall(calls: readonly ResponseCategory[]): ResponseCategory | null {
  let best: ResponseCategory | null = null;
  for (const call of calls) if (best === null || rank(call) < rank(best)) best = call;
  return best;
}

export const adjudicationKey = (scope: 'assessment' | 'bestOverall', assessmentDate: string | undefined | null): string => `${scope}:${assessmentDate ?? ''}`;

export interface CaseSource {
  readonly central: DiseaseAssessmentForm[];
  readonly investigatorCalls: ResponseCallForm[];
  readonly adjudications: Map<string, { recordId: number; version: number; data: IrcAdjudicationForm; updatedAt: Date; updatedBy: string }>;
}

/** Everything the IRC view reads, per subject; only subjects with a central-lab assessment become cases. */
export async function loadCaseSources(client: SqlClient, subjectId?: string): Promise<Map<string, CaseSource>> {
  const { rows } = await client.query<SourceRow>(
    `SELECT record_id, subject_id, form_type, data, version, updated_at, updated_by FROM crf_records
      WHERE NOT deleted AND ($1::text IS NULL OR subject_id = $1)
        AND ((form_type = 'diseaseAssessment' AND data ->> 'source' = 'central')
          OR (form_type = 'responseCall' AND data ->> 'evaluator' = 'investigator')
          OR form_type = 'ircAdjudication')
      ORDER BY subject_id, record_id`,
    [subjectId ?? null],
  );
  const sources = new Map<string, CaseSource>();
  for (const row of rows) {
    let source = sources.get(row.subject_id);
    if (source === undefined) {
      source = { central: [], investigatorCalls: [], adjudications: new Map() };
      sources.set(row.subject_id, source);
    }
    if (row.form_type === 'diseaseAssessment') source.central.push(row.data as DiseaseAssessmentForm);
    else if (row.form_type === 'responseCall') source.investigatorCalls.push(row.data as ResponseCallForm);
    else {
      const data = row.data as IrcAdjudicationForm;
      source.adjudications.set(adjudicationKey(data.scope, data.assessmentDate), { recordId: row.record_id, version: row.version, data, updatedAt: row.updated_at, updatedBy: row.updated_by });
    }
  }
  for (const [id, source] of sources) if (source.central.length === 0) sources.delete(id);
  return sources;
}

function adjudicationView(stored: { version: number; data: IrcAdjudicationForm; updatedAt: Date; updatedBy: string } | undefined): AdjudicationView | null {
  if (stored === undefined) return null;
  const { data } = stored;
  return {
    response: data.response,
    derivedResponse: data.derivedResponse,
    investigatorResponse: data.investigatorResponse,
    reason: data.reason ?? null,
    version: stored.version,
    adjudicatedAt: stored.updatedAt.toISOString(),
    adjudicatedBy: stored.updatedBy,
  };
}

function disagreementsOf(scope: 'assessment' | 'bestOverall', date: string | null, derived: ResponseCategory | null, investigator: ResponseCategory | null, irc: AdjudicationView | null): IrcDisagreement[] {
  const where = scope === 'bestOverall' ? 'best overall response' : `assessment ${date ?? ''}`;
  const out: IrcDisagreement[] = [];
  if (investigator !== null && derived !== null && investigator !== derived) {
    out.push({ scope, assessmentDate: date, kind: 'investigator-vs-derived', text: `${where}: investigator ${investigator}, derived ${derived}` });
  }
  if (irc !== null && irc.response !== derived) out.push({ scope, assessmentDate: date, kind: 'irc-vs-derived', text: `${where}: IRC ${irc.response}, derived ${derived ?? 'none'}` });
  if (irc !== null && investigator !== null && irc.response !== investigator) {
    out.push({ scope, assessmentDate: date, kind: 'irc-vs-investigator', text: `${where}: IRC ${irc.response}, investigator ${investigator}` });
  }
  return out;
}

/** One blinded case: measurements by date, derived response, investigator's call and IRC adjudication side by side. */
export function ircCaseView(caseId: string, source: CaseSource): IrcCaseView {
  const forms = [...source.central].sort((a, b) => a.date.localeCompare(b.date));
  const measurements = forms.map(({ visit: _visit, source: _source, ...rest }) => rest);
  const [baseline, ...later] = measurements;
  const outcome = later.length === 0 ? null : computeImwgResponse({ baseline, assessments: later });
  const derivedAt = new Map(outcome?.ok === true ? outcome.value.assessments.map((a) => [a.date, a]) : []);
  const callAt = new Map<string, ResponseCategory>();
  for (const call of source.investigatorCalls) callAt.set(call.date, call.response);
  const assessments = measurements.map((m, index): IrcAssessmentView => {
    const derived = derivedAt.get(m.date);
    return {
      ...m,
      baseline: index === 0,
      derivedResponse: derived?.response ?? null,
      confirmed: derived === undefined ? null : derived.confirmed,
      investigatorResponse: index === 0 ? null : (callAt.get(m.date) ?? null),
      irc: index === 0 ? null : adjudicationView(source.adjudications.get(adjudicationKey('assessment', m.date))),
    };
  });
  const derivedBest = outcome?.ok === true ? outcome.value.bestResponse : null;
  const bestOverall = {
    derivedResponse: derivedBest,
    investigatorResponse: bestCall(source.investigatorCalls.map((c) => c.response)),
    irc: adjudicationView(source.adjudications.get(adjudicationKey('bestOverall', undefined))),
  };
  const disagreements = [
    ...disagreementsOf('bestOverall', null, bestOverall.derivedResponse, bestOverall.investigatorResponse, bestOverall.irc),
    ...assessments.filter((a) => !a.baseline).flatMap((a) => disagreementsOf('assessment', a.date, a.derivedResponse, a.investigatorResponse, a.irc)),
  ];
  return {
    caseId,
    status: bestOverall.irc === null ? 'pending' : 'adjudicated',
    assessments,
    derived: outcome === null ? null : outcome.ok ? { bestResponse: outcome.value.bestResponse } : { issues: outcome.issues },
    bestOverall,
    disagreements,
  };
}
