// The report layer: immutable report models (tables, figure data) computed from the analysis datasets;
// renderers (HTML, PDF, DOCX, CSV, SVG) read these models.
export * from './model/index.js';
