/**
 * Calendar dates as whole day numbers (days since 1970-01-01, UTC), so date arithmetic in the clinical
 * core is integer arithmetic with no time zones and no clock. Study days follow the CDISC convention:
 * day 1 is the reference date, the day before it is day -1 (there is no day 0).
 */
export type DayNumber = number;

/** The value of the ASCII digit at `index`, or -1. */
function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/** The number written by the four (or two) ASCII digits at `index`, or -1. */
function digitsAt(text: string, index: number, count: 2 | 4): number {
  let value = 0;
  for (let i = index; i < index + count; i += 1) {
    const digit = digitAt(text, i);
    if (digit < 0) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * 'YYYY-MM-DD' -> day number, or null when the text is not a real calendar date (e.g. 2022-02-30).
 * Read digit by digit and counted in the proleptic Gregorian calendar (days_from_civil), with no RegExp
 * and no Date object: ADaM derivations of a large trial parse millions of dates. Years before 100 stay
 * refused, as they were when Date.UTC (which reads them as 19xx) checked the date.
 */
export function parseIsoDate(text: string): DayNumber | null {
  const value = typeof text === 'string' ? text : String(text);
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1) return null;
  const monthDays = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > monthDays) return null;
  // days_from_civil (H. Hinnant): March-based years, so the leap day ends a year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Day number -> 'YYYY-MM-DD'. */
export function formatIsoDate(day: DayNumber): string {
  // Remembered: the derivations of a large trial write the same few thousand dates millions of times.
  let text = FORMATTED.get(day);
  if (text === undefined) {
    text = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (FORMATTED.size >= 100_000) FORMATTED.clear();
    FORMATTED.set(day, text);
  }
  return text;
}

/** formatIsoDate's results by day number (a pure function's: the same with or without this). */
const FORMATTED = new Map<DayNumber, string>();

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: DayNumber, to: DayNumber): number {
  return to - from;
}

/** CDISC study day of `date` relative to `reference` (day 1 = reference date; no day 0). */
export function studyDay(date: DayNumber, reference: DayNumber): number {
  const diff = date - reference;
  return diff >= 0 ? diff + 1 : diff;
}

/** Days in an average month (365.25 / 12), the convention of SAS and R analyses reporting months. */
export const DAYS_PER_MONTH = 365.25 / 12;

/** Days -> months on the 365.25/12 convention. */
export function daysToMonths(days: number): number {
  return days / DAYS_PER_MONTH;
}

/** Whole years of age on `date` for someone born on `birth` (birthday counted on the day itself). */
export function ageInYears(birth: DayNumber, date: DayNumber): number {
  const b = new Date(birth * 86_400_000);
  const d = new Date(date * 86_400_000);
  let age = d.getUTCFullYear() - b.getUTCFullYear();
  const beforeBirthday =
    d.getUTCMonth() < b.getUTCMonth() || (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}
