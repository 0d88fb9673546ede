// The case report forms: metadata (fields, code lists, limits), the schema built from it, the standard
// oncology forms, the typed records the derivations read, and fixture builders.
export * from './codelists.js';
export type * from './formDefinition.js';
export { recordDateOf } from './recordDate.js';
export type * from './forms.js';
export { IRC_ADJUDICATION_SCOPES } from './forms.js';
export { createFormSchema, createFormSchemas, isoDateText, isWellFormedText } from './createFormSchema.js';
export type { FormSchemaOptions } from './createFormSchema.js';
export * from './fieldBuilders.js';
export { createStandardForms, createRegimenCodelists } from './standardForms.js';
export type { RegimenDrugName, StandardFormsInput } from './standardForms.js';
export { validateTrialData, diseaseFormRows, SUBJECT_RECORD_KEYS } from './trialData.js';
export type { TrialData, FormCatalogue } from './trialData.js';
export { addDays, cycleDay, exampleSubject, exampleTrial } from './exampleTrial.js';
export type { ExampleSubjectOptions } from './exampleTrial.js';
export { fieldText } from './fieldText.js';
export { createProtocolDeviationForm, DEVIATION_SEVERITY_CODELIST, findDeviationForm, PROTOCOL_DEVIATION_DOMAIN, readProtocolDeviations } from './protocolDeviationForm.js';
export type { ProtocolDeviation, ProtocolDeviationFormInput } from './protocolDeviationForm.js';
