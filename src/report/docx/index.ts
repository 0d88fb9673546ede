// DOCX renderer: the report as a Word document with native tables and named styles a medical writer can restyle.
export type { ReportDocxOptions } from './renderReportDocx.js';
export { renderReportDocx } from './renderReportDocx.js';
export { DOCX_STYLE } from './docxStyles.js';
