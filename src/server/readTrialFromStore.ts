import { z } from 'zod';
import { protocolCatalogue, validateTrialData, type ProtocolDefinition, type SubjectForm, type SubjectRecord, type TrialData } from '../clinical/index.js';
import type { ProtocolModule } from '../protocols/index.js';
import { InputError, issue } from '../result/index.js';
import { getTrialProtocol, listSnapshots, trialProtocolMismatch, type SqlClient } from '../store/index.js';
import { assembleSubjectRecord } from './assembleSubjectRecord.js';
import { toServedProtocol, type ServedProtocol } from './servedProtocol.js';
import { ENROLLED_STATUSES } from './subjectStatusMoves.js';

export interface ReadTrialOptions {
  /** A snapshot's name; the live data when absent. */
  readonly snapshot?: string;
  /** Cutoff of live data when no trial lock is active; the snapshot's own cutoff otherwise. Default: today (UTC). */
  readonly cutoffDate?: string;
  readonly clock?: () => Date;
}

// Rows as to_jsonb() of the tables: what createSnapshot copies, and what the live read selects too.
const contentSchema = z.object({
  cutoffDate: z.string().nullable(),
  auditHeadHash: z.string().nullable(),
  sites: z.array(z.looseObject({ site_id: z.string(), name: z.string(), created_by: z.string() })),
  subjects: z.array(z.looseObject({ subject_id: z.string(), site_id: z.string(), screening_number: z.string(), status: z.string(), created_at: z.string() })),
  records: z.array(z.looseObject({ record_id: z.number(), subject_id: z.string(), form_type: z.string(), data: z.record(z.string(), z.unknown()) })),
});
type Content = z.infer<typeof contentSchema>;

const liveContentSql = `SELECT jsonb_build_object(
  'cutoffDate', (SELECT cutoff_date::text FROM locks WHERE scope = 'trial' AND NOT released LIMIT 1),
  'auditHeadHash', (SELECT hash FROM audit_log ORDER BY audit_id DESC LIMIT 1),
  'sites', coalesce((SELECT jsonb_agg(to_jsonb(s) ORDER BY s.site_id) FROM sites s), '[]'::jsonb),
  'subjects', coalesce((SELECT jsonb_agg(to_jsonb(s) ORDER BY s.subject_id) FROM subjects s), '[]'::jsonb),
  'records', coalesce((SELECT jsonb_agg(to_jsonb(r) ORDER BY r.record_id) FROM crf_records r WHERE NOT r.deleted), '[]'::jsonb)) AS content`;

async function readContent(client: SqlClient, snapshot: string | undefined): Promise<unknown> {
  if (snapshot === undefined) return (await client.query<{ content: unknown }>(liveContentSql)).rows[0].content;
  const listed = await listSnapshots(client);
  const found = listed.find((s) => s.name === snapshot);
  if (found === undefined) {
    throw new InputError(`no snapshot named ${JSON.stringify(snapshot)}`, [
      issue('unknown-snapshot', ['--snapshot'], snapshot, listed.length === 0 ? 'a snapshot name (the database has none)' : `one of ${listed.map((s) => s.name).join(', ')}`),
    ]);
  }
  const { rows } = await client.query<{ data: unknown }>('SELECT data FROM snapshots WHERE snapshot_id = $1', [found.snapshotId]);
  return rows[0].data;
}

/**
 * Screen-failure reasons: the reason for change of each move to screen_failure, from the audit trail up to
 * the content's audit head (so a snapshot gets the reasons as they were when it was taken).
 */
async function screenFailureReasons(client: SqlClient, auditHeadHash: string | null): Promise<Map<string, string>> {
  const { rows } = await client.query<{ record_id: string; reason: string | null }>(
    `SELECT record_id, reason FROM audit_log
     WHERE table_name = 'subjects' AND new_value ->> 'status' = 'screen_failure' AND old_value ->> 'status' IS DISTINCT FROM 'screen_failure'
       AND audit_id <= coalesce((SELECT audit_id FROM audit_log WHERE hash = $1), 0)
     ORDER BY audit_id`,
    [auditHeadHash],
  );
  return new Map(rows.filter((r) => r.reason !== null).map((r) => [r.record_id, r.reason ?? '']));
}

