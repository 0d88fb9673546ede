import { formatIsoDate, parseIsoDate } from '../clinical/index.js';

// Rendering 10,000 subjects writes about a million dates; most repeat (shared enrolment and visit days),
// so both directions are memoised. Pure functions of their arguments: the caches only save work.
const parsed = new Map<string, number>();
const formatted = new Map<number, string>();

/** Day number of a date the renderer or the plan wrote ('YYYY-MM-DD'); throws on anything else. */
export function dayNumberOf(date: string): number {
  let day = parsed.get(date);
  if (day === undefined) {
    const value = parseIsoDate(date);
    if (value === null) throw new Error(`demo date ${date} is not YYYY-MM-DD`);
    day = value;
    parsed.set(date, day);
  }
  return day;
}

/** 'YYYY-MM-DD' of a day number. */
export function isoDateOf(day: number): string {
  let text = formatted.get(day);
  if (text === undefined) {
    text = formatIsoDate(day);
    formatted.set(day, text);
  }
  return text;
}

/** Calendar date of study day `studyDay` (day 1 = `enrolmentDate`). */
export function studyDate(enrolmentDate: string, studyDay: number): string {
  return isoDateOf(dayNumberOf(enrolmentDate) + studyDay - 1);
}

/** `date` plus `days` (may be negative). */
export function shiftDate(date: string, days: number): string {
  return isoDateOf(dayNumberOf(date) + days);
}
