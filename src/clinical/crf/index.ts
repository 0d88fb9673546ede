// The raw case report forms of the trial (EDC model): zod schemas, their types and fixture builders.
export * from './codelists.js';
export * from './forms.js';
export { trialDataSchema, validateTrialData } from './trialData.js';
export type { TrialData, TrialDataInput } from './trialData.js';
export { addDays, cycleDay, exampleDosing, exampleAssessments, exampleSubject, exampleTrial } from './exampleTrial.js';
export type { ExampleDosingOptions, ExampleSubjectOptions } from './exampleTrial.js';
