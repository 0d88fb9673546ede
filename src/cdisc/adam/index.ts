export { createAdamSubmission, aeSeqKey, ADAMIG_STANDARD_ID } from './createAdamSubmission.js';
export { ADSL_VARIABLES, ADRS_VARIABLES, ADTR_VARIABLES, ADTTE_VARIABLES, ADAE_VARIABLES, ADLB_VARIABLES, ADEX_VARIABLES, type AdamVariableMeta } from './adamVariables.js';
