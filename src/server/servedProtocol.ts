import type { z } from 'zod';
import {
  checkProtocol,
  createFormSchema,
  createScreeningRecordSchema,
  responseScaleCodelist,
  type Codelist,
  type FormDefinition,
  type FormRole,
  type FormRow,
  type ProtocolDefinition,
} from '../clinical/index.js';
import type { ProtocolModule } from '../protocols/index.js';
import { createPlausibilityLimits } from './plausibilityLimits.js';
import type { PlausibilityLimit } from './plausibilityLimits.js';

/**
 * The protocol the EDC serves, with what every request needs from it built once: each form's definition
 * and validator (from its metadata), the plausibility limits, the form types hidden from site roles. The
 * server reads nothing else about the trial: no form, drug, criterion or response category is named in it.
 */
export interface ServedProtocol {
  readonly definition: ProtocolDefinition;
  /** Form id -> definition, in the protocol's order (screening first). */
  readonly forms: ReadonlyMap<string, FormDefinition>;
  /** The validator of a form type, or undefined when the protocol has no such form. */
  schema(formType: string): z.ZodType<FormRow> | undefined;
  /** The form of a standard role (the first one), or undefined. */
  formOfRole(role: FormRole): FormDefinition | undefined;
  /** The code list of the response scale (screening prior lines, response calls, adjudications). */
  readonly responseCodelist: Codelist;
  readonly limits: readonly PlausibilityLimit[];
  /** Form types a site role never reads (siteHidden in the metadata), e.g. the IRC's adjudications. */
  readonly siteHiddenForms: ReadonlySet<string>;
}

/**
 * The screening form is validated as the eligibility engine reads it (createScreeningRecordSchema: its
 * metadata's schema, null = not recorded, plus the prior lines' cross-checks), so a screening record the
 * EDC stores is one computeEligibility accepts; every other form by createFormSchema.
 */
function formSchema(definition: ProtocolDefinition, form: FormDefinition, responseCodelist: Codelist): z.ZodType<FormRow> {
  if (form.role === 'screening') return createScreeningRecordSchema(definition.eligibility, responseCodelist) as unknown as z.ZodType<FormRow>;
  return createFormSchema(form, definition.codelists);
}

/** The response scale's code list as the protocol lists it (the scale's own when the protocol does not). */
function responseCodelistOf(definition: ProtocolDefinition): Codelist {
  const own = responseScaleCodelist(definition.response.scale);
  return definition.codelists.find((list) => list.id === own.id) ?? own;
}

export function createServedProtocol(protocol: ProtocolModule | ProtocolDefinition): ServedProtocol {
  const definition = 'definition' in protocol ? protocol.definition : protocol;
  // a signature states the protocol's words: the server does not start with meanings a signer could not be shown
  const meaningFaults = checkProtocol(definition).filter((fault) => fault.path[0] === 'signatureMeanings');
  if (meaningFaults.length > 0) {
    throw new Error(`protocol ${definition.id}: signatureMeanings: ${meaningFaults.map((fault) => `${fault.path.join('.')}: ${fault.expected}`).join('; ')}`);
  }
  const forms = new Map(definition.forms.map((form) => [form.id, form]));
  const responseCodelist = responseCodelistOf(definition);
  const schemas = new Map<string, z.ZodType<FormRow>>();
  return Object.freeze({
    definition,
    forms,
    schema(formType: string) {
      const form = forms.get(formType);
      if (form === undefined) return undefined;
      let schema = schemas.get(formType);
      if (schema === undefined) {
        schema = formSchema(definition, form, responseCodelist);
        schemas.set(formType, schema);
      }
      return schema;
    },
    formOfRole: (role: FormRole) => definition.forms.find((form) => form.role === role),
    responseCodelist,
    limits: createPlausibilityLimits(definition),
    siteHiddenForms: new Set(definition.forms.filter((form) => form.siteHidden === true).map((form) => form.id)),
  });
}

/** The served form of a protocol given as its module, its definition or already served. */
export function toServedProtocol(protocol: ProtocolModule | ProtocolDefinition | ServedProtocol): ServedProtocol {
  return 'schema' in protocol && typeof protocol.schema === 'function' ? protocol : createServedProtocol(protocol);
}

/** Whether a TrialData protocol id names this protocol (its folder id or its registry id, any case). */
export function isProtocolId(definition: ProtocolDefinition, protocolId: string): boolean {
  const wanted = protocolId.trim().toLowerCase();
  return wanted === definition.id.toLowerCase() || wanted === definition.identity.registryId.toLowerCase();
}
