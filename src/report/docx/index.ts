// DOCX renderer: the report as a Word document with native tables and named styles a medical writer can restyle.
export type { ReportDocxOptions } from './renderReportDocx.js';
export { renderReportDocx, reportDocxDocument, reportDocxParts } from './renderReportDocx.js';
export { docxPackageParts } from './docxPackageParts.js';
export { DOCX_STYLE } from './docxStyles.js';
export { completeReportDocx, draftReportDocx, type ReportDocxDraft } from './draftReportDocx.js';
