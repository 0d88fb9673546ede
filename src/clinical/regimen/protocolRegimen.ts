/**
 * The NCT05236621 regimen as data (Zhou H et al. Ann Hematol 2023, doi:10.1007/s00277-023-05558-y:
 * Abstract; Methods "Procedures"; dose modification per MM-003 and the pomalidomide label as summarised in
 * clinical-rules.md section 5).
 *
 * Decisions:
 * - Elderly dexamethasone start: the abstract says 20 mg for "aged > 75 years", Methods say "aged at least
 *   75 years". We use > 75 (age 75 starts at 40 mg): it agrees with the abstract, with Table 1's age bands
 *   (">= 65 to <= 75" vs "> 75") and with the pomalidomide label and MM-003 (> 75 years).
 * - "A maximum treatment duration of 2 years" = 730 days from cycle 1 day 1, i.e. at most 26 complete
 *   28-day cycles (26 x 28 = 728 days; a 27th cycle would end on day 756).
 * - Cycle 1 day 1 is the enrolment date (the paper gives no gap between enrolment and first dose).
 */
export interface RegimenDefinition {
  readonly protocol: string;
  readonly source: string;
  readonly cycleLengthDays: number;
  readonly maxTreatmentDays: number;
  readonly maxCycles: number;
  /** Efficacy and safety assessments: this day of every cycle. */
  readonly assessmentCycleDay: number;
  /** Survival follow-up after the end of treatment: every 12 weeks. */
  readonly followUpIntervalDays: number;
  readonly pomalidomide: { readonly startMg: number; readonly doseDays: readonly number[]; readonly levelsMg: readonly number[] };
  readonly dexamethasone: {
    readonly startMg: number;
    readonly elderlyStartMg: number;
    /** Patients older than this (strictly) start at elderlyStartMg. */
    readonly elderlyOlderThanYears: number;
    readonly doseDays: readonly number[];
    /** Reduction ladder by starting dose. */
    readonly laddersMg: Readonly<Record<number, readonly number[]>>;
  };
}

function days(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_v, i) => from + i);
}

const CYCLE_LENGTH_DAYS = 28;
const MAX_TREATMENT_DAYS = 730;

export const PROTOCOL_REGIMEN: RegimenDefinition = deepFreeze({
  protocol: 'NCT05236621',
  source: 'Zhou H et al. Ann Hematol 2023 (Abstract; Methods "Procedures"); pomalidomide label / MM-003 for dose modification',
  cycleLengthDays: CYCLE_LENGTH_DAYS,
  maxTreatmentDays: MAX_TREATMENT_DAYS,
  maxCycles: Math.floor(MAX_TREATMENT_DAYS / CYCLE_LENGTH_DAYS),
  assessmentCycleDay: 1,
  followUpIntervalDays: 84,
  pomalidomide: { startMg: 4, doseDays: days(1, 21), levelsMg: [4, 3, 2, 1] },
  dexamethasone: {
    startMg: 40,
    elderlyStartMg: 20,
    elderlyOlderThanYears: 75,
    doseDays: [1, 8, 15, 22],
    laddersMg: { 40: [40, 20, 10], 20: [20, 12, 8] },
  },
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
