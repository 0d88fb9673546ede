import type { FormCatalogue } from '../crf/index.js';
import type { ProtocolDefinition } from './protocolDefinition.js';

/** The forms and code lists of a protocol, as validateTrialData and the EDC read them. */
export function protocolCatalogue(protocol: ProtocolDefinition): FormCatalogue {
  return { forms: protocol.forms, codelists: protocol.codelists };
}
