// RTF renderer: the report as RTF 1.x files (one per table, listing and figure, and a combined report),
// as sponsors' TLF pipelines deliver them.
export type { ReportRtfOptions, RtfFile } from './renderReportRtf.js';
export { renderReportRtf } from './renderReportRtf.js';
export { rtfText } from './rtfText.js';
