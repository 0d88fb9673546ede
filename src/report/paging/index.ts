// Paging of report tables for printed formats (PDF, DOCX, RTF): text widths from font metrics, the page
// orientation and column panels of a table, and its pages of whole rows under a repeated header.
export * from './textWidth.js';
export * from './pageGeometry.js';
export * from './planTableLayout.js';
export * from './paginateTable.js';
