// The formats of the report, in a module of their own so that the CLI reads them without loading writeReport.
export const REPORT_FORMATS = ['html', 'pdf', 'docx', 'rtf', 'csv', 'svg', 'png'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
