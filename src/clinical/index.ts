// The clinical core: the standards a protocol chooses from (units, CTCAE, staging, IMWG, RECIST ...), the
// protocol model and the generic engines and derivations that read it.
export * from './dates/index.js';
export * from './units/index.js';
export * from './ctcae/index.js';
export * from './staging/index.js';
export * from './renal/index.js';
export * from './response/index.js';
export * from './imwg/index.js';
export * from './recist/index.js';
export * from './eligibility/index.js';
export * from './regimen/index.js';
export * from './crf/index.js';
export * from './protocol/index.js';
export * from './adam/index.js';
export * from './subject/index.js';
