/**
 * A field's value as text for messages and identifiers: strings as written, numbers and booleans as
 * JavaScript prints them, nothing as '', and structured values (lists, nested records) as JSON, so a
 * malformed row shows what it holds instead of "[object Object]".
 */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}