function subjectRecord(subject: Content['subjects'][number], records: readonly Content['records'][number][], reason: string | undefined, protocol: ServedProtocol): SubjectRecord {
  const screeningType = protocol.formOfRole('screening')?.id;
  const screening = records.filter((r) => r.form_type === screeningType).at(-1)?.data;
  // 'off_treatment': the name of follow_up in snapshots taken before migration 8
  const enrolled = [...ENROLLED_STATUSES, 'off_treatment'].includes(subject.status);
  const form = {
    subjectId: subject.subject_id,
    siteId: subject.site_id,
    screeningNumber: subject.screening_number,
    // a subject is registered once consented: without a screening record (a screen failure before any
    // data) the date of its registration stands for the consent date
    consentDate: screening?.consentDate ?? screening?.screeningDate ?? subject.created_at.slice(0, 10),
    ...(enrolled ? { enrolmentDate: screening?.enrolmentDate ?? undefined } : {}),
    screenFailure: !enrolled,
    ...(subject.status === 'screen_failure' && reason !== undefined ? { screenFailureReason: reason } : {}),
  };
  return assembleSubjectRecord(form as unknown as SubjectForm, records.map((r) => ({ formType: r.form_type, data: r.data })), protocol);
}

/**
 * The trial as TrialData, read from the EDC database with the forms of its protocol: a named snapshot (the
 * analysis copy of a lock) or the live data. The protocol id, version and synthetic flag are the ones the
 * database records (migration 5); a database recorded for another protocol or version is refused. Subjects
 * still in screening are left out (neither enrolled nor failed); the subject form is rebuilt from the
 * subject row, the latest screening record (consent and enrolment dates; the registration date when there
 * is none) and the reason for change of the screen failure; each form goes where its role puts it (disease forms into diseaseForms, by form id) and
 * keeps the order the records were saved in.
 */
export async function readTrialFromStore(client: SqlClient, protocol: ProtocolModule | ProtocolDefinition | ServedProtocol, options: ReadTrialOptions = {}): Promise<TrialData> {
  const served = toServedProtocol(protocol);
  const definition = served.definition;
  const recorded = await getTrialProtocol(client);
  if (recorded !== undefined) {
    const mismatch = trialProtocolMismatch(recorded, { protocolId: definition.id, protocolVersion: definition.version });
    if (mismatch !== undefined) throw new InputError(mismatch, [issue('protocol-mismatch', ['protocol'], definition.id, `${recorded.protocolId} version ${recorded.protocolVersion} (the protocol the database records)`)]);
  }
  const raw = await readContent(client, options.snapshot);
  const parsed = contentSchema.safeParse(raw);
  if (!parsed.success) throw new InputError('the stored trial data does not have the expected shape', [issue('bad-content', ['snapshot'], options.snapshot ?? 'live', 'sites, subjects and records rows')]);
  const content = parsed.data;
  const reasons = await screenFailureReasons(client, content.auditHeadHash);
  const bySubject = new Map<string, Content['records'][number][]>();
  for (const r of content.records) bySubject.set(r.subject_id, [...(bySubject.get(r.subject_id) ?? []), r]);
  const subjects = content.subjects
    .filter((s) => s.status !== 'screening')
    .sort((a, b) => (a.screening_number < b.screening_number ? -1 : a.screening_number > b.screening_number ? 1 : a.subject_id < b.subject_id ? -1 : 1))
    .map((s) => subjectRecord(s, bySubject.get(s.subject_id) ?? [], reasons.get(s.subject_id), served));
  const cutoffDate = content.cutoffDate ?? options.cutoffDate ?? (options.clock ?? (() => new Date()))().toISOString().slice(0, 10);
  const outcome = validateTrialData(
    {
      protocolId: recorded?.protocolId ?? definition.id,
      protocolVersion: recorded?.protocolVersion ?? definition.version,
      synthetic: recorded?.synthetic ?? false,
      dataCutoffDate: cutoffDate,
      sites: content.sites.map((s) => ({ siteId: s.site_id, name: s.name })),
      subjects,
    },
    protocolCatalogue(definition),
  );
  if (!outcome.ok) throw new InputError(`the stored trial data is not valid trial data (${outcome.issues.length} problem(s))`, outcome.issues);
  return outcome.value;
}
