import { z } from 'zod';
import { DRAFT_FORM_TYPE } from './formDraft.js';

/**
 * The rows a snapshot holds (createSnapshot copies sites, subjects and live CRF records as to_jsonb of
 * their table rows, so the names are the columns'). Read back through a schema: the copy is jsonb, and an
 * export must not trust it to have a shape.
 */
const snapshotContentSchema = z.looseObject({
  cutoffDate: z.string(),
  sites: z.array(z.looseObject({ site_id: z.string(), name: z.string() })),
  subjects: z.array(z.looseObject({ subject_id: z.string(), site_id: z.string(), status: z.string() })),
  records: z.array(
    z.looseObject({
      record_id: z.number(),
      subject_id: z.string(),
      form_type: z.string(),
      visit: z.string().nullable(),
      version: z.number(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
});

export interface SnapshotSite {
  readonly siteId: string;
  readonly name: string;
}

export interface SnapshotSubject {
  readonly subjectId: string;
  readonly siteId: string;
  readonly status: string;
}

export interface SnapshotRecord {
  readonly recordId: number;
  readonly subjectId: string;
  readonly formType: string;
  readonly visit: string | null;
  readonly version: number;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface SnapshotTables {
  readonly cutoffDate: string;
  readonly sites: readonly SnapshotSite[];
  readonly subjects: readonly SnapshotSubject[];
  /** Ordered by subject, then record id. */
  readonly records: readonly SnapshotRecord[];
}

/** The snapshot's tables, or undefined when the stored copy does not have the expected shape. */
export function readSnapshotTables(data: unknown): SnapshotTables | undefined {
  const parsed = snapshotContentSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const content = parsed.data;
  // A draft (a form kept incomplete to finish later) is work in progress, not data: no export carries it.
  const records = content.records
    .filter((r) => r.form_type !== DRAFT_FORM_TYPE)
    .map((r) => ({ recordId: r.record_id, subjectId: r.subject_id, formType: r.form_type, visit: r.visit, version: r.version, data: r.data }))
    .sort((a, b) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : a.recordId - b.recordId));
  return {
    cutoffDate: content.cutoffDate,
    sites: content.sites.map((s) => ({ siteId: s.site_id, name: s.name })),
    subjects: content.subjects.map((s) => ({ subjectId: s.subject_id, siteId: s.site_id, status: s.status })),
    records,
  };
}

/**
 * A record's data as leaf fields, nested objects and arrays spelled as dot paths ('fish.del17p',
 * 'lines.0.regimen'), so that every export has one column (CSV) or one item (ODM) per answer.
 */
export function flattenRecordData(data: Readonly<Record<string, unknown>>): ReadonlyMap<string, string | number | boolean> {
  const out = new Map<string, string | number | boolean>();
  const walk = (value: unknown, path: string): void => {
    if (value === null || value === undefined) return;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      out.set(path, value);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${path}.${index}`));
    } else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, path === '' ? key : `${path}.${key}`);
    }
  };
  walk(data, '');
  return out;
}
