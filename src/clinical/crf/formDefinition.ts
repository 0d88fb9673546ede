/**
 * Case report forms as metadata: what a site enters, field by field, with types, units, code lists, limits,
 * labels and help. One definition serves every consumer: the validator (createFormSchema), the EDC's edit
 * checks (hard limits refuse, soft limits raise a query), the web application (which renders any form from
 * it, with no per-form code) and the CDISC define.xml. A protocol lists its forms; standard oncology forms
 * come from `standardForms.ts` and a protocol adds its disease-specific ones.
 */

/** One answer of a closed list: the stored code and the words a site reads. */
export interface CodelistItem {
  readonly code: string;
  readonly label: string;
}

/** A closed list of answers, referenced by fields through its id. */
export interface Codelist {
  readonly id: string;
  readonly label: string;
  readonly items: readonly CodelistItem[];
  /** Where the list comes from (e.g. 'CDISC CT 2023-12-15 NY', 'RECIST 1.1 Table 1'), when it is a standard's. */
  readonly source?: string;
}

/** A numeric limit with the words that explain it (shown in the 422 answer or the query text). */
export interface FieldLimit {
  readonly min?: number;
  readonly max?: number;
  readonly note: string;
}

interface FieldBase {
  /** Key of the value in the form's JSON (camelCase, units in the name: `diameterMm`, `weightKg`). */
  readonly key: string;
  readonly label: string;
  /** One sentence a site reads beside the field. */
  readonly help?: string;
  /** Absent = the value may be left out (not recorded). */
  readonly required: boolean;
  /** CDISC origin of the value in SDTM terms: collected on the form, or assigned by the system. */
  readonly origin?: 'collected' | 'assigned';
}

export interface TextField extends FieldBase {
  readonly type: 'text';
  readonly maxLength: number;
  /** A regular expression (source text) the whole value must match, with the words for it. */
  readonly pattern?: { readonly source: string; readonly description: string };
  /** Multi-line entry in the web application. */
  readonly multiline?: boolean;
}

export interface DateField extends FieldBase {
  readonly type: 'date';
}

export interface NumberField extends FieldBase {
  readonly type: 'number' | 'integer';
  /** The unit the value is entered in (UCUM-like text, e.g. 'mm', 'g/L', 'kg'); absent for counts and scores. */
  readonly unit?: string;
  /** Physiologically or logically impossible beyond these: refused (422). */
  readonly hard?: FieldLimit;
  /** Plausible beyond these only with a check: stored, and a query is raised. */
  readonly soft?: FieldLimit;
}

export interface BooleanField extends FieldBase {
  readonly type: 'boolean';
}

/** One code of a code list. */
export interface CodeField extends FieldBase {
  readonly type: 'code';
  readonly codelist: string;
}

/** A list of free-text entries (e.g. the agents of a prior line). */
export interface TextListField extends FieldBase {
  readonly type: 'text-list';
  readonly maxLength: number;
  readonly maxItems: number;
  readonly minItems: number;
}

/**
 * A repeating group inside one form (e.g. the lesions of one tumour assessment): a list of small records,
 * each with its own fields.
 */
export interface GroupField extends FieldBase {
  readonly type: 'group';
  readonly fields: readonly FieldDefinition[];
  readonly minItems: number;
  readonly maxItems: number;
  /** The field whose value must be unique within the group (e.g. the lesion id). */
  readonly uniqueKey?: string;
  /** A date field whose values must not decrease down the group (e.g. prior lines in time order). */
  readonly ascending?: { readonly field: string; readonly note: string };
  /** Rules applied to each entry of the group. */
  readonly rules?: readonly FormRule[];
}

/**
 * A set of fields stored under one key as an object whose keys are fixed by the protocol (e.g. the
 * relationship of an AE to each drug of the regimen: `relatedness.<drug>`).
 */
export interface RecordField extends FieldBase {
  readonly type: 'record';
  readonly fields: readonly FieldDefinition[];
  /** Rules applied to the record's fields. */
  readonly rules?: readonly FormRule[];
}

export type ScalarField = TextField | DateField | NumberField | BooleanField | CodeField | TextListField;
export type FieldDefinition = ScalarField | GroupField | RecordField;
export type FieldType = FieldDefinition['type'];

/**
 * A cross-field rule of one form, as data: `later` must be on or after `earlier` (both date fields of the
 * form), or `field` must be present when `when` holds.
 */
export type FormRule =
  | { readonly kind: 'date-order'; readonly earlier: string; readonly later: string; readonly note: string }
  | {
      readonly kind: 'required-when';
      readonly field: string;
      readonly when: { readonly field: string; readonly equals: string | boolean };
      readonly note: string;
    }
  | { readonly kind: 'required-when-different'; readonly field: string; readonly left: string; readonly right: string; readonly note: string }
  | {
      readonly kind: 'absent-when';
      readonly field: string;
      readonly when: { readonly field: string; readonly equals: string | boolean };
      readonly note: string;
    };

