// RET-CABO-2 (example protocol modelled on NCT01639508: cabozantinib in RET fusion-positive NSCLC,
// RECIST 1.1 by IRC, Simon two-stage): the definition and its worked examples.
export { RET_CABO_2_PROTOCOL } from './protocol.js';
export { RET_CABO_2_ELIGIBILITY, RET_CABO_2_CRITERIA_EXAMPLES } from './eligibility.js';
export { RET_CABO_2_REGIMEN, RET_CABO_2_DOSE_EXAMPLES } from './regimen.js';
export { RET_CABO_2_ANALYSIS_PLAN } from './analysisPlan.js';
export { RET_CABO_2_DEMO } from './demo/index.js';
