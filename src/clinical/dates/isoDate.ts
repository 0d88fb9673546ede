/**
 * Calendar dates as whole day numbers (days since 1970-01-01, UTC), so date arithmetic in the clinical
 * core is integer arithmetic with no time zones and no clock. Study days follow the CDISC convention:
 * day 1 is the reference date, the day before it is day -1 (there is no day 0).
 */
export type DayNumber = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' -> day number, or null when the text is not a real calendar date (e.g. 2022-02-30). */
export function parseIsoDate(text: string): DayNumber | null {
  const match = ISO_DATE.exec(text);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(ms / 86_400_000);
}

/** Day number -> 'YYYY-MM-DD'. */
export function formatIsoDate(day: DayNumber): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

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
