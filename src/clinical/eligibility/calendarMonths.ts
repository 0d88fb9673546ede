import type { DayNumber } from '../dates/index.js';

/**
 * The same calendar day `months` months later (negative: earlier), clamped to the month's last day
 * (2024-02-29 minus 12 months is 2023-02-28). Calendar arithmetic, not 30-day months, because protocols
 * count "12 months before enrolment" on the calendar.
 */
export function addCalendarMonths(day: DayNumber, months: number): DayNumber {
  const date = new Date(day * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const target = Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay));
  return Math.round(target / 86_400_000);
}
