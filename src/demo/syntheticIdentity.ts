import type { SeededRandom } from './seededRandom.js';
import { shiftDate } from './studyDate.js';

/** CRF subject id '<site>-<sequence>' from a plan's screening number ('S007' at site C12 -> 'C12-007'). */
export function crfSubjectId(siteId: string, screeningNumber: string): string {
  return `${siteId}-${screeningNumber.replace(/\D/g, '')}`;
}

/** A birth date that makes the subject `age` whole years old on `date` (birthday 1-330 days before it). */
export function birthDateFor(date: string, age: number, random: SeededRandom): string {
  const [year, month, day] = date.split('-');
  const anniversary = `${String(Number(year) - age).padStart(4, '0')}-${month}-${month === '02' && day === '29' ? '28' : day}`;
  return shiftDate(anniversary, -random.int(1, 330));
}
