export { createSdtmDatasets, SDTMIG_STANDARD_ID, STANDARD_FIELDS_NOT_MAPPED, type SdtmDatasets } from './createSdtmDatasets.js';
export { computeVisit, repeatingVisitLabel } from './computeVisit.js';
export { mapAnnotatedForms, unannotatedFields, submissionValue, formRecords } from './mapAnnotatedForms.js';
export { LAB_TESTS, SDTM_CT, EVALUATOR_TERMS } from './sdtmTerminology.js';
