import {
  booleanField,
  codeField,
  dateField,
  integerField,
  numberField,
  opt,
  recordField,
  textField,
  textListField,
} from './fieldBuilders.js';
import type { Codelist, FieldDefinition, FormDefinition, FormRule } from './formDefinition.js';

/**
 * The standard oncology forms (every single-arm trial collects them) as metadata, built for one protocol:
 * the AE form asks causality and action per drug of its regimen, the dosing form offers its drugs, response
 * calls use its response scale, the lab form its analytes. A protocol may add fields to demographics,
 * diagnosis and prior therapy (`extensions`); its disease-specific forms are its own.
 *
 * Text limits: terms 200 characters (MedDRA LLT names are at most 100), free text 1,000, identifiers 40.
 */

export interface RegimenDrugName {
  readonly id: string;
  readonly label: string;
}

export interface StandardFormsInput {
  readonly drugs: readonly RegimenDrugName[];
  /** Code list of the response scale (investigator/IRC calls, best response of a prior line). */
  readonly responseCodelist: string;
  /** Code list of the laboratory analytes the protocol collects. */
  readonly labAnalyteCodelist: string;
  /** Fields a protocol adds to the extensible forms. */
  readonly extensions?: {
    readonly demographics?: readonly FieldDefinition[];
    readonly diagnosis?: readonly FieldDefinition[];
    readonly priorTherapy?: readonly FieldDefinition[];
  };
  /** Cross-field rules a protocol adds to the extensible forms (e.g. its own fields' dependencies). */
  readonly extensionRules?: { readonly diagnosis?: readonly FormRule[] };
}

const TERM = 200;
const FREE_TEXT = 1000;
const SHORT = 40;

const NOT_NEGATIVE = { min: 0, note: 'cannot be negative' };

function form(definition: Omit<FormDefinition, 'rules'> & { readonly rules?: readonly FormRule[] }): FormDefinition {
  return Object.freeze({ ...definition, fields: Object.freeze([...definition.fields]), rules: Object.freeze([...(definition.rules ?? [])]) });
}

const endForm = (key: string, label: string) =>
  opt(recordField(key, label, [dateField('date', 'Date'), codeField('reason', 'Primary reason', 'DCREAS'), opt(textField('reasonText', 'Reason, if other (specify)', FREE_TEXT))]));

