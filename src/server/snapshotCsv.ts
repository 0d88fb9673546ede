import { flattenRecordData, type SnapshotTables } from './snapshotTables.js';

/** Quotes a cell when RFC 4180 needs it (comma, quote, line break) or when spaces at its ends would be lost. */
function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const FIXED_COLUMNS = ['subjectId', 'siteId', 'recordId', 'recordVersion', 'recordVisit'] as const;

/**
 * The records of one form type in a snapshot as CSV (RFC 4180, CRLF line ends): the record's identity
 * columns, then one column per answer in the order the answers first appear (nested answers as dot
 * paths). A missing answer is an empty cell.
 */
export function snapshotFormCsv(tables: SnapshotTables, formType: string): string {
  const siteOf = new Map(tables.subjects.map((s) => [s.subjectId, s.siteId]));
  const records = tables.records.filter((r) => r.formType === formType).map((r) => ({ record: r, fields: flattenRecordData(r.data) }));
  const fieldNames: string[] = [];
  const seen = new Set<string>(FIXED_COLUMNS);
  for (const { fields } of records) {
    for (const name of fields.keys()) {
      if (!seen.has(name)) {
        seen.add(name);
        fieldNames.push(name);
      }
    }
  }
  const lines = [[...FIXED_COLUMNS, ...fieldNames].map(csvCell).join(',')];
  for (const { record, fields } of records) {
    const fixed = [record.subjectId, siteOf.get(record.subjectId) ?? '', String(record.recordId), String(record.version), record.visit ?? ''];
    const answers = fieldNames.map((name) => {
      const value = fields.get(name);
      return value === undefined ? '' : String(value);
    });
    lines.push([...fixed, ...answers].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
