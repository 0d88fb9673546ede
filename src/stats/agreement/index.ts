export { computeCohenKappa } from './computeCohenKappa.js';
export type { CohenKappaInput, CohenKappaResult } from './computeCohenKappa.js';
export { cohenKappaKernel } from './cohenKappaKernel.js';
export type { CohenKappa } from './cohenKappaKernel.js';