/** The standard forms of a protocol, in the order a site meets them. */
export function createStandardForms(input: StandardFormsInput): readonly FormDefinition[] {
  const drugs = input.drugs;
  return Object.freeze([
    form({
      id: 'demographics',
      label: 'Demographics',
      role: 'demographics',
      cardinality: 'one',
      description: 'Recorded once at screening.',
      sdtmDomain: 'DM',
      fields: [
        dateField('birthDate', 'Date of birth'),
        codeField('sex', 'Sex', 'SEX'),
        numberField('weightKg', 'Weight', { unit: 'kg', hard: { min: 0.5, max: 700, note: 'no living adult weighs this' }, soft: { min: 20, max: 300, note: 'adult body weight outside 20-300 kg is exceptional' } }),
        numberField('heightCm', 'Height', { unit: 'cm', hard: { min: 30, max: 300, note: 'no living adult measures this' }, soft: { min: 120, max: 230, note: 'adult height outside 120-230 cm is exceptional' } }),
        integerField('ecog', 'ECOG performance status', { hard: { min: 0, max: 4, note: 'ECOG 0-4 (5 = dead is never entered)' } }),
        ...(input.extensions?.demographics ?? []),
      ],
    }),
    form({
      id: 'diagnosis',
      label: 'Disease history',
      role: 'diagnosis',
      cardinality: 'one',
      description: 'The disease under study, from the medical record.',
      sdtmDomain: 'MH',
      dateField: 'diagnosisDate',
      fields: [dateField('diagnosisDate', 'Date of initial diagnosis'), ...(input.extensions?.diagnosis ?? [])],
      rules: input.extensionRules?.diagnosis ?? [],
    }),
    form({
      id: 'priorTherapy',
      label: 'Prior anticancer therapy',
      role: 'prior-therapy',
      cardinality: 'many',
      description: 'One record per prior line of systemic anticancer therapy.',
      sdtmDomain: 'CM',
      dateField: 'startDate',
      fields: [
        integerField('lineNumber', 'Line number', { hard: { min: 1, max: 50, note: 'a line number from 1' }, soft: { max: 20, note: 'more than 20 prior lines is exceptional' } }),
        textListField('agents', 'Agents (generic names)', { maxLength: 100, minItems: 1, maxItems: 10 }),
        opt(integerField('cycles', 'Cycles given', { hard: { min: 0, max: 1000, note: 'a number of cycles' }, soft: { max: 200, note: 'more than 200 cycles in one line is exceptional' } })),
        dateField('startDate', 'Start date'),
        opt(dateField('endDate', 'End date')),
        opt(codeField('bestResponse', 'Best response', input.responseCodelist)),
        booleanField('refractory', 'Refractory to this line'),
        opt(dateField('progressionDate', 'Date of progression')),
        ...(input.extensions?.priorTherapy ?? []),
      ],
      rules: [
        { kind: 'date-order', earlier: 'startDate', later: 'endDate', note: 'a line ends after it starts' },
        { kind: 'date-order', earlier: 'startDate', later: 'progressionDate', note: 'progression on or after the line started' },
      ],
    }),
    form({
      id: 'lab',
      notBeforeConsent: true,
      label: 'Laboratory result',
      role: 'lab',
      cardinality: 'many',
      description: "One result per record, in the reporting laboratory's unit with its normal range.",
      sdtmDomain: 'LB',
      dateField: 'date',
      visitField: 'visit',
      fields: [
        dateField('date', 'Sample date'),
        textField('visit', 'Visit', SHORT),
        codeField('analyte', 'Analyte', input.labAnalyteCodelist),
        numberField('value', 'Result', { hard: { ...NOT_NEGATIVE, note: 'a count, concentration or activity cannot be negative' } }),
        textField('unit', 'Unit', SHORT),
        opt(numberField('lln', 'Lower limit of normal', { hard: { ...NOT_NEGATIVE, note: 'a normal range cannot be negative' } })),
        opt(numberField('uln', 'Upper limit of normal', { hard: { ...NOT_NEGATIVE, note: 'a normal range cannot be negative' } })),
        codeField('source', 'Laboratory', 'DATASRC'),
      ],
    }),
    form({
      id: 'dosing',
      notBeforeConsent: true,
      label: 'Study drug administration',
      role: 'dosing',
      cardinality: 'many',
      description: 'One record per cycle and drug of the regimen.',
      sdtmDomain: 'EX',
      dateField: 'startDate',
      fields: [
        integerField('cycle', 'Cycle', { hard: { min: 1, max: 1000, note: 'a cycle number from 1' } }),
        codeField('drug', 'Drug', 'DRUG'),
        dateField('startDate', 'First dose of the cycle'),
        dateField('endDate', 'Last dose of the cycle'),
        numberField('plannedDoseMg', 'Planned dose', { unit: 'mg', hard: { ...NOT_NEGATIVE, note: 'a dose cannot be negative' } }),
        integerField('plannedDays', 'Planned dosing days', { hard: { min: 1, max: 366, note: 'at least one dosing day' } }),
        numberField('doseGivenMg', 'Dose given', { unit: 'mg', hard: { ...NOT_NEGATIVE, note: 'a dose cannot be negative' } }),
        integerField('daysGiven', 'Days dosed', { hard: { min: 0, max: 366, note: 'a number of days' } }),
        booleanField('delayed', 'Cycle delayed'),
        booleanField('interrupted', 'Doses held within the cycle'),
        booleanField('reduced', 'Dose reduced in this cycle'),
        opt(codeField('modificationReason', 'Reason for the modification', 'DOSEMODR')),
      ],
      rules: [{ kind: 'date-order', earlier: 'startDate', later: 'endDate', note: 'the last dose of a cycle follows its first' }],
    }),
    form({
      id: 'adverseEvent',
      label: 'Adverse event',
      role: 'adverse-event',
      cardinality: 'many',
      description: 'One record per adverse event, graded by CTCAE v5.0.',
      sdtmDomain: 'AE',
      dateField: 'onsetDate',
      fields: [
        integerField('sequence', 'AE number', { hard: { min: 1, max: 100000, note: 'a sequence number from 1' } }),
        textField('reportedTerm', 'Reported term', TERM),
        textField('preferredTerm', 'MedDRA preferred term', TERM),
        opt(textField('systemOrganClass', 'MedDRA system organ class', TERM)),
        dateField('onsetDate', 'Onset date'),
        opt(dateField('endDate', 'End date')),
        integerField('grade', 'CTCAE grade', { hard: { min: 1, max: 5, note: 'CTCAE grades 1-5' } }),
        booleanField('serious', 'Serious'),
        recordField('relatedness', 'Relationship to study drug', drugs.map((drug) => codeField(drug.id, drug.label, 'AEREL'))),
        recordField('actionTaken', 'Action taken with study drug', drugs.map((drug) => codeField(drug.id, drug.label, 'AEACN'))),
        booleanField('ledToStudyDiscontinuation', 'Led to discontinuation of the study'),
        codeField('outcome', 'Outcome', 'AEOUT'),
      ],
      rules: [
        { kind: 'date-order', earlier: 'onsetDate', later: 'endDate', note: 'an adverse event ends on or after its onset' },
        { kind: 'absent-when', field: 'endDate', when: { field: 'outcome', equals: 'not-recovered' }, note: 'an event not recovered has no end date' },
      ],
    }),
    form({
      id: 'responseCall',
      notBeforeConsent: true,
      label: 'Response assessment (investigator)',
      role: 'response-call',
      cardinality: 'many',
      description: 'The response as called at a visit.',
      sdtmDomain: 'RS',
      dateField: 'date',
      fields: [dateField('date', 'Assessment date'), codeField('evaluator', 'Evaluator', 'EVALUATOR'), codeField('response', 'Overall response', input.responseCodelist)],
    }),
    form({
      id: 'newTherapy',
      label: 'Subsequent anticancer therapy',
      role: 'new-therapy',
      cardinality: 'many',
      description: 'Anticancer therapy started after the study treatment.',
      sdtmDomain: 'CM',
      dateField: 'startDate',
      fields: [dateField('startDate', 'Start date'), textListField('agents', 'Agents (generic names)', { maxLength: 100, minItems: 1, maxItems: 10 })],
    }),
    form({
      id: 'disposition',
      label: 'End of treatment / end of study',
      role: 'disposition',
      cardinality: 'one',
      description: 'Completed when the subject stops treatment and when the subject leaves the study.',
      sdtmDomain: 'DS',
      fields: [endForm('endOfTreatment', 'End of treatment'), endForm('endOfStudy', 'End of study')],
    }),
    form({
      id: 'death',
      label: 'Death',
      role: 'death',
      cardinality: 'one',
      description: 'Date and cause of death.',
      sdtmDomain: 'DS',
      dateField: 'date',
      fields: [dateField('date', 'Date of death'), codeField('cause', 'Primary cause', 'DTHCAUS'), opt(textField('causeText', 'Cause, in words', FREE_TEXT))],
    }),
    form({
      id: 'survivalContact',
      notBeforeConsent: true,
      label: 'Survival follow-up contact',
      role: 'survival-contact',
      cardinality: 'many',
      description: 'Vital status at a follow-up contact.',
      sdtmDomain: 'SS',
      dateField: 'date',
      fields: [dateField('date', 'Contact date'), codeField('status', 'Vital status', 'VITAL')],
    }),
    form({
      id: 'ircAdjudication',
      label: 'IRC adjudication',
      role: 'adjudication',
      cardinality: 'many',
      description: "The independent review committee's call on a blinded case.",
      sdtmDomain: 'RS',
      siteHidden: true,
      dateField: 'assessmentDate',
      fields: [
        codeField('scope', 'Scope', 'ADJSCOPE'),
        opt(dateField('assessmentDate', 'Assessment date')),
        codeField('response', 'IRC response', input.responseCodelist),
        opt(codeField('derivedResponse', 'Derived response (absent: none derivable)', input.responseCodelist, { origin: 'assigned' })),
        opt(codeField('investigatorResponse', "Investigator's call (absent: not recorded)", input.responseCodelist, { origin: 'assigned' })),
        opt(textField('reason', 'Reason for overriding the derived response', FREE_TEXT)),
      ],
      rules: [
        { kind: 'required-when', field: 'assessmentDate', when: { field: 'scope', equals: 'assessment' }, note: 'an assessment adjudication names its assessment' },
        { kind: 'absent-when', field: 'assessmentDate', when: { field: 'scope', equals: 'bestOverall' }, note: 'the best overall response has no single date' },
        { kind: 'required-when-different', field: 'reason', left: 'response', right: 'derivedResponse', note: 'overriding the derived response needs a reason' },
      ],
    }),
  ]);
}

/** The code lists the standard forms read besides STANDARD_CODELISTS: the drugs and the IRC scope. */
export function createRegimenCodelists(drugs: readonly RegimenDrugName[]): readonly Codelist[] {
  return Object.freeze([
    Object.freeze({ id: 'DRUG', label: 'Study drug', items: Object.freeze(drugs.map((drug) => Object.freeze({ code: drug.id, label: drug.label }))) }),
    Object.freeze({
      id: 'ADJSCOPE',
      label: 'Adjudication scope',
      items: Object.freeze([Object.freeze({ code: 'assessment', label: 'One assessment' }), Object.freeze({ code: 'bestOverall', label: 'Best overall response' })]),
    }),
  ]);
}
