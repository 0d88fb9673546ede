import { codeField, dateField, opt, textField } from './fieldBuilders.js';
import type { Codelist, FormDefinition, FormRow } from './formDefinition.js';
import type { SubjectRecord } from './forms.js';

/**
 * The protocol deviation log (SDTM DV; ICH E3 section 10.2, "important protocol deviations"): one record per
 * deviation of a subject, with its date, the protocol's category, whether it is major (important: it may
 * affect the subject's rights, safety or well-being, or the reliability of the data) or minor, what happened
 * and what was done. The categories are the protocol's own code list (data in its folder); the form's shape
 * is fixed here so that the generic derivations (the report, SDTM DV) can read any protocol's log. It is a
 * form of the protocol's own (role 'disease': stored with its other forms by id) found by its SDTM domain.
 */
export const PROTOCOL_DEVIATION_DOMAIN = 'DV';

/** Major / minor, as the deviation log records it. */
export const DEVIATION_SEVERITY_CODELIST: Codelist = Object.freeze({
  id: 'DVSEV',
  label: 'Deviation severity',
  source: 'ICH E3 section 10.2 (important protocol deviations)',
  items: Object.freeze([
    { code: 'major', label: 'Major (important)' },
    { code: 'minor', label: 'Minor' },
  ]),
});

export interface ProtocolDeviationFormInput {
  /** The form id as stored, e.g. 'protocolDeviation'. */
  readonly id: string;
  /** The protocol's code list of deviation categories. */
  readonly categoryCodelist: string;
}

/** The deviation log of a protocol; its categories come from `categoryCodelist`. */
export function createProtocolDeviationForm(input: ProtocolDeviationFormInput): FormDefinition {
  return Object.freeze({
    id: input.id,
    label: 'Protocol deviation',
    role: 'disease',
    cardinality: 'many',
    description:
      'One record per deviation from the protocol, dated when it occurred. Major: it may affect the subject\'s rights, safety or well-being, or the reliability of the trial\'s data (an important deviation, ICH E3 10.2); minor otherwise.',
    sdtmDomain: PROTOCOL_DEVIATION_DOMAIN,
    dateField: 'date',
    visitField: 'visit',
    fields: Object.freeze([
      dateField('date', 'Date of the deviation'),
      opt(textField('visit', 'Visit', 40)),
      codeField('category', 'Category', input.categoryCodelist),
      codeField('severity', 'Major or minor', DEVIATION_SEVERITY_CODELIST.id),
      textField('description', 'What happened', 200),
      opt(textField('action', 'Action taken', 200)),
    ]),
    rules: Object.freeze([]),
  });
}

/** A deviation as the generic derivations read it. */
export interface ProtocolDeviation {
  readonly date: string;
  readonly visit: string | null;
  readonly category: string;
  readonly severity: 'major' | 'minor';
  readonly description: string;
  readonly action: string | null;
}

/** The protocol's deviation log (the form of SDTM domain DV), if it has one. */
export function findDeviationForm(forms: readonly FormDefinition[]): FormDefinition | undefined {
  return forms.find((form) => form.sdtmDomain === PROTOCOL_DEVIATION_DOMAIN);
}

const text = (row: FormRow, key: string): string | null => (typeof row[key] === 'string' ? row[key] : null);

/** A subject's deviations as recorded on `form` (validated records: the required fields are present). */
export function readProtocolDeviations(record: SubjectRecord, form: FormDefinition): readonly ProtocolDeviation[] {
  return (record.diseaseForms[form.id] ?? []).map((row) => ({
    date: text(row, 'date') ?? '',
    visit: text(row, 'visit'),
    category: text(row, 'category') ?? '',
    severity: row.severity === 'major' ? 'major' : 'minor',
    description: text(row, 'description') ?? '',
    action: text(row, 'action'),
  }));
}
