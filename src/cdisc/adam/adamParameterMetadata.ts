import { censoringDescriptions, CENSORING } from '../../clinical/index.js';
import type { EndpointDefinition, ProtocolDefinition } from '../../clinical/index.js';
import type { ValueLevelSpec } from '../dataset/index.js';

/**
 * The parameter-level metadata of the BDS datasets (define.xml ValueListDef / WhereClauseDef per PARAMCD) and the
 * text of their methods, generated from the protocol's own metadata (its endpoints, censoring parameters,
 * response scale and evaluators) and the rules of src/clinical/adam, never typed per study: a new protocol gets
 * its define.xml from its definition. A parameter with no record in the dataset is left out by
 * createSubmissionDataset (define.xml describes what the files hold).
 */

const days = 'AVAL = ADT - STARTDT + 1 (days)';

function eventRule(endpoint: EndpointDefinition, protocol: ProtocolDefinition): string {
  const scale = protocol.response.scale;
  const by = endpoint.evaluator === undefined ? '' : ` by ${protocol.response.evaluators.find((e) => e.id === endpoint.evaluator)?.label ?? endpoint.evaluator}`;
  const progression = `progression (${scale.progression} on ${scale.name} ${scale.version}${by})`;
  const codes = censoringDescriptions(protocol.censoring.newTherapyLabel, protocol.censoring.missedAssessments);
  const censoring = `CNSR ${CENSORING.event} = event; ${Object.entries(codes)
    .map(([code, text]) => `${code} = ${text}`)
    .join('; ')} (FDA 2018)`;
  switch (endpoint.kind) {
    case 'progression-free-survival':
      return `STARTDT = ENRLDT (enrolment); ADT = the first ${progression} or death, whichever is first; ${censoring}; ${days}`;
    case 'duration-of-response':
      return `Responders (${scale.responderLabel}${by}) only; STARTDT = the first response date (ADRS RSPDT); ADT = the first ${progression} or death; ${censoring}; ${days}`;
    case 'time-to-response':
      return `Responders (${scale.responderLabel}${by}) only; STARTDT = ENRLDT; ADT = the first response date (ADRS RSPDT), always an event (CNSR 0); ${days}`;
    case 'overall-survival':
      return `STARTDT = ENRLDT; ADT = DTHDT (CNSR 0), else LSTALVDT, the last date known alive (CNSR 1); ${days}`;
    case 'follow-up':
      return `Reverse Kaplan-Meier (Schemper and Smith 1996): the OS times with the status reversed, CNSR 0 when alive at LSTALVDT, 1 at death; ${days}`;
    case 'treatment-duration':
      return `STARTDT = TRTSDT; ADT = TRTEDT; CNSR 0 when treatment ended (EOTSTT COMPLETED or DISCONTINUED) on or before the cutoff, 1 while ongoing; ${days}`;
  }
}

/** ADTTE: AVAL and CNSR of each endpoint of the protocol. */
export function adttePerParameter(protocol: ProtocolDefinition): { readonly AVAL: readonly ValueLevelSpec[] } {
  return {
    AVAL: protocol.endpoints.map((endpoint) => ({ paramcd: endpoint.paramcd, description: `${endpoint.label} (days)`, derivation: `${endpoint.label}: ${eventRule(endpoint, protocol)}` })),
  };
}

/** ADRS: AVALC of the response at an assessment and of the best overall response, on the protocol's scale. */
export function adrsPerParameter(protocol: ProtocolDefinition): { readonly AVALC: readonly ValueLevelSpec[] } {
  const scale = protocol.response.scale;
  const categories = scale.categories.map((c) => c.code).join(', ');
  const evaluators = protocol.response.evaluators.map((e) => `${e.id} (${e.source} data)`).join(', ');
  return {
    AVALC: [
      {
        paramcd: 'OVRLRESP',
        description: `Overall response at the assessment (${scale.name} ${scale.version})`,
        derivation: `The category of ${scale.name} ${scale.version} (${categories}) derived by trialkit's engine of the criterion from the measurements the evaluator reads at the assessment date, per evaluator: ${evaluators}; RULE names the rule of the criterion that decided it; CONFFL Y when the category is confirmed as the criterion requires`,
      },
      {
        paramcd: 'BOR',
        description: `Best overall response (${scale.name} ${scale.version})`,
        derivation: `The best confirmed category (order ${categories}) the criterion's engine returns over the evaluator's post-baseline assessments up to the cutoff and the first new anticancer therapy (ADSL.NTRTDT); ${scale.notEvaluable} with BORREAS when none qualifies; RSPFL Y for ${scale.responderLabel}, DCRFL Y for ${scale.diseaseControlLabel}`,
      },
    ],
  };
}

/** ADLB: AVAL of each laboratory test, in its standard unit (as the rows hold it). */
export function adlbPerParameter(rows: readonly Readonly<Record<string, unknown>>[]): { readonly AVAL: readonly ValueLevelSpec[] } {
  const units = new Map<string, { param: string; unit: string }>();
  for (const row of rows) if (!units.has(String(row.PARAMCD))) units.set(String(row.PARAMCD), { param: String(row.PARAM), unit: String(row.AVALU) });
  return {
    AVAL: [...units].map(([paramcd, { param, unit }]) => ({
      paramcd,
      description: param,
      derivation: `LB.LBSTRESN of LBTESTCD ${paramcd}: the recorded result converted to ${unit} by the units table of trialkit (clinical/units)`,
    })),
  };
}
