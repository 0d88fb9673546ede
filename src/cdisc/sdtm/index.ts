export { createSdtmDatasets, SDTMIG_STANDARD_ID, STANDARD_FIELDS_NOT_MAPPED, type SdtmDatasets } from './createSdtmDatasets.js';
export { computeVisit, repeatingVisitLabel } from './computeVisit.js';
export { mapAnnotatedForms, unannotatedFields, submissionValue, formRecords } from './mapAnnotatedForms.js';
export { AE_OUTCOME_TERMS, LAB_TESTS, SDTM_CT, EVALUATOR_TERMS, CL_AGEU, CL_NY, CL_OUT, CL_RACE, CL_SEX } from './sdtmTerminology.js';
