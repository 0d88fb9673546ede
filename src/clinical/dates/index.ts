export type { DayNumber } from './isoDate.js';
export { parseIsoDate, formatIsoDate, daysBetween, studyDay, DAYS_PER_MONTH, daysToMonths, ageInYears } from './isoDate.js';
