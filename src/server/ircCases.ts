import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { computeBestCategory, parseIsoDate, type DayNumber, type EvaluatorDefinition, type SubjectRecord } from '../clinical/index.js';
import { issue, type Issue } from '../result/index.js';
import type { SqlClient } from '../store/index.js';
import { subjectContextOf } from './liveLogic.js';
import type { ServedProtocol } from './servedProtocol.js';

/**
 * The IRC's blinded cases: per subject with assessments read by the IRC's source (the central laboratory
 * or reader), the measurements behind the response (protocol.response.measurements, labelled by the
 * binding's parameters), the response derived from them by the protocol's criteria, the investigator's
 * calls and the IRC's adjudications, under a case id that is an HMAC of the subject id with a server key.
 * Nothing here names a site, a subject or a record, nor a criterion's categories: they are the protocol's.
 */

interface SourceRow {
  record_id: number;
  subject_id: string;
  form_type: string;
  data: Record<string, unknown>;
  version: number;
  updated_at: Date;
  updated_by: string;
}

export type AdjudicationScope = 'assessment' | 'bestOverall';

/** A stored adjudication as the IRC sees it (no record id: the case id, scope and date name it). */
export interface AdjudicationView {
  readonly response: string;
  readonly derivedResponse: string | null;
  readonly investigatorResponse: string | null;
  readonly reason: string | null;
  readonly version: number;
  readonly adjudicatedAt: string;
  readonly adjudicatedBy: string;
}

export interface IrcAssessmentView {
  readonly date: string;
  /** On or before the reference day (first dose, else enrolment): the baseline, not adjudicated. */
  readonly baseline: boolean;
  /** The measurements of this date by parameter code (the binding's parameters). */
  readonly values: Readonly<Record<string, number>>;
  /** The category this assessment meets on the protocol's scale (null for the baseline or when not derivable). */
  readonly derivedResponse: string | null;
  readonly confirmed: boolean | null;
  readonly investigatorResponse: string | null;
  readonly irc: AdjudicationView | null;
}

export interface IrcDisagreement {
  readonly scope: AdjudicationScope;
  readonly assessmentDate: string | null;
  readonly kind: 'investigator-vs-derived' | 'irc-vs-derived' | 'irc-vs-investigator';
  readonly text: string;
}

export interface IrcCaseView {
  readonly caseId: string;
  /** adjudicated = the IRC recorded the best overall response of the case. */
  readonly status: 'pending' | 'adjudicated';
  /** The response scale's id (its categories: GET /protocol response.scale). */
  readonly scale: string;
  /** The parameters with at least one measurement in the case, in the binding's order. */
  readonly parameters: readonly { readonly code: string; readonly label: string; readonly unit: string }[];
  readonly assessments: readonly IrcAssessmentView[];
  /** The derived best response, or why none could be derived (null: baseline only). */
  readonly derived: { readonly bestResponse: string } | { readonly issues: readonly Issue[] } | null;
  readonly bestOverall: { readonly derivedResponse: string | null; readonly investigatorResponse: string | null; readonly irc: AdjudicationView | null };
  readonly disagreements: readonly IrcDisagreement[];
}

