/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The protocol the EDC serves, as GET /protocol answers it: the client renders and checks every form from
// it, and reads the regimen, the response scale and the eligibility criteria from it. Nothing in the client
// names a form, a drug or a response category of its own.
import type { Codelist, FormDefinition, FormRow } from '../../clinical/crf/index.js';
import { createFormSchema } from '../../clinical/crf/index.js';
import type { EligibilityCriteriaSet, ScreeningRecord } from '../../clinical/eligibility/index.js';
import { createScreeningRecordSchema } from '../../clinical/eligibility/index.js';
import type { z } from 'zod';
import { api } from './api.js';

export interface DrugView {
  readonly id: string;
  readonly label: string;
  readonly doseUnit: string;
  readonly doseDays: readonly number[];
  readonly startingDoseMg: number;
  readonly doseLevelsMg: readonly number[];
}

export interface ResponseCategoryView {
  readonly code: string;
  readonly label: string;
  readonly responder: boolean;
  readonly diseaseControl: boolean;
}

export interface ProtocolView {
  readonly id: string;
  readonly version: string;
  readonly identity: { readonly registryId: string; readonly shortTitle: string; readonly title: string };
  readonly forms: readonly FormDefinition[];
  readonly codelists: readonly Codelist[];
  readonly visits: readonly { readonly id: string; readonly label: string; readonly forms: readonly string[] }[];
  readonly regimen: { readonly cycleLengthDays: number; readonly maxCycles: number; readonly drugs: readonly DrugView[] };
  readonly response: {
    readonly scale: { readonly id: string; readonly name: string; readonly categories: readonly ResponseCategoryView[]; readonly notEvaluable: string; readonly progression: string };
    readonly codelist: string;
    readonly evaluators: readonly { readonly id: string; readonly label: string; readonly source: string; readonly recordedBy: string }[];
    readonly assessmentForms: readonly string[];
    readonly parameters: readonly { readonly code: string; readonly label: string; readonly unit: string }[];
  };
  readonly eligibility: EligibilityCriteriaSet;
  readonly labAnalytes: readonly { readonly code: string; readonly standardUnit: string; readonly acceptedUnits: readonly string[] }[];
}

/** The served protocol with lookups the screens share. */
export interface ClientProtocol {
  readonly view: ProtocolView;
  form(id: string): FormDefinition | undefined;
  formOfRole(role: FormDefinition['role']): FormDefinition | undefined;
  codelist(id: string): Codelist | undefined;
  /** The label of a code of a code list (the code itself when unknown). */
  label(codelistId: string, code: unknown): string;
  /** The validator of a form, built in the browser from its metadata by the same function as on the server. */
  schema(form: FormDefinition): z.ZodType<FormRow>;
  /** The screening record's validator, as the eligibility engine reads it. */
  screeningSchema(): z.ZodType<ScreeningRecord>;
  isAssessmentForm(id: string): boolean;
}

function createClientProtocol(view: ProtocolView): ClientProtocol {
  const schemas = new Map<string, z.ZodType<FormRow>>();
  const codelists = new Map(view.codelists.map((list) => [list.id, list]));
  let screening: z.ZodType<ScreeningRecord> | undefined;
  const protocol: ClientProtocol = {
    view,
    form: (id) => view.forms.find((f) => f.id === id),
    formOfRole: (role) => view.forms.find((f) => f.role === role),
    codelist: (id) => codelists.get(id),
    label: (codelistId, code) => {
      const text = typeof code === 'string' ? code : JSON.stringify(code);
      return codelists.get(codelistId)?.items.find((item) => item.code === code)?.label ?? text;
    },
    schema(form) {
      if (form.role === 'screening') return protocol.screeningSchema() as unknown as z.ZodType<FormRow>;
      let schema = schemas.get(form.id);
      if (schema === undefined) {
        schema = createFormSchema(form, view.codelists);
        schemas.set(form.id, schema);
      }
      return schema;
    },
    screeningSchema() {
      const response = codelists.get(view.response.codelist);
      if (response === undefined) throw new Error(`the protocol serves no code list ${view.response.codelist}`);
      screening ??= createScreeningRecordSchema(view.eligibility, response);
      return screening;
    },
    isAssessmentForm: (id) => view.response.assessmentForms.includes(id),
  };
  return protocol;
}

let loaded: Promise<ClientProtocol> | undefined;

/** The served protocol, asked for once per page (it does not change while the server runs). */
export function loadProtocol(): Promise<ClientProtocol> {
  loaded ??= api<ProtocolView>('GET', '/protocol').then(createClientProtocol);
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

/** Forgets the protocol (after signing out: another role may see other forms). */
export function forgetProtocol(): void {
  loaded = undefined;
}
