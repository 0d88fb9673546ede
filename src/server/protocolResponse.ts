import { z } from 'zod';
import type { FieldDefinition } from '../clinical/index.js';

/**
 * The answer of GET /protocol as it goes over the wire: the metadata the web application renders and
 * checks every form from (fields with types, units, code lists, limits, help; the code lists; visits), the
 * regimen's drugs and dose levels, the response scale and evaluators, the eligibility criteria the
 * screening checklist runs, and the laboratory analytes with the units they are accepted in. Objects are
 * strict, so a field added to the protocol model without adding it here fails the server contract test.
 */

const limit = z.strictObject({ min: z.number().optional(), max: z.number().optional(), note: z.string() });

const formRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('date-order'), earlier: z.string(), later: z.string(), note: z.string() }),
  z.strictObject({ kind: z.literal('required-when'), field: z.string(), when: z.strictObject({ field: z.string(), equals: z.union([z.string(), z.boolean()]) }), note: z.string() }),
  z.strictObject({ kind: z.literal('required-when-different'), field: z.string(), left: z.string(), right: z.string(), note: z.string() }),
  z.strictObject({ kind: z.literal('absent-when'), field: z.string(), when: z.strictObject({ field: z.string(), equals: z.union([z.string(), z.boolean()]) }), note: z.string() }),
]);

const fieldBase = {
  key: z.string().describe('key of the value in the form JSON'),
  label: z.string(),
  help: z.string().optional(),
  required: z.boolean().describe('false: may be left out (not recorded)'),
  origin: z.enum(['collected', 'assigned']).optional(),
};

const numberField = (type: 'number' | 'integer') =>
  z.strictObject({ ...fieldBase, type: z.literal(type), unit: z.string().optional(), hard: limit.optional().describe('refused outside (422)'), soft: limit.optional().describe('saved with a query outside') });

export const fieldDefinitionResponse: z.ZodType<FieldDefinition> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ ...fieldBase, type: z.literal('text'), maxLength: z.int(), pattern: z.strictObject({ source: z.string(), description: z.string() }).optional(), multiline: z.boolean().optional() }),
    z.strictObject({ ...fieldBase, type: z.literal('date') }),
    numberField('number'),
    numberField('integer'),
    z.strictObject({ ...fieldBase, type: z.literal('boolean') }),
    z.strictObject({ ...fieldBase, type: z.literal('code'), codelist: z.string().describe('id of a code list of this answer') }),
    z.strictObject({ ...fieldBase, type: z.literal('text-list'), maxLength: z.int(), minItems: z.int(), maxItems: z.int() }),
    z.strictObject({
      ...fieldBase,
      type: z.literal('group'),
      fields: z.array(fieldDefinitionResponse),
      minItems: z.int(),
      maxItems: z.int(),
      uniqueKey: z.string().optional(),
      ascending: z.strictObject({ field: z.string(), note: z.string() }).optional(),
      rules: z.array(formRule).optional(),
    }),
    z.strictObject({ ...fieldBase, type: z.literal('record'), fields: z.array(fieldDefinitionResponse), rules: z.array(formRule).optional() }),
  ]),
);

const formResponse = z.strictObject({
  id: z.string().describe('the formType of POST /subjects/{subjectId}/records'),
  label: z.string(),
  role: z.enum(['screening', 'demographics', 'diagnosis', 'prior-therapy', 'lab', 'dosing', 'adverse-event', 'response-call', 'new-therapy', 'disposition', 'death', 'survival-contact', 'adjudication', 'disease']),
  cardinality: z.enum(['one', 'many']),
  description: z.string(),
  fields: z.array(fieldDefinitionResponse),
  rules: z.array(formRule),
  dateField: z.string().optional(),
  notBeforeConsent: z.boolean().optional().describe("the form records a study procedure: its date field is refused before the subject's informed consent"),
  visitField: z.string().optional(),
  siteHidden: z.boolean().optional(),
  sdtmDomain: z.string().optional(),
});

const codelistResponse = z.strictObject({
  id: z.string(),
  label: z.string(),
  items: z.array(z.strictObject({ code: z.string().describe('stored'), label: z.string().describe('shown') })),
  source: z.string().optional(),
});

