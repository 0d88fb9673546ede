export type {
  CtcaeGradeValue,
  CtcaeToxicGrade,
  CtcaeReference,
  CtcaeBound,
  CtcaeCondition,
  CtcaeGradeRule,
  CtcaeRuleSet,
  CtcaeLabCriterion,
} from './ctcaeV5LabCriteria.js';
export { CTCAE_V5_LAB_CRITERIA, CTCAE_V5_STANDARD } from './ctcaeV5LabCriteria.js';
export { findCtcaeTerm, CTCAE_V5_LAB_TERMS } from './findCtcaeTerm.js';
export type { CtcaeGradeInput, CtcaeGrade } from './computeCtcaeGrade.js';
export { computeCtcaeGrade, gradeInStandardUnit } from './computeCtcaeGrade.js';
export type { CtcaeGradeRow } from './computeCtcaeGrades.js';
export { computeCtcaeGrades } from './computeCtcaeGrades.js';
export type { CtcaeExample } from './ctcaeV5LabCriteria.js';
export type { CtcaeSystemOrganClassEntry } from './ctcaeV5SystemOrganClasses.js';
export { CTCAE_V5_SOC_SOURCE, CTCAE_V5_SYSTEM_ORGAN_CLASSES } from './ctcaeV5SystemOrganClasses.js';
export { findCtcaeSystemOrganClass } from './findCtcaeSystemOrganClass.js';
