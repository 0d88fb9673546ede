import type { ProtocolDefinition } from '../clinical/index.js';
import type { DemoDefinition } from '../demo/index.js';
import type { Publication } from '../reproduce/index.js';

/**
 * Everything a protocol folder offers: its definition (what the engines read) and, optionally, the
 * synthetic demo trial that exercises it and the publication a reproduction compares with.
 */
export interface ProtocolModule {
  readonly definition: ProtocolDefinition;
  /** The protocol's SYNTHETIC demo trial generator (src/demo's contract), when it has one. */
  readonly demo?: DemoDefinition;
  /** The published results of the protocol's trial that `trialkit reproduce` compares with, when there are. */
  readonly publication?: Publication;
}
