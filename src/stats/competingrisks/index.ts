export type { CumulativeIncidenceStep, CumulativeIncidenceSteps } from './cumulativeIncidenceKernel.js';
export { cumulativeIncidenceKernel, cumulativeIncidenceAt } from './cumulativeIncidenceKernel.js';
export type { GrayScore } from './grayTestKernel.js';
export { grayScoreKernel } from './grayTestKernel.js';
export type {
  CumulativeIncidenceInput,
  CumulativeIncidenceCurve,
  CumulativeIncidenceResult,
  GrayTest,
} from './computeCumulativeIncidence.js';
export { computeCumulativeIncidence, cumulativeIncidenceByGroupKernel } from './computeCumulativeIncidence.js';
