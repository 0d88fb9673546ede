import type { DayNumber } from '../dates/index.js';

/**
 * The PFS / DoR event-and-censoring rules of FDA guidance "Clinical Trial Endpoints for the Approval of
 * Cancer Drugs and Biologics" (2018), Table 4 (clinical-rules.md section 6), for any assessment schedule.
 *
 * Missed assessments. Disease is assessed every I days with a visit window of +-W days. After the last
 * adequate assessment L, the k-th scheduled assessment falls on L + kI and its window closes on
 * L + kI + W. An event on day E has followed m or more missed assessments when the window of the m-th one
 * closed before it: E - L > m x I + W. (Every 28 days, +-7, m = 2: more than 63 days.)
 */
export interface AssessmentSchedule {
  readonly intervalDays: number;
  readonly windowDays: number;
  readonly missedAssessments: number;
}

/** The largest gap (days) from the last adequate assessment at which an event still counts. */
export function computeMaxEventGapDays(schedule: AssessmentSchedule): number {
  return schedule.missedAssessments * schedule.intervalDays + schedule.windowDays;
}

/** The schedule of the worked examples below: every 28 days, +-7, two missed assessments. */
const EXAMPLE_SCHEDULE: AssessmentSchedule = Object.freeze({ intervalDays: 28, windowDays: 7, missedAssessments: 2 });
const MAX_EVENT_GAP_DAYS = computeMaxEventGapDays(EXAMPLE_SCHEDULE);

/** CNSR codes of ADTTE progression endpoints (0 = event). */
export const CENSORING = Object.freeze({
  event: 0,
  noEvent: 1,
  noAdequateAssessment: 2,
  newTherapy: 3,
  missedAssessments: 4,
} as const);

/** CNSDTDSC texts by CNSR code; the new therapy as the protocol names it (e.g. 'ANTICANCER THERAPY'). */
export function censoringDescriptions(newTherapyLabel: string, missedAssessments: number): Readonly<Record<number, string>> {
  return Object.freeze({
    1: 'NO PROGRESSION OR DEATH: LAST ADEQUATE ASSESSMENT',
    2: 'NO ADEQUATE POST-BASELINE ASSESSMENT: ORIGIN',
    3: `NEW ${newTherapyLabel.toUpperCase()}: LAST ADEQUATE ASSESSMENT ON OR BEFORE IT`,
    4: `EVENT AFTER ${missedAssessments} OR MORE MISSED ASSESSMENTS: LAST ADEQUATE ASSESSMENT`,
  });
}

export interface ProgressionInput {
  /** Day the clock starts (enrolment for PFS, first response for DoR). */
  readonly origin: DayNumber;
  /** Dates of adequate (evaluable, not NE) post-baseline assessments on or before the cutoff. */
  readonly adequateAssessments: readonly DayNumber[];
  readonly progression: DayNumber | null;
  readonly death: DayNumber | null;
  readonly newTherapy: DayNumber | null;
}

export interface ProgressionOutcome {
  /** The day the subject's time ends (event or censoring). */
  readonly endDay: DayNumber;
  readonly cnsr: number;
  readonly event: 'PROGRESSIVE DISEASE' | 'DEATH' | null;
}

/**
 * Applies the rules in order: the first of progression and death is the candidate event; new therapy on
 * or before it (or with no event) censors at the last adequate assessment on or before the new therapy;
 * an event more than computeMaxEventGapDays(schedule) after the last adequate assessment before it (the
 * origin when there is none, so that a death before the first scheduled assessment counts) censors at that
 * assessment; with no event, censor at the last adequate assessment, or at the origin when there is none.
 * Censoring never falls before the origin.
 */
export function progressionOutcome(input: ProgressionInput, schedule: AssessmentSchedule): ProgressionOutcome {
  const maxGap = computeMaxEventGapDays(schedule);
  const { origin } = input;
  const assessments = input.adequateAssessments.filter((day) => day >= origin).slice().sort((a, b) => a - b);
  const lastOnOrBefore = (limit: DayNumber): DayNumber | null => {
    let found: DayNumber | null = null;
    for (const day of assessments) if (day <= limit) found = day;
    return found;
  };
  const lastBefore = (limit: DayNumber): DayNumber | null => {
    let found: DayNumber | null = null;
    for (const day of assessments) if (day < limit) found = day;
    return found;
  };

  let eventDay: DayNumber | null = null;
  let event: ProgressionOutcome['event'] = null;
  if (input.progression !== null && (input.death === null || input.progression <= input.death)) {
    eventDay = input.progression;
    event = 'PROGRESSIVE DISEASE';
  } else if (input.death !== null) {
    eventDay = input.death;
    event = 'DEATH';
  }

  if (input.newTherapy !== null && (eventDay === null || input.newTherapy < eventDay)) {
    const last = lastOnOrBefore(input.newTherapy);
    return last === null
      ? { endDay: origin, cnsr: CENSORING.noAdequateAssessment, event: null }
      : { endDay: last, cnsr: CENSORING.newTherapy, event: null };
  }

  if (eventDay !== null) {
    const last = lastBefore(eventDay);
    const reference = last ?? origin;
    if (eventDay - reference > maxGap) {
      return { endDay: last ?? origin, cnsr: CENSORING.missedAssessments, event: null };
    }
    return { endDay: Math.max(eventDay, origin), cnsr: CENSORING.event, event };
  }

  const last = assessments.at(-1) ?? null;
  return last === null
    ? { endDay: origin, cnsr: CENSORING.noAdequateAssessment, event: null }
    : { endDay: last, cnsr: CENSORING.noEvent, event: null };
}

