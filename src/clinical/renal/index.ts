export type { CreatinineClearanceInput, CreatinineClearance } from './creatinineClearance.js';
export { computeCreatinineClearance, cockcroftGaultKernel, COCKCROFT_GAULT_FEMALE_FACTOR } from './creatinineClearance.js';
