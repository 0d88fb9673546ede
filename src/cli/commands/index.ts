import type { CommandEntry } from '../command.js';

/** Every CLI command, in the order `trialkit --help` lists them; each module loads on first use. */
export const commands: readonly CommandEntry[] = [
  { name: 'km', summary: 'Kaplan-Meier curves, median and landmark survival with CIs, log-rank test, RMST, median follow-up', load: async () => (await import('./km.js')).kmCommand },
  { name: 'cox', summary: 'Cox proportional hazards regression (hazard ratios, LR/Wald/score tests), as R coxph', load: async () => (await import('./cox.js')).coxCommand },
  { name: 'cif', summary: 'cumulative incidence with competing risks (Aalen-Johansen) and Gray\'s test, as R cmprsk::cuminc', load: async () => (await import('./cif.js')).cifCommand },
  { name: 'binom', summary: 'Response rate with Clopper-Pearson exact CI and the exact binomial test, as R binom.test', load: async () => (await import('./binom.js')).binomCommand },
  { name: 'fisher', summary: "Fisher's exact test of a 2 x 2 table (p, conditional MLE odds ratio and exact CI), as R fisher.test", load: async () => (await import('./fisher.js')).fisherCommand },
  { name: 'samplesize', summary: 'Single-arm sample size: exact binomial one-stage and Simon two-stage designs with their operating characteristics', load: async () => (await import('./samplesize.js')).samplesizeCommand },
  { name: 'protocols', summary: 'list the protocols this trialkit runs (one folder each in src/protocols)', load: async () => (await import('./protocols.js')).protocolsCommand },
  { name: 'protocol', summary: "check a protocol's definition for consistency (protocol check <id>)", load: async () => (await import('./protocol.js')).protocolCommand },
  { name: 'eligibility', summary: "screen a patient record (JSON) against a protocol's eligibility criteria", load: async () => (await import('./eligibility.js')).eligibilityCommand },
  { name: 'imwg', summary: 'IMWG 2016 response per assessment, best confirmed response, first response and progression dates', load: async () => (await import('./imwg.js')).imwgCommand },
  { name: 'recist', summary: 'RECIST 1.1 response per assessment (target, non-target, overall), confirmed best overall response, first response and progression dates', load: async () => (await import('./recist.js')).recistCommand },
  { name: 'ctcae', summary: 'CTCAE v5.0 grades of laboratory values (with unit conversion, LLN/ULN and baseline rules)', load: async () => (await import('./ctcae.js')).ctcaeCommand },
  { name: 'report', summary: 'the trial report: CSR tables and figures as HTML (traceable counts), PDF, DOCX, CSV, SVG and PNG', load: async () => (await import('./report.js')).reportCommand },
  { name: 'reproduce', summary: 'reproduce every published result of the paper on the demo trial (match, close, differs, not computed)', load: async () => (await import('./reproduce.js')).reproduceCommand },
  { name: 'cdisc', summary: 'the CDISC submission package: SDTM and ADaM XPT files with define.xml (--out <dir>), conformance checks (--check <dir>)', load: async () => (await import('./cdisc.js')).cdiscCommand },
  { name: 'serve', summary: 'run the EDC server (REST API under /api/v1, OpenAPI document) on the embedded store or DATABASE_URL', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'audit', summary: 'verify the EDC audit trail (hash chain, signed checkpoints, replay against the tables) or a snapshot evidence bundle offline; export one', load: async () => (await import('./audit.js')).auditCommand },
];
