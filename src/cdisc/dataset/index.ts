export { createSubmissionDataset, asciiText, type SubmissionDataset, type SubmissionDatasetInput, type VariableSpec, type VariableKind, type VariableOrigin } from './createSubmissionDataset.js';
