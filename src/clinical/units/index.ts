export type { LabAnalyte } from './labAnalyte.js';
export { STANDARD_UNITS, LAB_ANALYTES, isLabAnalyte } from './labAnalyte.js';
export type { LabUnitDefinition } from './labUnitConversions.js';
export { LAB_UNIT_CONVERSIONS } from './labUnitConversions.js';
export { normaliseUnit, parseUnit, acceptedUnits } from './normaliseUnit.js';
export { convertLabValue, convertToStandardUnit, roundSignificant } from './convertLabValue.js';
export type { LabPlausibilityLimit } from './labPlausibility.js';
export { LAB_PLAUSIBILITY_LIMITS, LAB_PLAUSIBILITY_VERSION, labPlausibilityLimit } from './labPlausibility.js';
