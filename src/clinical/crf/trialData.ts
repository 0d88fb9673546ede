import { z } from 'zod';
import { failure, issue, success } from '../../result/index.js';
import type { Issue, IssuePath, Outcome } from '../../result/index.js';
import { isoDateSchema } from './codelists.js';
import { createFastFormChecks, createFormSchemas } from './createFormSchema.js';
import type { Codelist, FormDefinition, FormRole, FormRow } from './formDefinition.js';
import type { Site, SubjectRecord } from './forms.js';

/** The whole trial as captured: protocol id and version, data cutoff (an input, never the clock), sites, subjects. */
export interface TrialData {
  readonly protocolId: string;
  /** Version of the protocol definition the data were captured under. */
  readonly protocolVersion: string;
  /** Marks a synthetic (invented) trial: every output derived from it says SYNTHETIC. */
  readonly synthetic: boolean;
  readonly dataCutoffDate: string;
  readonly sites: readonly Site[];
  readonly subjects: readonly SubjectRecord[];
}

/** The forms a trial's records are checked against: a protocol's forms and code lists. */
export interface FormCatalogue {
  readonly forms: readonly FormDefinition[];
  readonly codelists: readonly Codelist[];
}

/** Where each standard form's records sit in a SubjectRecord; every other form (role 'disease') in diseaseForms. */
export const SUBJECT_RECORD_KEYS: Readonly<Partial<Record<FormRole, { readonly key: keyof SubjectRecord; readonly one: boolean }>>> = Object.freeze({
  demographics: { key: 'demographics', one: true },
  diagnosis: { key: 'diagnosis', one: true },
  'prior-therapy': { key: 'priorTherapies', one: false },
  lab: { key: 'labs', one: false },
  dosing: { key: 'dosing', one: false },
  'adverse-event': { key: 'adverseEvents', one: false },
  'response-call': { key: 'responseCalls', one: false },
  'new-therapy': { key: 'newTherapies', one: false },
  disposition: { key: 'disposition', one: true },
  death: { key: 'death', one: true },
  'survival-contact': { key: 'survivalContacts', one: false },
});

const subjectFormSchema = z.strictObject({
  subjectId: z.string().regex(/^[A-Za-z0-9]+-\d+$/, { message: "'<site>-<sequence>', e.g. '07-012'" }),
  siteId: z.string().min(1),
  screeningNumber: z.string().min(1),
  consentDate: isoDateSchema,
  enrolmentDate: isoDateSchema.optional(),
  screenFailure: z.boolean(),
  screenFailureReason: z.string().max(1000).optional(),
});

const siteSchema = z.strictObject({ siteId: z.string().min(1), name: z.string().min(1) });

function zodIssues(error: z.ZodError, prefix: IssuePath): Issue[] {
  return error.issues.map((item) =>
    issue(`crf-${item.code}`, [...prefix, ...item.path.filter((part): part is string | number => typeof part !== 'symbol')], 'input' in item ? item.input : undefined, item.message),
  );
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Checks a raw trial export against a protocol's forms (each form's schema built from its metadata) and
 * returns it typed. Every problem becomes an issue whose path points at the field, e.g.
 * `subjects[3].labs[12].unit` or `subjects[0].diseaseForms.tumourAssessment[2].lesions[1].diameterMm`;
 * nothing is coerced. Arrays left out default to empty; a form the protocol does not define is refused.
 */
