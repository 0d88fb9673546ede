import type { ProtocolDefinition } from '../clinical/index.js';

/**
 * Everything a protocol folder offers: its definition (what the engines read) and, optionally, the
 * synthetic demo trial that exercises it and the publication a reproduction compares with.
 */
export interface ProtocolModule {
  readonly definition: ProtocolDefinition;
}
