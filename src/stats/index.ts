// The statistics core: pure functions over numbers, no clinical knowledge, no I/O.
// Each sub-folder has a validating front end (compute*, returning an Outcome) and a typed-array kernel.
export * from './distributions/index.js';
export * from './logrank/index.js';
export * from './fisher/index.js';
export * from './cox/index.js';
export * from './binomial/index.js';
export * from './samplesize/index.js';
export * from './survival/index.js';
export * from './agreement/index.js';
export * from './design/index.js';
export * from './rmst/index.js';
export * from './competingrisks/index.js';
export * from './descriptive/index.js';
