/**
 * ISO 8601 date/time text as SDTM --DTC variables hold it (SDTMIG v3.4, "Date and time format"): complete or
 * truncated (2021, 2021-03, 2021-03-29, 2021-03-29T10, 2021-03-29T10:30, 2021-03-29T10:30:15.5), a missing
 * middle component written as a hyphen (2021---29, 2021-03-29T-:30), an optional time zone, and intervals of two
 * such values (a/b). Every component present must be a real value (no month 13, no 30 February).
 */

const DATE = /^(\d{4}|-)(?:-(\d{2}|-)(?:-(\d{2}|-))?)?$/;
const TIME = /^(\d{2}|-)(?::(\d{2}|-)(?::(\d{2}(?:\.\d+)?|-))?)?$/;
const ZONE = /(Z|[+-]\d{2}(?::\d{2})?)$/;

function inRange(text: string | undefined, min: number, max: number): boolean {
  if (text === undefined || text === '-') return true;
  const value = Number(text);
  return value >= min && value <= max;
}

function isValidDate(text: string): boolean {
  const match = DATE.exec(text);
  if (match === null) return false;
  const [, year, month, day] = match;
  if (year === '-' && month === undefined) return false;
  if (!inRange(month, 1, 12)) return false;
  if (day === undefined || day === '-') return true;
  const days = year !== '-' && month !== undefined && month !== '-' ? new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate() : 31;
  return inRange(day, 1, days);
}

function isValidTime(text: string): boolean {
  const match = TIME.exec(text.replace(ZONE, ''));
  if (match === null) return false;
  const [, hour, minute, second] = match;
  return inRange(hour, 0, 23) && inRange(minute, 0, 59) && inRange(second?.split('.')[0], 0, 59);
}

function isSingle(text: string): boolean {
  const [date, time, extra] = text.split('T');
  if (extra !== undefined || date === undefined || !isValidDate(date)) return false;
  if (time === undefined) return true;
  // a time needs a complete date before it, or the date's missing parts written as hyphens
  return date.split('-').length >= 3 && isValidTime(time);
}

/** Whether `text` is an ISO 8601 date/time (or interval) in the forms SDTM allows. Blank is not: check missing separately. */
export function isIso8601DateTime(text: string): boolean {
  const parts = text.split('/');
  if (parts.length > 2) return false;
  return parts.every((part) => part !== '' && isSingle(part));
}
