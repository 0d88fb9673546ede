import { formatIsoDate, parseIsoDate } from '../clinical/index.js';
import type { SeededRandom } from './seededRandom.js';

/** The calendar a synthetic trial is laid out in: first and last screening dates and the data cutoff. */
export interface EnrolmentWindow {
  readonly firstScreeningDate: string;
  readonly lastScreeningDate: string;
  readonly dataCutoffDate: string;
}

function day(text: string): number {
  const value = parseIsoDate(text);
  if (value === null) throw new Error(`enrolment window date ${text} is not YYYY-MM-DD`);
  return value;
}

export interface ScreeningSlot {
  readonly screeningDay: number;
  readonly screeningDate: string;
  /** null for a screen failure. */
  readonly enrolmentDay: number | null;
}

export interface EnrolmentCalendar {
  /** All screenings in date order. */
  readonly screenings: readonly ScreeningSlot[];
  /** Enrolled slots in enrolment order: cutoff study day (cutoff - enrolment + 1) of each. */
  readonly enrolledCutoffDays: readonly number[];
  /** Index into `screenings` of each enrolled slot, same order. */
  readonly enrolledScreeningIndex: readonly number[];
}

/**
 * Screening dates from the window's first to its last screening date, front-loaded by `accrualPower` (> 1:
 * accrual slows after the first months, which lengthens the median follow-up), and enrolment 5-21 days
 * after screening. The last `lateSlots` screened subjects enrol within four weeks of the cutoff (a trial's
 * subjects without a post-baseline assessment); screen failures are never the first nor those last ones.
 * The draws are in a fixed order, so a calendar is a pure function of the random source's state.
 */
export function enrolmentCalendar(random: SeededRandom, window: EnrolmentWindow, screened: number, failures: number, lateSlots = 2, accrualPower = 1.5): EnrolmentCalendar {
  const first = day(window.firstScreeningDate);
  const last = day(window.lastScreeningDate);
  const cutoff = day(window.dataCutoffDate);
  const span = last - first;
  const days: number[] = [];
  for (let j = 0; j < screened; j++) {
    const u = screened === 1 ? 0 : j / (screened - 1);
    const base = first + Math.round(span * Math.pow(u, accrualPower));
    const jittered = j === 0 || j === screened - 1 ? base : Math.min(last, Math.max(first, base + random.int(-3, 3)));
    days.push(jittered);
  }
  days.sort((a, b) => a - b);
  // Screen failures: never the first nor the late screenings.
  const candidates = Array.from({ length: Math.max(0, screened - 1 - lateSlots) }, (_, k) => k + 1);
  const failing = new Set(random.shuffle(candidates).slice(0, failures));
  const screenings = days.map((d, j): ScreeningSlot => {
    if (failing.has(j)) return { screeningDay: d, screeningDate: formatIsoDate(d), enrolmentDay: null };
    const lateSlot = j >= screened - lateSlots;
    const enrol = Math.min(cutoff - 1, lateSlot ? Math.max(d + random.int(3, 7), cutoff - 24 + random.int(0, 4)) : d + random.int(5, 21));
    return { screeningDay: d, screeningDate: formatIsoDate(d), enrolmentDay: enrol };
  });
  const enrolledScreeningIndex = screenings
    .flatMap((s, j) => (s.enrolmentDay === null ? [] : [j]))
    .sort((a, b) => (screenings[a].enrolmentDay ?? 0) - (screenings[b].enrolmentDay ?? 0) || a - b);
  const enrolledCutoffDays = enrolledScreeningIndex.map((j) => cutoff - (screenings[j].enrolmentDay ?? cutoff) + 1);
  return { screenings, enrolledCutoffDays, enrolledScreeningIndex };
}
