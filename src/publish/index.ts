// Publishing the report: load a trial, derive, render every format and write the files. chromium.ts
// (PDF and PNG through headless Chromium) is loaded on demand by writeReport, so that a report without
// PDF or PNG does not pay for loading playwright-core.
export type { KeyResult } from './keyResults.js';
export { keyResults } from './keyResults.js';
export type { TrialSource, TrialSourceOptions } from './trialSource.js';
export { loadTrialSource, loadTrialSourceAsync, protocolById, storedTrialSource } from './trialSource.js';
export type { ReportEdition, ReportFormat, ReportProgress, WriteReportOptions, WriteReportResult } from './writeReport.js';
export { REPORT_FORMATS, REPORT_TITLE, writeReport } from './writeReport.js';
export type { DemoTrialCacheOptions } from './demoTrialCache.js';
export { loadCachedDemoTrial, loadDemoPlan } from './demoTrialCache.js';
export { buildCdiscPackage, CDISC_SOURCE_SYSTEM } from './buildCdiscPackage.js';
export type { DosDateTime, ZipContainerEntry } from './zipContainer.js';
export { dosDateTime, writeZipContainer } from './zipContainer.js';
