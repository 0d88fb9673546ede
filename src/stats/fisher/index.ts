export { computeFisherExact2x2 } from './computeFisherExact2x2.js';
export type { TwoByTwoTable, FisherExact2x2Result } from './computeFisherExact2x2.js';
export { fisherExact2x2Kernel } from './fisherExact2x2Kernel.js';
export type { FisherExact2x2 } from './fisherExact2x2Kernel.js';
export { computeFisherExactRxC, defaultMaxTables } from './computeFisherExactRxC.js';
export type { FisherExactRxCResult } from './computeFisherExactRxC.js';
export { fisherExactRxCKernel, countTablesWithin } from './fisherExactRxCKernel.js';
export { zeroin, unirootTolerance } from './zeroin.js';
