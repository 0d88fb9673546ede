// Loading the trial to report on, without the rest of publish: its index also loads the CDISC package
// builder (cdisc/*, fast-xml-parser), which `trialkit report` and `reproduce` never use (about 0.1-0.2 s of
// module loading on the report's critical path, before the derivations can start).
export type { TrialSource, TrialSourceOptions } from '../trialSource.js';
export { loadTrialSource, loadTrialSourceAsync, storedTrialSource } from '../trialSource.js';