const visitResponse = z.strictObject({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['screening', 'treatment', 'response-assessment', 'end-of-treatment', 'follow-up']),
  everyDays: z.int().optional(),
  windowDays: z.int(),
  forms: z.array(z.string()),
});

const drugResponse = z.strictObject({
  id: z.string().describe("stored on dosing rows and as the keys of an adverse event's relatedness and actionTaken"),
  label: z.string(),
  code: z.string(),
  role: z.enum(['investigational', 'combination']),
  route: z.string(),
  doseUnit: z.string(),
  doseDays: z.array(z.int()),
  startingDoseMg: z.number(),
  startingDoseByAge: z.strictObject({ olderThanYears: z.number(), mg: z.number() }).nullable(),
  doseLevelsMg: z.array(z.number()).describe('every dose level across the reduction ladders, highest first'),
  ruleText: z.string(),
});

const scaleResponse = z.strictObject({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  citation: z.string(),
  categories: z.array(z.strictObject({ code: z.string(), label: z.string(), responder: z.boolean(), diseaseControl: z.boolean() })).describe('best first'),
  progression: z.string(),
  notEvaluable: z.string(),
  responderLabel: z.string(),
  diseaseControlLabel: z.string(),
});

const eligibilityResponse = z.strictObject({
  protocol: z.string(),
  version: z.string(),
  source: z.string(),
  screening: z.strictObject({
    labs: z.array(z.strictObject({ key: z.string(), analyte: z.string(), label: z.string() })),
    measures: z.array(z.strictObject({ key: z.string(), label: z.string(), unit: z.string(), softMax: z.number().optional(), softNote: z.string().optional() })),
    facts: z.array(
      z.strictObject({ key: z.string(), label: z.string(), type: z.enum(['boolean', 'integer', 'date']), min: z.number().optional(), max: z.number().optional(), help: z.string().optional() }),
    ),
    factRules: z.array(z.strictObject({ dateFact: z.string(), onlyWhen: z.string() })),
  }),
  criteria: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(['inclusion', 'exclusion']),
      text: z.string(),
      source: z.string(),
      rule: z.looseObject({ type: z.string() }).describe('a rule of the eligibility vocabulary (src/clinical/eligibility), evaluated by computeEligibility'),
    }),
  ),
});

export const protocolResponse = z.strictObject({
  id: z.string().describe("the protocol's registry key, as the database records it"),
  version: z.string(),
  identity: z.strictObject({
    registryId: z.string(),
    title: z.string(),
    shortTitle: z.string(),
    phase: z.string(),
    design: z.string(),
    indication: z.string(),
    sponsor: z.string(),
    citation: z.string(),
    armLabel: z.string(),
  }),
  forms: z.array(formResponse).describe('every form the caller may enter or read, screening first (forms hidden from sites are left out for a site role)'),
  codelists: z.array(codelistResponse),
  visits: z.array(visitResponse),
  regimen: z.strictObject({ source: z.string(), cycleLengthDays: z.int(), maxCycles: z.int(), maxTreatmentDays: z.int(), drugs: z.array(drugResponse) }),
  response: z.strictObject({
    scale: scaleResponse,
    codelist: z.string().describe("the code list of the scale's categories on the forms (response calls, prior lines, adjudications)"),
    evaluators: z.array(z.strictObject({ id: z.string(), label: z.string(), source: z.enum(['central', 'local']), recordedBy: z.enum(['investigator', 'irc']), paramSuffix: z.string() })),
    assessmentForms: z.array(z.string()).describe('saving a record of one of these forms re-derives the response'),
    parameters: z.array(z.strictObject({ code: z.string(), label: z.string(), unit: z.string() })).describe('the measurements behind the response (the IRC trajectory)'),
  }),
  eligibility: eligibilityResponse,
  labAnalytes: z.array(z.strictObject({ code: z.string(), standardUnit: z.string(), acceptedUnits: z.array(z.string()) })),
});

export type ProtocolView = z.infer<typeof protocolResponse>;
