// A protocol as one typed value (the contract between a protocol folder and the generic engines) and its
// consistency check.
export type * from './protocolDefinition.js';
export type * from './analysisPlan.js';
export { checkProtocol } from './checkProtocol.js';
export { protocolCatalogue } from './protocolCatalogue.js';
export { screeningSchemaOf } from './screeningSchemaOf.js';
