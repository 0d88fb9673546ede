// NCT05236621 (pomalidomide + low-dose dexamethasone in relapsed/refractory multiple myeloma): the
// protocol definition, its worked examples and its fixtures.
export { NCT05236621_PROTOCOL } from './protocol.js';
export { NCT05236621_ELIGIBILITY, NCT05236621_CRITERIA_EXAMPLES } from './eligibility.js';
export { NCT05236621_REGIMEN, NCT05236621_DOSE_EXAMPLES } from './regimen.js';
export { NCT05236621_ANALYSIS_PLAN } from './analysisPlan.js';