export function validateTrialData(input: unknown, catalogue: FormCatalogue): Outcome<TrialData> {
  const issues: Issue[] = [];
  if (!isObject(input)) return failure([issue('crf-invalid_type', [], input, 'a trial object')]);
  const head = z
    .object({ protocolId: z.string().min(1), protocolVersion: z.string().min(1), synthetic: z.boolean().default(false), dataCutoffDate: isoDateSchema, sites: z.array(siteSchema), subjects: z.array(z.unknown()) })
    .safeParse(input, { reportInput: true });
  if (!head.success) return failure(zodIssues(head.error, []));
  const schemas = createFormSchemas(catalogue.forms, catalogue.codelists);
  const fastChecks = createFastFormChecks(catalogue.forms, catalogue.codelists);
  const checkerOf = (formId: string): RowChecker | undefined => {
    const schema = schemas.get(formId);
    const fast = fastChecks.get(formId);
    return schema === undefined || fast === undefined ? undefined : { schema, fast };
  };
  const byRole = new Map<string, FormDefinition>();
  const diseaseForms = catalogue.forms.filter((f) => f.role === 'disease');
  for (const form of catalogue.forms) if (SUBJECT_RECORD_KEYS[form.role] !== undefined) byRole.set(form.role, form);

  const subjects: SubjectRecord[] = [];
  head.data.subjects.forEach((raw, index) => {
    const base: IssuePath = ['subjects', index];
    if (!isObject(raw)) {
      issues.push(issue('crf-invalid_type', base, raw, 'a subject record object'));
      return;
    }
    const known = new Set<string>(['subject', 'diseaseForms', ...Object.values(SUBJECT_RECORD_KEYS).map((entry) => entry.key)]);
    for (const key of Object.keys(raw)) if (!known.has(key)) issues.push(issue('crf-unrecognized_keys', [...base, key], raw[key], 'a form of the protocol'));
    const subject = subjectFormSchema.safeParse(raw.subject, { reportInput: true });
    if (!subject.success) issues.push(...zodIssues(subject.error, [...base, 'subject']));
    const record: Record<string, unknown> = { subject: subject.success ? subject.data : raw.subject, disposition: {}, diseaseForms: {} };
    for (const [role, placement] of Object.entries(SUBJECT_RECORD_KEYS)) {
      const value = raw[placement.key];
      const form = byRole.get(role);
      if (!placement.one) record[placement.key] = [];
      if (value === undefined) continue;
      if (form === undefined) {
        issues.push(issue('crf-unknown-form', [...base, placement.key], value, `no ${placement.key}: the protocol has no ${role} form`));
        continue;
      }
      record[placement.key] = checkRows(value, placement.one, checkerOf(form.id), [...base, placement.key], issues);
    }
    const disease = raw.diseaseForms;
    if (disease !== undefined) {
      if (!isObject(disease)) issues.push(issue('crf-invalid_type', [...base, 'diseaseForms'], disease, 'an object of form id -> records'));
      else {
        const out: Record<string, readonly FormRow[]> = {};
        for (const [formId, rows] of Object.entries(disease)) {
          const form = diseaseForms.find((f) => f.id === formId);
          if (form === undefined) {
            issues.push(issue('crf-unknown-form', [...base, 'diseaseForms', formId], formId, `a disease form of the protocol (${diseaseForms.map((f) => f.id).join(', ') || 'none'})`));
            continue;
          }
          const checked = checkRows(rows, false, checkerOf(form.id), [...base, 'diseaseForms', formId], issues);
          if (form.cardinality === 'one' && Array.isArray(checked) && checked.length > 1)
            issues.push(issue('crf-too-many', [...base, 'diseaseForms', formId], checked.length, `at most one ${form.label} record`));
          out[formId] = checked as readonly FormRow[];
        }
        record.diseaseForms = out;
      }
    }
    subjects.push(record as unknown as SubjectRecord);
  });
  issues.push(...trialIssues(head.data.sites, subjects));
  if (issues.length > 0) return failure(issues);
  return success(
    Object.freeze({
      protocolId: head.data.protocolId,
      protocolVersion: head.data.protocolVersion,
      synthetic: head.data.synthetic,
      dataCutoffDate: head.data.dataCutoffDate,
      sites: Object.freeze(head.data.sites),
      subjects: Object.freeze(subjects),
    }),
  );
}

/** A form's schema, and its fast check for the rows that are fine (the schema words the problems). */
interface RowChecker {
  readonly schema: z.ZodType<FormRow>;
  readonly fast: (row: unknown) => FormRow | undefined;
}

/** The path is made only for a row with problems (a million rows are checked). */
function checkRow(row: unknown, checker: RowChecker, path: () => IssuePath, issues: Issue[]): unknown {
  const fast = checker.fast(row);
  if (fast !== undefined) return fast;
  const parsed = checker.schema.safeParse(row, { reportInput: true });
  if (!parsed.success) issues.push(...zodIssues(parsed.error, path()));
  return parsed.success ? parsed.data : row;
}

function checkRows(value: unknown, one: boolean, checker: RowChecker | undefined, path: IssuePath, issues: Issue[]): unknown {
  if (checker === undefined) return value;
  if (one) return checkRow(value, checker, () => path, issues);
  if (!Array.isArray(value)) {
    issues.push(issue('crf-invalid_type', path, value, 'an array of records'));
    return [];
  }
  return (value as readonly unknown[]).map((row, i) => checkRow(row, checker, () => [...path, i], issues));
}

function trialIssues(sites: readonly Site[], subjects: readonly SubjectRecord[]): Issue[] {
  const issues: Issue[] = [];
  const siteIds = new Set(sites.map((site) => site.siteId));
  const seen = new Set<string>();
  subjects.forEach((record, index) => {
    // a subject form that failed its schema is kept as it came (null, a number, ...), already reported
    const form = record.subject as Partial<SubjectRecord['subject']> | null | undefined;
    if (form === null || typeof form !== 'object' || typeof form.subjectId !== 'string') return;
    const path = ['subjects', index, 'subject'];
    if (seen.has(form.subjectId)) issues.push(issue('crf-custom', [...path, 'subjectId'], form.subjectId, 'a subject id used once'));
    seen.add(form.subjectId);
    if (typeof form.siteId === 'string' && !siteIds.has(form.siteId)) issues.push(issue('crf-custom', [...path, 'siteId'], form.siteId, 'a site id listed in sites'));
    if (form.screenFailure === false && form.enrolmentDate === undefined)
      issues.push(issue('crf-custom', [...path, 'enrolmentDate'], form.enrolmentDate, 'an enrolment date for an enrolled subject'));
    if (form.screenFailure === true && form.enrolmentDate !== undefined)
      issues.push(issue('crf-custom', [...path, 'enrolmentDate'], form.enrolmentDate, 'no enrolment date for a screen failure'));
  });
  return issues;
}

/** The records of a disease form (empty when none). */
export function diseaseFormRows(record: SubjectRecord, formId: string): readonly FormRow[] {
  return record.diseaseForms[formId] ?? [];
}
