import type { DayNumber } from '../dates/index.js';

/**
 * The PFS / DoR event-and-censoring rules of FDA guidance "Clinical Trial Endpoints for the Approval of
 * Cancer Drugs and Biologics" (2018), Table 4, as the trial applies them (clinical-rules.md section 6).
 *
 * Missed assessments. Disease is assessed on day 1 of every 28-day cycle, with a visit window of +-7 days.
 * After the last adequate assessment L, the k-th scheduled assessment falls on L + 28k and its window
 * closes on L + 28k + 7. An event on day E has followed two or more missed assessments when the window
 * of the second one closed before it: E - L > 2 x 28 + 7 = 63 days. An event 57-63 days after L is in
 * the window of the second assessment (one missed), so it counts.
 */
export const ASSESSMENT_INTERVAL_DAYS = 28;
export const ASSESSMENT_WINDOW_DAYS = 7;
export const MISSED_ASSESSMENTS_FOR_CENSORING = 2;
export const MAX_EVENT_GAP_DAYS = MISSED_ASSESSMENTS_FOR_CENSORING * ASSESSMENT_INTERVAL_DAYS + ASSESSMENT_WINDOW_DAYS;

/** CNSR codes of ADTTE progression endpoints (0 = event). */
export const CENSORING = Object.freeze({
  event: 0,
  noEvent: 1,
  noAdequateAssessment: 2,
  newTherapy: 3,
  missedAssessments: 4,
} as const);

export const CENSORING_DESCRIPTIONS: Readonly<Record<number, string>> = Object.freeze({
  1: 'NO PROGRESSION OR DEATH: LAST ADEQUATE ASSESSMENT',
  2: 'NO ADEQUATE POST-BASELINE ASSESSMENT: ORIGIN',
  3: 'NEW ANTI-MYELOMA THERAPY: LAST ADEQUATE ASSESSMENT ON OR BEFORE IT',
  4: 'EVENT AFTER TWO OR MORE MISSED ASSESSMENTS: LAST ADEQUATE ASSESSMENT',
});

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
 * an event more than MAX_EVENT_GAP_DAYS after the last adequate assessment before it (the origin when
 * there is none, so that a death before the first scheduled assessment counts) censors at that
 * assessment; with no event, censor at the last adequate assessment, or at the origin when there is none.
 * Censoring never falls before the origin.
 */
export function progressionOutcome(input: ProgressionInput): ProgressionOutcome {
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
    if (eventDay - reference > MAX_EVENT_GAP_DAYS) {
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
  readonly input: ProgressionInput;
  readonly expected: ProgressionOutcome;
  readonly why: string;
}

const ORIGIN = 1000;

/**
 * One worked example per PFS censoring rule (FDA 2018, Table 4; clinical-rules.md section 6), for a
 * reader of progressionOutcome. Executed by endpointRulesExamples.test.ts, so they cannot drift.
 */
export const PFS_CENSORING_EXAMPLES: readonly ProgressionExample[] = Object.freeze([
  {
    rule: 'no progression or death',
    input: { origin: ORIGIN, adequateAssessments: [1028, 1056, 1084], progression: null, death: null, newTherapy: null },
    expected: { endDay: 1084, cnsr: CENSORING.noEvent, event: null },
    why: 'no event: censored at the last adequate assessment (day 1084)',
  },
  {
    rule: 'progression on schedule',
    input: { origin: ORIGIN, adequateAssessments: [1028, 1056, 1084], progression: 1084, death: null, newTherapy: null },
    expected: { endDay: 1084, cnsr: CENSORING.event, event: 'PROGRESSIVE DISEASE' },
    why: 'progression 28 days after the last adequate assessment: an event on its date',
  },
  {
    rule: 'new anti-myeloma therapy before progression',
    input: { origin: ORIGIN, adequateAssessments: [1028, 1056, 1084, 1112], progression: 1112, death: null, newTherapy: 1070 },
    expected: { endDay: 1056, cnsr: CENSORING.newTherapy, event: null },
    why: 'new therapy on day 1070 precedes the progression: censored at the last adequate assessment on or before it (1056)',
  },
  {
    rule: 'event after two or more missed assessments',
    input: { origin: ORIGIN, adequateAssessments: [1028, 1056], progression: 1120, death: null, newTherapy: null },
    expected: { endDay: 1056, cnsr: CENSORING.missedAssessments, event: null },
    why: `progression 64 days after the last adequate assessment (> ${MAX_EVENT_GAP_DAYS} = 2 x 28 + 7): the assessments due on 1084 and 1112 were missed, so censored at 1056`,
  },
  {
    rule: 'event within the window of the second assessment',
    input: { origin: ORIGIN, adequateAssessments: [1028, 1056], progression: 1119, death: null, newTherapy: null },
    expected: { endDay: 1119, cnsr: CENSORING.event, event: 'PROGRESSIVE DISEASE' },
    why: `63 days after the last adequate assessment is still in the second window (boundary: not > ${MAX_EVENT_GAP_DAYS}): an event`,
  },
  {
    rule: 'no post-baseline assessment',
    input: { origin: ORIGIN, adequateAssessments: [], progression: null, death: null, newTherapy: null },
    expected: { endDay: ORIGIN, cnsr: CENSORING.noAdequateAssessment, event: null },
    why: 'no adequate post-baseline assessment and no death: censored at the origin (day 1)',
  },
  {
    rule: 'death before the first assessment',
    input: { origin: ORIGIN, adequateAssessments: [], progression: null, death: 1020, newTherapy: null },
    expected: { endDay: 1020, cnsr: CENSORING.event, event: 'DEATH' },
    why: 'death 20 days after the origin, before any assessment was due to be missed: an event',
  },
] satisfies ProgressionExample[]);