/**
 * What the generic engines use a form for. Standard roles are read by the generic derivations (ADSL, ADAE,
 * ADEX, ...); 'disease' forms are read only by the protocol's own bindings (response criteria, subject
 * variables); 'screening' is the eligibility record; 'adjudication' the IRC's form.
 */
export type FormRole =
  | 'screening'
  | 'demographics'
  | 'diagnosis'
  | 'prior-therapy'
  | 'lab'
  | 'dosing'
  | 'adverse-event'
  | 'response-call'
  | 'new-therapy'
  | 'disposition'
  | 'death'
  | 'survival-contact'
  | 'adjudication'
  | 'disease';

export interface FormDefinition {
  /** The form type as stored and sent to the API, e.g. 'adverseEvent', 'tumourAssessment'. */
  readonly id: string;
  readonly label: string;
  readonly role: FormRole;
  /** 'one': at most one record per subject (demographics); 'many': repeating (labs, AEs, assessments). */
  readonly cardinality: 'one' | 'many';
  /** What the form is for, shown at its top. */
  readonly description: string;
  readonly fields: readonly FieldDefinition[];
  readonly rules: readonly FormRule[];
  /** The date field that places a record in time (for visits, cutoff locks and listings); absent for undated forms. */
  readonly dateField?: string;
  /**
   * The form records a study procedure (a visit's labs, a dose, an assessment): its `dateField` cannot be
   * before the subject's informed consent; the EDC refuses such a save (422). Absent for history forms
   * (diagnosis, prior therapy) and for adverse events, where an onset before consent raises a query.
   */
  readonly notBeforeConsent?: boolean;
  /** The field holding the visit label, when the form is visit-bound. */
  readonly visitField?: string;
  /** Hidden from site roles (e.g. the IRC's adjudication form). */
  readonly siteHidden?: boolean;
  /** CDISC SDTM domain the form's data goes to (e.g. 'AE', 'LB', 'TR'). */
  readonly sdtmDomain?: string;
}

/**
 * Where a field's value goes in CDISC SDTM: the annotated CRF as data, read by the SDTM mapping of src/cdisc.
 * The standard forms (demographics, AE, dosing, labs, response calls, disposition) are mapped by the mapping
 * itself; a protocol annotates its own fields (disease forms, extensions of the standard forms), so what is a
 * test, which test code and which specimen come from the protocol and never from generic code.
 *
 * - a test (`testCode`): each recorded value is one row of the findings domain (`--TESTCD`, `--TEST`, the value
 *   in `--ORRES`/`--STRESC`/`--STRESN`, the field's unit in `--ORRESU`/`--STRESU`);
 * - a qualifier (`variable`, no `testCode`): the value fills that variable (`--` = the domain prefix) on every
 *   row the record (or the group entry) gives in `domain`, or in every domain of the record when `domain` is
 *   left out; with `forTest` only on the rows of that test (e.g. the upper limit of normal of one analyte);
 * - a supplemental qualifier (`qnam`): a value with no standard variable, one SUPP-- row per parent record of
 *   `domain` (the subject's MH record for the disease history, the TU record of a group entry).
 * A field with no annotation is not mapped (the mapping lists it).
 */
export interface SdtmAnnotation {
  /** The SDTM domain, e.g. 'LB', 'TR', 'TU', 'RS', 'MH'. Optional for a qualifier (all domains of the record). */
  readonly domain?: string;
  readonly testCode?: string;
  /** --TEST, at most 40 characters. */
  readonly test?: string;
  /** --SPEC of the test (e.g. 'SERUM'). */
  readonly specimen?: string;
  /** --METHOD of the test (METHOD, C85492), when one test code is measured by several methods (e.g. 'IMMUNOFIXATION ELECTROPHORESIS'). */
  readonly method?: string;
  /** --CAT of the test's rows. */
  readonly category?: string;
  /** The variable a qualifier fills, e.g. '--EVAL', '--LNKID', 'TULOC', 'LBORNRHI'. */
  readonly variable?: string;
  /** A qualifier that applies only to the rows of this test code. */
  readonly forTest?: string;
  /** Supplemental qualifier name (at most 8 characters) and label (at most 40). */
  readonly qnam?: string;
  readonly qlabel?: string;
  /** Stored value (a code, or 'true'/'false') -> the submission value (a CDISC CT term where there is one). */
  readonly terms?: Readonly<Record<string, string>>;
}

/** Form id -> field path (`lesions.diameterMm` inside a group, `fish.del17p` inside a record) -> annotations. */
export type SdtmFormAnnotations = Readonly<Record<string, Readonly<Record<string, SdtmAnnotation | readonly SdtmAnnotation[]>>>>;

/** The values a form field may hold once validated. */
export type FieldValue = string | number | boolean | null | readonly string[] | readonly FormRow[] | FormRow;

/** One validated record of a form: field key -> value; a field left out was not recorded. */
export interface FormRow {
  readonly [key: string]: FieldValue | undefined;
}
