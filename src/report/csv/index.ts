// CSV renderer: one RFC 4180 file per report table, with the printed text, the raw value and the subjects of each cell.
export type { ReportCsvFile, ReportCsvOptions, ReportCsvParts } from './renderReportCsv.js';
export { renderReportCsv, renderReportCsvParts } from './renderReportCsv.js';
