/**
 * The fields of the standard prior-therapy form (clinical/crf standardForms.ts) that the CM mapping writes
 * itself (mapAnticancerTherapy.ts); any other field on the form is the protocol's extension, mapped only through
 * its SDTM annotation and otherwise listed as unmapped.
 */
export const PRIOR_THERAPY_STANDARD_FIELDS: readonly string[] = ['lineNumber', 'agents', 'cycles', 'startDate', 'endDate', 'bestResponse', 'refractory', 'progressionDate'];
