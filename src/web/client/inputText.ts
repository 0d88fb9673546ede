// What a site types into a date or a number, read without ambiguity. Dates are shown DD-MMM-YYYY
// (06-DEC-2026: no reader can take the day for the month) and stored ISO; a number may use the decimal
// comma where the browser's locale writes one, and text a thousands separator could have written ("1,234")
// is refused with words, never guessed. Pure (no DOM): tested in Node.

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

/** An ISO date (YYYY-MM-DD) as DD-MMM-YYYY; any other text is returned as it is. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return iso;
  const month = MONTHS[Number(match[2]) - 1] as string | undefined;
  return month === undefined ? iso : `${match[3]}-${month}-${match[1]}`;
}

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

function realDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const iso = (year: number, month: number, day: number): string => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * A typed date: DD-MMM-YYYY (the month as its three letters, any case; 6-Dec-2026 too) or ISO YYYY-MM-DD.
 * Anything with the month as a number in the middle (06/12/2026, 12-06-2026) is refused: it reads as two
 * different days in two countries.
 */
export function parseDateText(text: string): Read<string> {
  const trimmed = text.trim();
  const dmy = /^(\d{1,2})[- ]([A-Za-z]{3})[- ](\d{4})$/.exec(trimmed);
  if (dmy !== null) {
    const month = MONTHS.indexOf(dmy[2].toUpperCase() as (typeof MONTHS)[number]) + 1;
    if (month === 0) return { ok: false, message: `"${dmy[2]}" is not a month: write its first three letters, e.g. 06-DEC-2026` };
    const day = Number(dmy[1]);
    const year = Number(dmy[3]);
    if (!realDate(year, month, day)) return { ok: false, message: `${trimmed} is not a day of the calendar` };
    return { ok: true, value: iso(year, month, day) };
  }
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (ymd !== null) {
    const [year, month, day] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    if (!realDate(year, month, day)) return { ok: false, message: `${trimmed} is not a day of the calendar` };
    return { ok: true, value: iso(year, month, day) };
  }
  return { ok: false, message: 'Write the date as day-month-year with the month in letters, e.g. 06-DEC-2026' };
}

/** The decimal mark of a locale ('.' or ','), from how it writes 1.5. */
export function decimalMarkOf(locales?: string | readonly string[]): '.' | ',' {
  const part = new Intl.NumberFormat(locales as string | string[] | undefined).formatToParts(1.5).find((p) => p.type === 'decimal');
  return part?.value === ',' ? ',' : '.';
}

/**
 * A typed number. The point is always a decimal mark; the comma is one only where the locale writes it
 * (decimalMark ','). Text a thousands separator could have written is refused: a comma or a point followed by
 * exactly three digits in a locale whose grouping uses it (1,234 anywhere; 1.234 where the comma is the
 * decimal mark), both marks at once, or a space between digits.
 */
export function parseDecimalText(text: string, decimalMark: '.' | ','): Read<number> {
  const trimmed = text.trim();
  if (/\d\s+\d/.test(trimmed)) return { ok: false, message: `Write ${trimmed} without spaces: no thousands separators` };
  if (trimmed.includes(',') && trimmed.includes('.')) return { ok: false, message: `${trimmed} has both a comma and a point: write the number with one decimal mark and no thousands separators` };
  if (/^[-+]?\d+,\d{3}$/.test(trimmed)) {
    const whole = trimmed.replace(',', '');
    const decimal = trimmed.replace(',', '.');
    return { ok: false, message: `${trimmed} could be ${whole} or ${decimal}: write ${whole} for the whole number${decimalMark === ',' ? `, or ${decimal} for the decimal` : ` or ${decimal}`}` };
  }
  if (decimalMark === ',' && /^[-+]?\d+\.\d{3}$/.test(trimmed)) {
    const whole = trimmed.replace('.', '');
    return { ok: false, message: `${trimmed} could be ${whole} or ${trimmed.replace('.', ',')}: write ${whole} for the whole number, or ${trimmed.replace('.', ',')} for the decimal` };
  }
  if (trimmed.includes(',') && decimalMark === '.') return { ok: false, message: `Write the decimal with a point, e.g. ${trimmed.replace(',', '.')}` };
  const normal = decimalMark === ',' ? trimmed.replace(',', '.') : trimmed;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) return { ok: false, message: `${trimmed} is not a number: enter digits${decimalMark === ',' ? ' with a decimal comma or point' : ' with a decimal point'}, e.g. ${decimalMark === ',' ? '12,5' : '12.5'}` };
  return { ok: true, value: Number(normal) };
}
