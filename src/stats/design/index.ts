export type { FactorTerms } from './treatmentContrasts.js';
export { computeTreatmentContrasts, treatmentContrastsKernel } from './treatmentContrasts.js';
