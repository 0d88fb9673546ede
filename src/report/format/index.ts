// The one formatting module of the report: typed report values to text, as the paper prints them. Read by
// every renderer (HTML, DOCX, CSV, figures) and by the key-results summary; the models only use it for labels.
export * from './formatValue.js';