/** The answers of the IRC endpoints on the wire, for the OpenAPI document (strict: nothing else, least of all an identity). */
const response = z.string().describe("a category of the protocol's response scale (GET /protocol response.scale)");
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
export const ircCaseResponse = z.strictObject({
  caseId: z.string().describe('blinded: an HMAC of the subject id with a server key'),
  status: z.enum(['pending', 'adjudicated']),
  scale: z.string(),
  parameters: z.array(z.strictObject({ code: z.string(), label: z.string(), unit: z.string() })),
  assessments: z.array(
    z.strictObject({
      date: z.string(),
      baseline: z.boolean(),
      values: z.record(z.string(), z.number()).describe('measurement by parameter code'),
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

export const adjudicationKey = (scope: AdjudicationScope, assessmentDate: string | undefined | null): string => `${scope}:${assessmentDate ?? ''}`;

export interface StoredAdjudication {
  readonly recordId: number;
  readonly version: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

/** What the IRC view reads of one subject: the subject's forms as the engines read them, and the IRC's adjudications. */
export interface CaseSource {
  readonly record: SubjectRecord;
  readonly adjudications: ReadonlyMap<string, StoredAdjudication>;
}

/** The evaluator whose calls the IRC makes (recordedBy 'irc'), and the investigator's; undefined when the protocol has none. */
export function ircEvaluators(protocol: ServedProtocol): { readonly irc: EvaluatorDefinition | undefined; readonly investigator: EvaluatorDefinition | undefined } {
  const evaluators = protocol.definition.response.evaluators;
  return { irc: evaluators.find((e) => e.recordedBy === 'irc'), investigator: evaluators.find((e) => e.recordedBy === 'investigator') };
}

/**
 * Everything the IRC view reads, per subject: only subjects with a record of an assessment form read by the
 * IRC's source become cases. The adjudications are the records of the protocol's adjudication form.
 */
export async function loadCaseSources(client: SqlClient, protocol: ServedProtocol, subjectId?: string): Promise<Map<string, CaseSource>> {
  const { irc } = ircEvaluators(protocol);
  const adjudicationForm = protocol.formOfRole('adjudication')?.id ?? null;
  if (irc === undefined) return new Map();
  const { rows } = await client.query<SourceRow>(
    `SELECT record_id, subject_id, form_type, data, version, updated_at, updated_by FROM crf_records
      WHERE NOT deleted AND ($1::text IS NULL OR subject_id = $1)
        AND subject_id IN (SELECT subject_id FROM crf_records WHERE NOT deleted AND form_type = ANY($2::text[]) AND data ->> 'source' = $3)
      ORDER BY subject_id, record_id`,
    [subjectId ?? null, [...protocol.definition.response.assessmentForms], irc.source],
  );
  const bySubject = new Map<string, SourceRow[]>();
  for (const row of rows) bySubject.set(row.subject_id, [...(bySubject.get(row.subject_id) ?? []), row]);
  const sources = new Map<string, CaseSource>();
  for (const [id, records] of bySubject) {
    const adjudications = new Map<string, StoredAdjudication>();
    for (const row of records.filter((r) => r.form_type === adjudicationForm)) {
      const scope = row.data.scope === 'assessment' ? 'assessment' : 'bestOverall';
      const date = typeof row.data.assessmentDate === 'string' ? row.data.assessmentDate : undefined;
      adjudications.set(adjudicationKey(scope, date), { recordId: row.record_id, version: row.version, data: row.data, updatedAt: row.updated_at, updatedBy: row.updated_by });
    }
    const { record } = subjectContextOf(id, null, records.map((r) => ({ formType: r.form_type, data: r.data })), protocol);
    sources.set(id, { record, adjudications });
  }
  return sources;
}

function adjudicationView(stored: StoredAdjudication | undefined): AdjudicationView | null {
  if (stored === undefined) return null;
  const text = (key: string): string | null => (typeof stored.data[key] === 'string' ? (stored.data[key]) : null);
  return {
    response: text('response') ?? '',
    derivedResponse: text('derivedResponse'),
    investigatorResponse: text('investigatorResponse'),
    reason: text('reason'),
    version: stored.version,
    adjudicatedAt: stored.updatedAt.toISOString(),
    adjudicatedBy: stored.updatedBy,
  };
}

function disagreementsOf(scope: AdjudicationScope, date: string | null, derived: string | null, investigator: string | null, irc: AdjudicationView | null): IrcDisagreement[] {
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

const firstDate = (dates: readonly unknown[]): string | null => dates.filter((d): d is string => typeof d === 'string' && parseIsoDate(d) !== null).sort()[0] ?? null;

/** Baseline is taken as ADRS takes it: on or before the first dose, else the enrolment, else the first measurement. */
function referenceDay(record: SubjectRecord, measured: readonly string[]): DayNumber | null {
  const text = firstDate(record.dosing.filter((row) => row.daysGiven > 0).map((row) => row.startDate)) ?? record.subject.enrolmentDate ?? firstDate(measured);
  return text === null || text === undefined ? null : parseIsoDate(text);
}

/**
 * One blinded case: measurements by date (the binding's parameters), the response derived by the protocol's
 * criteria from the IRC's source, the investigator's call and the IRC's adjudication side by side. `today`
 * bounds the assessments read (the live data have no cutoff).
 */
export function ircCaseView(caseId: string, source: CaseSource, protocol: ServedProtocol, today: string): IrcCaseView {
  const binding = protocol.definition.response;
  const { irc, investigator } = ircEvaluators(protocol);
  const ircSource = irc?.source ?? 'central';
  const { record } = source;
  const points = binding.measurements(record, ircSource);
  const rowDates = binding.assessmentForms.flatMap((formId) => {
    const form = protocol.forms.get(formId);
    const dateField = form?.dateField;
    return dateField === undefined ? [] : (record.diseaseForms[formId] ?? []).filter((row) => row.source === ircSource).map((row) => row[dateField]);
  });
  const reference = referenceDay(record, [...points.map((p) => p.date), ...rowDates.filter((d): d is string => typeof d === 'string')]);
  const evaluation =
    reference === null
      ? null
      : binding.evaluate({
          record,
          recordPath: [],
          source: ircSource,
          referenceDay: reference,
          cutoffDay: (parseIsoDate(today) ?? 0) + 1,
          newTherapyDate: firstDate(record.newTherapies.map((t) => t.startDate)),
          deathDate: record.death?.date ?? null,
        });
  const derivedAt = new Map((evaluation?.result.assessments ?? []).map((a) => [a.date, a]));
  const callAt = new Map<string, string>();
  for (const call of record.responseCalls) if (call.evaluator === (investigator?.recordedBy ?? 'investigator')) callAt.set(call.date, call.response);
  const dates = [...new Set([...points.map((p) => p.date), ...rowDates.filter((d): d is string => typeof d === 'string' && parseIsoDate(d) !== null), ...derivedAt.keys()])].sort();
  const assessments = dates.map((date): IrcAssessmentView => {
    const day = parseIsoDate(date);
    const baseline = reference !== null && day !== null && day <= reference;
    const derived = derivedAt.get(date);
    const values: Record<string, number> = {};
    for (const point of points) if (point.date === date) values[point.parameter] = point.value;
    return {
      date,
      baseline,
      values,
      derivedResponse: derived?.response ?? null,
      confirmed: derived === undefined ? null : derived.confirmed,
      investigatorResponse: baseline ? null : (callAt.get(date) ?? null),
      irc: baseline ? null : adjudicationView(source.adjudications.get(adjudicationKey('assessment', date))),
    };
  });
  const result = evaluation?.result ?? null;
  const derived: IrcCaseView['derived'] =
    result === null || !result.baselineFound
      ? { issues: (evaluation?.issues ?? [issue('no-reference-day', [], null, 'a first dose, an enrolment date or a measurement')]).filter((i) => i.severity === 'error') }
      : result.postBaselineCount === 0
        ? null
        : { bestResponse: result.best };
  const derivedBest = derived !== null && 'bestResponse' in derived ? derived.bestResponse : null;
  const bestOverall = {
    derivedResponse: derivedBest,
    investigatorResponse: computeBestCategory(binding.scale, [...callAt.entries()].filter(([date]) => reference === null || (parseIsoDate(date) ?? 0) > reference).map(([, call]) => call)),
    irc: adjudicationView(source.adjudications.get(adjudicationKey('bestOverall', undefined))),
  };
  const disagreements = [
    ...disagreementsOf('bestOverall', null, bestOverall.derivedResponse, bestOverall.investigatorResponse, bestOverall.irc),
    ...assessments.filter((a) => !a.baseline).flatMap((a) => disagreementsOf('assessment', a.date, a.derivedResponse, a.investigatorResponse, a.irc)),
  ];
  const measured = new Set(points.map((p) => p.parameter));
  return {
    caseId,
    status: bestOverall.irc === null ? 'pending' : 'adjudicated',
    scale: binding.scale.id,
    parameters: binding.parameters.filter((p) => measured.has(p.code)).map((p) => ({ code: p.code, label: p.label, unit: p.unit })),
    assessments,
    derived,
    bestOverall,
    disagreements,
  };
}
