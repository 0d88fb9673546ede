// The protocols trialkit runs, each one folder; the registry the adapters choose from by id.
import type { ProtocolDefinition } from '../clinical/index.js';
import { NCT05236621_PROTOCOL } from './nct05236621/index.js';
import { NCT05236621_DEMO } from './nct05236621/demo/index.js';
import { NCT05236621_PUBLICATION } from './nct05236621/publication/index.js';
import { RET_CABO_2_DEMO, RET_CABO_2_PROTOCOL } from './ret-cabo-2/index.js';
import type { ProtocolModule } from './protocolModule.js';

export type { ProtocolModule } from './protocolModule.js';

const MODULES: readonly ProtocolModule[] = Object.freeze([{ definition: NCT05236621_PROTOCOL, demo: NCT05236621_DEMO, publication: NCT05236621_PUBLICATION }, { definition: RET_CABO_2_PROTOCOL, demo: RET_CABO_2_DEMO }]);

/** Every protocol, in registry order. */
export function listProtocols(): readonly ProtocolModule[] {
  return MODULES;
}

/** The protocol with this id (case-insensitive), or undefined. */
export function findProtocol(id: string): ProtocolModule | undefined {
  const wanted = id.trim().toLowerCase();
  return MODULES.find((module) => module.definition.id === wanted || module.definition.identity.registryId.toLowerCase() === wanted);
}

/** The protocol whose definition is the trial's (by protocol id as stored in TrialData: the registry id or the folder id). */
export function protocolOf(protocolId: string): ProtocolDefinition | undefined {
  return findProtocol(protocolId)?.definition;
}

/** The demo trial `trialkit report` and `trialkit serve --demo` use when no protocol is named. */
export const DEFAULT_DEMO_PROTOCOL_ID = 'nct05236621';
