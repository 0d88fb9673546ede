import { PROTOCOL_DEVIATION_DOMAIN, SUBJECT_RECORD_KEYS } from '../../clinical/index.js';
import type { FieldDefinition, FieldValue, FormDefinition, FormRow, ProtocolDefinition, SdtmAnnotation, SubjectRecord } from '../../clinical/index.js';
import { issue, type Issue } from '../../result/index.js';
import { computeVisit } from './computeVisit.js';
import { PRIOR_THERAPY_STANDARD_FIELDS } from './priorTherapyFields.js';
import type { SdtmRow, SuppEntry } from './sdtmRow.js';

/**
 * The protocol's own fields into SDTM, read only from their annotations (ProtocolDefinition.sdtm.forms): each
 * recorded value of a test field is a findings row, qualifier fields fill variables of the rows of the same
 * record (and of the entries of its groups), supplemental qualifiers become SUPP-- rows of their parent record.
 * Nothing here knows a disease: which fields are tests and what they are called is the protocol's.
 */

export interface AnnotatedContext {
  readonly studyId: string;
  readonly usubjid: string;
  readonly protocol: ProtocolDefinition;
  /** Study day of an ISO date (null when the subject has no reference start or the date is missing). */
  readonly studyDay: (date: string | null) => number | null;
  /** The subject-level parent record of a domain (MH, DM) for supplemental qualifiers of one-record forms. */
  readonly parents: ReadonlyMap<string, SdtmRow>;
  /** Where the record sits in the trial data, for issues. */
  readonly path: readonly (string | number)[];
}

interface Qualifier {
  readonly annotation: SdtmAnnotation;
  readonly value: string;
}

function annotationsOf(protocol: ProtocolDefinition, formId: string, path: string): readonly SdtmAnnotation[] {
  const entry = protocol.sdtm?.forms[formId]?.[path];
  if (entry === undefined) return [];
  return Array.isArray(entry) ? (entry as readonly SdtmAnnotation[]) : [entry as SdtmAnnotation];
}

/**
 * The submission text of a recorded value: the annotation's term for it, else for a code the words of its
 * code list (what the site read), else the value as recorded (booleans as Y/N).
 */
export function submissionValue(annotation: SdtmAnnotation, value: FieldValue, field?: FieldDefinition, protocol?: ProtocolDefinition): string | null {
  if (value === null || typeof value === 'object') return null;
  const key = String(value);
  const term = annotation.terms?.[key];
  if (term !== undefined) return term;
  if (typeof value === 'boolean') return value ? 'Y' : 'N';
  if (field?.type === 'code') {
    const label = protocol?.codelists.find((c) => c.id === field.codelist)?.items.find((item) => item.code === key)?.label;
    if (label !== undefined) return label;
  }
  return key;
}

function applies(annotation: SdtmAnnotation, domain: string, testCode: string): boolean {
  return (annotation.domain === undefined || annotation.domain === domain) && (annotation.forTest === undefined || annotation.forTest === testCode);
}

/** The records of a form for one subject, wherever the trial data keep them. */
export function formRecords(record: SubjectRecord, form: FormDefinition): readonly FormRow[] {
  if (form.role === 'disease') return record.diseaseForms[form.id] ?? [];
  const placement = SUBJECT_RECORD_KEYS[form.role];
  if (placement === undefined) return [];
  const value = (record as unknown as Record<string, unknown>)[placement.key];
  if (value === undefined || value === null) return [];
  return (placement.one ? [value] : value) as readonly FormRow[];
}

interface RecordScope {
  readonly form: FormDefinition;
  readonly date: string | null;
  readonly visit: { readonly VISIT: string | null; readonly VISITNUM: number | null };
}

