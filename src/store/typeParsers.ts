/** Result parsers shared by both adapters so a row has the same JS types on either engine. */

export const INT8_OID = 20;
export const DATE_OID = 1082;

/** int8 ids and counts as JS numbers; refuses silently losing precision. */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} exceeds Number.MAX_SAFE_INTEGER`);
  return value;
}

/** A date stays 'YYYY-MM-DD': a JS Date would shift it by the process time zone. */
export function parseDate(text: string): string {
  return text;
}
