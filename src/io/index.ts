export type { CsvTable } from './readCsv.js';
export { readCsvFile, parseCsvText, columnIndex, columnValues } from './readCsv.js';
export { numericColumn, eventColumn, labelColumn } from './columns.js';
export { readJsonFile } from './readJsonFile.js';
