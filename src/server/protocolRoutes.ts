import { acceptedUnits, doseLevelsMg, isLabAnalyte, STANDARD_UNITS } from '../clinical/index.js';
import { isFormTypeVisible } from './permissions.js';
import { protocolResponse, type ProtocolView } from './protocolResponse.js';
import { ok, route, type RouteSpec } from './route.js';
import type { ServedProtocol } from './servedProtocol.js';

/** The metadata of the served protocol as the web application reads it (forms hidden from a site role left out). */
export function protocolView(protocol: ServedProtocol, scope: string | null): ProtocolView {
  const { definition } = protocol;
  const { regimen, response, eligibility } = definition;
  return {
    id: definition.id,
    version: definition.version,
    identity: definition.identity,
    forms: definition.forms.filter((form) => isFormTypeVisible(protocol, form.id, scope)) as ProtocolView['forms'],
    codelists: definition.codelists as ProtocolView['codelists'],
    visits: definition.schedule.visits as ProtocolView['visits'],
    regimen: {
      source: regimen.source,
      cycleLengthDays: regimen.cycleLengthDays,
      maxCycles: regimen.maxCycles,
      maxTreatmentDays: regimen.maxTreatmentDays,
      drugs: regimen.drugs.map((drug) => ({
        id: drug.id,
        label: drug.label,
        code: drug.code,
        role: drug.role,
        route: drug.route,
        doseUnit: drug.doseUnit,
        doseDays: [...drug.doseDays],
        startingDoseMg: drug.startingDose.mg,
        startingDoseByAge: drug.startingDose.byAge ?? null,
        doseLevelsMg: [...doseLevelsMg(drug)],
        ruleText: drug.ruleText,
      })),
    },
    response: {
      scale: response.scale as ProtocolView['response']['scale'],
      codelist: protocol.responseCodelist.id,
      evaluators: response.evaluators as ProtocolView['response']['evaluators'],
      assessmentForms: [...response.assessmentForms],
      parameters: response.parameters as ProtocolView['response']['parameters'],
    },
    eligibility: eligibility as unknown as ProtocolView['eligibility'],
    labAnalytes: definition.labAnalytes.filter(isLabAnalyte).map((code) => ({ code, standardUnit: STANDARD_UNITS[code], acceptedUnits: [...acceptedUnits(code)] })),
  };
}

/** What the EDC serves: the protocol's metadata, for every signed-in role. */
export const protocolRoutes: readonly RouteSpec[] = [
  route({
    method: 'get',
    path: '/protocol',
    action: 'authenticated',
    tag: 'protocol',
    response: protocolResponse,
    summary:
      "The served protocol's metadata: identity, every form (fields with types, units, code lists, hard and soft limits, help), code lists, visits, the regimen's drugs with their dose levels, the response scale and evaluators, the eligibility criteria and the laboratory analytes; the web application renders and checks every CRF from it",
    handler({ services, scope }) {
      return Promise.resolve(ok(protocolView(services.protocol, scope)));
    },
  }),
];
