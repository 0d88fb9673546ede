// The report layer: immutable report models (tables with keyed rows and typed values, figure data)
// computed from the analysis datasets and the protocol's analysis plan, the one formatting module, and the
// renderers that read them (charts as Vega-Lite/SVG, HTML, CSV, DOCX). Browser-made formats (PDF, PNG)
// and file writing live in the publish adapter.
export * from './model/index.js';
export * from './format/index.js';
export * from './charts/index.js';
export * from './html/index.js';
export * from './csv/index.js';
export * from './docx/index.js';
export * from './paging/index.js';
export * from './rtf/index.js';
