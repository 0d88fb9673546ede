import { estimateQuantity, publishedStatus, type PublishedResult, type ReproductionStatus } from '../../../reproduce/index.js';
import published from '../publication/published-results.json' with { type: 'json' };

/**
 * The printed survival rows the event-time search grades (Kaplan-Meier medians with their limits, landmark
 * rates with theirs, log-rank P values, median follow-up, treatment duration), by id, from the publication's
 * own published-results.json. The search grades them with publishedStatus, the status of the scoreboard's
 * compareToPublished by the same code without its notes, so a layout it calls "match" is one `trialkit reproduce`
 * calls "match" (given the same times).
 */
const ROWS: ReadonlyMap<string, PublishedResult> = new Map(
  (published.results as readonly PublishedResult[]).filter((r) => r.kind === 'km_median' || r.kind === 'km_rate' || r.method === 'log-rank').map((r) => [r.id, r]),
);

/** The printed row of a survival id; undefined for an id the publication does not print as one. */
export function publishedSurvivalRow(id: string): PublishedResult | undefined {
  return ROWS.get(id);
}

/** A row's status on the scoreboard and how far it is from the print (0 when every field is as printed). */
export interface SurvivalRowGrade {
  readonly status: ReproductionStatus;
  /**
   * Sum over the printed fields of the distance in tolerances (0.1 month for a median, 0.5 for its limits, 1
   * point for a rate or its limits, a factor of 2 for a log-rank P), each at most DISTANCE_CAP; a limit of the
   * wrong kind (a number for NR or NR for a number) counts 1 plus ten times the gap of its band to 1/2, which
   * is the search's gradient towards the other kind.
   */
  readonly distance: number;
}

/** What the search computed for one row: months or percent, null = not reached; `lowest*` are the bands' lowest points (fastCurve). */
export interface ComputedSurvivalRow {
  readonly value: number | null;
  readonly ciLower?: number | null;
  readonly ciUpper?: number | null;
  readonly lowestLower?: number;
  readonly lowestUpper?: number;
}

const DISTANCE_CAP = 4;

function fieldDistance(got: number | null | undefined, printed: number | null | undefined, tolerance: number, lowestBand: number | undefined): number {
  if (printed === undefined) return 0;
  if (printed === null) return got === null || got === undefined ? 0 : Number.isNaN(got) ? DISTANCE_CAP : Math.min(DISTANCE_CAP, 1 + 10 * Math.max(0, 0.5 - (lowestBand ?? 0.5)));
  if (got === null || got === undefined) return Math.min(DISTANCE_CAP, 1 + 10 * Math.max(0, (lowestBand ?? 0.5) - 0.5));
  if (Number.isNaN(got)) return DISTANCE_CAP;
  return Math.min(DISTANCE_CAP, Math.abs(got - printed) / tolerance);
}

/** The last fields each row was graded with and its status: the search often grades a row again with the same values. */
interface LastGrade {
  value: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  status: ReproductionStatus;
}
const lastGrades = new Map<PublishedResult, LastGrade>();

/** The same value for grading: numbers, NaN and null told apart; -0 as 0 (it grades as 0). */
const sameKey = (a: number | null, b: number | null): boolean => a === b || (a !== a && b !== b);

function statusOf(pub: PublishedResult, value: number | null, ciLower: number | null, ciUpper: number | null): ReproductionStatus {
  const last = lastGrades.get(pub);
  if (last !== undefined && sameKey(last.value, value) && sameKey(last.ciLower, ciLower) && sameKey(last.ciUpper, ciUpper)) return last.status;
  const status = gradedStatus(pub, value, ciLower, ciUpper);
  if (last === undefined) lastGrades.set(pub, { value, ciLower, ciUpper, status });
  else {
    last.value = value;
    last.ciLower = ciLower;
    last.ciUpper = ciUpper;
    last.status = status;
  }
  return status;
}

/**
 * The status by the scoreboard's rules. A memo of every value graded (nested maps by value) was dropped once the
 * grading built no note strings: its lookups and maps then cost more CPU than grading again (createPlan 4.9 s
 * vs 4.6 s of user CPU).
 */
function gradedStatus(pub: PublishedResult, value: number | null, ciLower: number | null, ciUpper: number | null): ReproductionStatus {
  return publishedStatus(pub, estimateQuantity(value, pub.kind === 'p_value' ? {} : { ciLower, ciUpper }));
}

/** Grades one printed survival row as the scoreboard does (publishedStatus, compareToPublished's status), with its distance from the print. */
export function gradeSurvivalRow(pub: PublishedResult, computed: ComputedSurvivalRow): SurvivalRowGrade {
  const status = statusOf(pub, computed.value, computed.ciLower ?? null, computed.ciUpper ?? null);
  if (pub.kind === 'p_value') {
    const p = computed.value;
    const printed = pub.value ?? null;
    if (p === null || printed === null || p <= 0) return { status, distance: DISTANCE_CAP };
    const ratio = pub.comparator === '<' ? Math.max(0, Math.log(p / printed)) : Math.abs(Math.log(p / printed));
    return { status, distance: Math.min(DISTANCE_CAP, ratio / Math.LN2) };
  }
  const median = pub.kind === 'km_median';
  const distance =
    fieldDistance(computed.value, pub.value, median ? 0.1 : 1, undefined) +
    fieldDistance(computed.ciLower, pub.ciLower, median ? 0.5 : 1, computed.lowestLower) +
    fieldDistance(computed.ciUpper, pub.ciUpper, median ? 0.5 : 1, computed.lowestUpper);
  return { status, distance };
}
