/**
 * The time-to-event targets the event-time search aims at, in months (Results and Figs. 3-5 of the paper;
 * ids of publication/published-results.json in comments). null = not reached. The search needs them as plain
 * numbers in its inner loop; computePlanTallies checks the plan against the JSON file itself.
 */
export interface CurveTarget {
  readonly median: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Landmark rates with their printed 95% CI (log-log), percent. */
  readonly rates?: readonly (readonly [months: number, percent: number, lower: number, upper: number])[];
}

export const CURVE_TARGETS = {
  pfs: { median: 6.05, lower: 3.78, upper: 8.54, rates: [[6, 51.0, 39.5, 61.4], [12, 31.0, 20.8, 41.7]] }, // km.pfs.overall.*
  pfsIssI: { median: 11.07, lower: 6.37, upper: null }, // km.pfs.iss.I.median
  pfsIssII: { median: 6.18, lower: 2.63, upper: null },
  pfsIssIII: { median: 3.78, lower: 1.87, upper: 5.55 },
  pfsRissI: { median: null, lower: 6.37, upper: null },
  pfsRissII: { median: 5.75, lower: 3.55, upper: 11.07 },
  pfsRissIII: { median: 3.78, lower: 1.54, upper: 6.54 },
  os: { median: 18.56, lower: 14.16, upper: null, rates: [[6, 81.5, 71.3, 88.4], [12, 68.4, 57.3, 77.7]] }, // km.os.overall.*
  osIssI: { median: 19.38, lower: null, upper: null },
  osIssII: { median: 18.56, lower: 9.07, upper: null },
  osIssIII: { median: 11.83, lower: 6.31, upper: 15.18 },
  osRissI: { median: null, lower: 14.16, upper: null },
  osRissII: { median: 18.56, lower: 13.8, upper: null },
  osRissIII: { median: 7.95, lower: 4.57, upper: 15.18 },
  dor: { median: 12.98, lower: 8.74, upper: null, rates: [[3, 93.6, 76.6, 98.4], [6, 77.2, 58.0, 88.4]] }, // km.dor.overall.*
  followUp: { median: 13.24, lower: 10.81, upper: 14.42 }, // km.followup.median
  treatment: { median: 5.82, lower: 3.98, upper: 7.16 }, // disposition.treatment_duration.median
} as const satisfies Record<string, CurveTarget>;

/** Log-rank P values (logrank.*); `below` = the paper prints "< value". */
export const LOGRANK_TARGETS = {
  pfsIssIvsIII: { p: 0.0001, below: true },
  pfsIssIIvsIII: { p: 0.0056, below: false },
  osIssIvsIII: { p: 0.0003, below: false },
  pfsRissIvsIII: { p: 0.0002, below: false },
  osRissIvsIII: { p: 0.0003, below: false },
  osRissIIvsIII: { p: 0.0304, below: false },
} as const;