/** A worked example of one PFS rule: day numbers with the origin (enrolment) on day 1000. */
export interface ProgressionExample {
  readonly rule: string;
  readonly schedule: AssessmentSchedule;
  readonly input: ProgressionInput;
  readonly expected: ProgressionOutcome;
  readonly why: string;
}

const ORIGIN = 1000;

/**
 * One worked example per PFS censoring rule (FDA 2018, Table 4; clinical-rules.md section 6), for a
 * reader of progressionOutcome, on a schedule of assessments every 28 days (+-7 days, two missed).
 * Executed by endpointRulesExamples.test.ts, so they cannot drift.
 */
export const PFS_CENSORING_EXAMPLES: readonly ProgressionExample[] = Object.freeze([
  {
    rule: 'no progression or death',
    schedule: EXAMPLE_SCHEDULE,
    input: { origin: ORIGIN, adequateAssessments: [1028, 1056, 1084], progression: null, death: null, newTherapy: null },
    expected: { endDay: 1084, cnsr: CENSORING.noEvent, event: null },
    why: 'no event: censored at the last adequate assessment (day 1084)',
  },
  {
    rule: 'progression on schedule',
    schedule: EXAMPLE_SCHEDULE,
    input: { origin: ORIGIN, adequateAssessments: [1028, 1056, 1084], progression: 1084, death: null, newTherapy: null },
    expected: { endDay: 1084, cnsr: CENSORING.event, event: 'PROGRESSIVE DISEASE' },
    why: 'progression 28 days after the last adequate assessment: an event on its date',
  },
  {
    rule: 'new anticancer therapy before progression',
    schedule: EXAMPLE_SCHEDULE,
    input: { origin: ORIGIN, adequateAssessments: [1028, 1056, 1084, 1112], progression: 1112, death: null, newTherapy: 1070 },
    expected: { endDay: 1056, cnsr: CENSORING.newTherapy, event: null },
    why: 'new therapy on day 1070 precedes the progression: censored at the last adequate assessment on or before it (1056)',
  },
  {
    rule: 'event after two or more missed assessments',
    schedule: EXAMPLE_SCHEDULE,
    input: { origin: ORIGIN, adequateAssessments: [1028, 1056], progression: 1120, death: null, newTherapy: null },
    expected: { endDay: 1056, cnsr: CENSORING.missedAssessments, event: null },
    why: `progression 64 days after the last adequate assessment (> ${MAX_EVENT_GAP_DAYS} = 2 x 28 + 7): the assessments due on 1084 and 1112 were missed, so censored at 1056`,
  },
  {
    rule: 'event within the window of the second assessment',
    schedule: EXAMPLE_SCHEDULE,
    input: { origin: ORIGIN, adequateAssessments: [1028, 1056], progression: 1119, death: null, newTherapy: null },
    expected: { endDay: 1119, cnsr: CENSORING.event, event: 'PROGRESSIVE DISEASE' },
    why: `63 days after the last adequate assessment is still in the second window (boundary: not > ${MAX_EVENT_GAP_DAYS}): an event`,
  },
  {
    rule: 'no post-baseline assessment',
    schedule: EXAMPLE_SCHEDULE,
    input: { origin: ORIGIN, adequateAssessments: [], progression: null, death: null, newTherapy: null },
    expected: { endDay: ORIGIN, cnsr: CENSORING.noAdequateAssessment, event: null },
    why: 'no adequate post-baseline assessment and no death: censored at the origin (day 1)',
  },
  {
    rule: 'death before the first assessment',
    schedule: EXAMPLE_SCHEDULE,
    input: { origin: ORIGIN, adequateAssessments: [], progression: null, death: 1020, newTherapy: null },
    expected: { endDay: 1020, cnsr: CENSORING.event, event: 'DEATH' },
    why: 'death 20 days after the origin, before any assessment was due to be missed: an event',
  },
] satisfies ProgressionExample[]);
