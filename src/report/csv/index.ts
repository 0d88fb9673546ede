// CSV renderer: one RFC 4180 file per report table, with the printed text, the raw value and the subjects of each cell.
export type { ReportCsvFile, ReportCsvOptions } from './renderReportCsv.js';
export { renderReportCsv } from './renderReportCsv.js';
