// The HTML report: one self-contained file with CSR-styled tables, inline SVG figures and traceability.
export { HTML_FIGURE_LINKS, subjectAnchor, subjectListAnchor } from './anchors/index.js';
export { escapeHtml } from './escapeHtml.js';
export { REPORT_CSS } from './reportStyles.js';
export type { ReportHtmlOptions } from './renderReportHtml.js';
export { renderReportHtml, renderReportHtmlParts } from './renderReportHtml.js';
export type { SubjectRecords } from './renderSubjectProfile.js';
export { renderSubjectProfile } from './renderSubjectProfile.js';