function mapLevel(
  fields: readonly FieldDefinition[],
  values: FormRow,
  prefix: string,
  inherited: readonly Qualifier[],
  scope: RecordScope,
  context: AnnotatedContext,
  out: { rows: SdtmRow[]; supp: SuppEntry[]; issues: Issue[] },
  path: readonly (string | number)[],
): void {
  const qualifiers: Qualifier[] = [...inherited];
  const tests: { annotation: SdtmAnnotation; field: FieldDefinition; value: FieldValue }[] = [];
  const supps: { annotation: SdtmAnnotation; value: string }[] = [];
  const groups: FieldDefinition[] = [];
  const visit = (list: readonly FieldDefinition[], row: FormRow, at: string): void => {
    for (const field of list) {
      const fieldPath = `${at}${field.key}`;
      const value = row[field.key];
      if (field.type === 'group') {
        groups.push(field);
        continue;
      }
      if (field.type === 'record') {
        if (value !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value)) visit(field.fields, value as FormRow, `${fieldPath}.`);
        continue;
      }
      if (value === undefined || value === null) continue;
      for (const annotation of annotationsOf(context.protocol, scope.form.id, fieldPath)) {
        if (annotation.testCode !== undefined) tests.push({ annotation, field, value });
        else {
          const text = submissionValue(annotation, value, field, context.protocol);
          if (text === null) continue;
          if (annotation.qnam !== undefined) supps.push({ annotation, value: text });
          else if (annotation.variable !== undefined) qualifiers.push({ annotation, value: text });
        }
      }
    }
  };
  visit(fields, values, prefix);
  const made: SdtmRow[] = [];
  for (const test of tests) {
    const domain = test.annotation.domain;
    const testCode = test.annotation.testCode ?? '';
    if (domain === undefined) {
      out.issues.push(issue('sdtm-annotation', ['sdtm', 'forms', scope.form.id, `${prefix}${test.field.key}`], test.annotation, 'a domain for a test annotation'));
      continue;
    }
    const text = submissionValue(test.annotation, test.value, test.field, context.protocol);
    const numeric = typeof test.value === 'number' ? test.value : null;
    const unit = 'unit' in test.field && typeof test.field.unit === 'string' ? test.field.unit : null;
    const row: SdtmRow = {
      STUDYID: context.studyId,
      DOMAIN: domain,
      USUBJID: context.usubjid,
      [`${domain}TESTCD`]: testCode,
      [`${domain}TEST`]: test.annotation.test ?? testCode,
      [`${domain}CAT`]: test.annotation.category ?? null,
      [`${domain}ORRES`]: text,
      [`${domain}ORRESU`]: unit,
      [`${domain}STRESC`]: text,
      [`${domain}STRESN`]: numeric,
      [`${domain}STRESU`]: unit,
      [`${domain}SPEC`]: test.annotation.specimen ?? null,
      ...(test.annotation.method === undefined ? {} : { [`${domain}METHOD`]: test.annotation.method }),
      VISITNUM: scope.visit.VISITNUM,
      VISIT: scope.visit.VISIT,
      [`${domain}DTC`]: scope.date,
      [`${domain}DY`]: context.studyDay(scope.date),
    };
    for (const qualifier of qualifiers) {
      if (applies(qualifier.annotation, domain, testCode)) row[(qualifier.annotation.variable ?? '').replace('--', domain)] = qualifier.value;
    }
    made.push(row);
  }
  out.rows.push(...made);
  for (const supp of supps) {
    const domain = supp.annotation.domain ?? '';
    const parent = made.find((row) => row.DOMAIN === domain) ?? context.parents.get(domain);
    if (parent === undefined) {
      out.issues.push(issue('sdtm-no-parent', [...path, prefix.replace(/\.$/, '')], supp.value, `a ${domain} record for supplemental qualifier ${supp.annotation.qnam ?? ''} (written nowhere)`, 'warning'));
      continue;
    }
    out.supp.push({ parent, qnam: supp.annotation.qnam ?? '', qlabel: supp.annotation.qlabel ?? supp.annotation.qnam ?? '', qval: supp.value, qorig: 'CRF' });
  }
  const childQualifiers = qualifiers;
  for (const group of groups) {
    const entries = values[group.key];
    if (!Array.isArray(entries) || group.type !== 'group') continue;
    (entries as readonly FormRow[]).forEach((entry, index) => mapLevel(group.fields, entry, `${prefix}${group.key}.`, childQualifiers, scope, context, out, [...path, group.key, index]));
  }
}

/** The SDTM rows (any domain) and supplemental qualifiers of one subject's annotated forms. */
export function mapAnnotatedForms(record: SubjectRecord, context: AnnotatedContext): { readonly rows: SdtmRow[]; readonly supp: SuppEntry[]; readonly issues: Issue[] } {
  const out = { rows: [] as SdtmRow[], supp: [] as SuppEntry[], issues: [] as Issue[] };
  const annotated = context.protocol.sdtm?.forms ?? {};
  for (const formId of Object.keys(annotated)) {
    const form = context.protocol.forms.find((f) => f.id === formId);
    if (form === undefined) {
      out.issues.push(issue('sdtm-unknown-form', ['sdtm', 'forms', formId], formId, 'a form id of the protocol'));
      continue;
    }
    // The prior-therapy form is CM, written record by record by mapAnticancerTherapy (its annotations included).
    if (form.role === 'prior-therapy') continue;
    formRecords(record, form).forEach((values, index) => {
      const dateValue = form.dateField === undefined ? undefined : values[form.dateField];
      const visitValue = form.visitField === undefined ? undefined : values[form.visitField];
      const scope: RecordScope = {
        form,
        date: typeof dateValue === 'string' ? dateValue : null,
        visit: computeVisit(context.protocol.schedule, typeof visitValue === 'string' ? visitValue : null),
      };
      mapLevel(form.fields, values, '', [], scope, context, out, [...context.path, form.id, index]);
    });
  }
  return out;
}

/** Field paths of the protocol's annotated forms that carry no annotation: what the SDTM package leaves out. */
export function unannotatedFields(protocol: ProtocolDefinition): string[] {
  const out: string[] = [];
  const walk = (formId: string, fields: readonly FieldDefinition[], prefix: string): void => {
    const standard = protocol.forms.find((f) => f.id === formId)?.role === 'prior-therapy' ? PRIOR_THERAPY_STANDARD_FIELDS : [];
    for (const field of fields.filter((f) => prefix !== '' || !standard.includes(f.key))) {
      const path = `${prefix}${field.key}`;
      if (field.type === 'group' || field.type === 'record') walk(formId, field.fields, `${path}.`);
      else if (annotationsOf(protocol, formId, path).length === 0 && path !== protocol.forms.find((f) => f.id === formId)?.dateField && path !== protocol.forms.find((f) => f.id === formId)?.visitField) out.push(`${formId}.${path}`);
    }
  };
  for (const form of protocol.forms) {
    // The deviation log (DV) is mapped whole by its domain's own mapping, not by annotations.
    if (form.sdtmDomain === PROTOCOL_DEVIATION_DOMAIN) continue;
    if (form.role === 'disease' || protocol.sdtm?.forms[form.id] !== undefined) walk(form.id, form.fields, '');
  }
  return out;
}
