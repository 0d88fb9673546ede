export type { CheckFinding, CheckReport } from './types.js';
export { CHECK_RULES, ruleById, type CheckRule } from './rules.js';
export { checkCdiscPackage, type PackageFiles } from './checkCdiscPackage.js';
export { isIso8601DateTime } from './iso8601.js';
export { SDTMIG_3_4_REQUIRED, SDTMIG_3_4_CLASS_REQUIRED, ADAMIG_1_3_REQUIRED, sdtmRequiredVariables, adamRequiredVariables } from './requiredVariables.js';
export { readDefineSummary, type DefineSummary, type DefineDatasetSummary, type DefineVariableSummary } from './readDefineSummary.js';
