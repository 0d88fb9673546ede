import type { SasFormat } from './types.js';

// SAS format syntax as in the namestr record: [$]name, then width, a period, decimals. The name may not end in a
// digit, since trailing digits are the width (E8601DA10. is E8601DA, width 10).
const FORMAT = /^(\$?(?:[A-Z_](?:[A-Z0-9_]*[A-Z_])?)?)(\d*)\.(\d*)$/;

/** The longest width a namestr stores (a 16-bit field); SAS itself allows 32767. */
const MAX_WIDTH = 32767;
/** SAS allows at most 31 decimals. */
const MAX_DECIMALS = 31;

/**
 * Parses a SAS format or informat: `DATE9.` -> { name: 'DATE', width: 9, decimals: 0 }, `8.2` -> { name: '',
 * width: 8, decimals: 2 }, `$CHAR20.` -> { name: '$CHAR', width: 20, decimals: 0 }. Returns null for anything
 * else (lower case, no period, a name over 8 characters, decimals on a character format).
 */
export function parseSasFormat(text: string): SasFormat | null {
  const match = FORMAT.exec(text);
  if (match === null) return null;
  const name = match[1];
  const width = match[2] === '' ? 0 : Number(match[2]);
  const decimals = match[3] === '' ? 0 : Number(match[3]);
  if (name.length > 8 || width > MAX_WIDTH || decimals > MAX_DECIMALS) return null;
  if (name.startsWith('$') && match[3] !== '') return null;
  if (name === '' && width === 0) return null;
  return { name, width, decimals };
}

/** The text form of a parsed format, as SAS prints it: `DATE9.`, `8.2`, `$CHAR20.`. */
export function formatSasFormat(format: SasFormat): string {
  const width = format.width === 0 ? '' : String(format.width);
  const decimals = format.decimals === 0 ? '' : String(format.decimals);
  return `${format.name}${width}.${decimals}`;
}
