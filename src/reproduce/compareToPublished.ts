import type { PublishedInconsistency, PublishedResult } from './publishedResults.js';
import type { Quantity } from './quantity.js';

export type ReproductionStatus = 'match' | 'close' | 'differs' | 'reinterpreted' | 'not-computed';

/** A value as the paper prints it, or as trialkit computed it, in the same shape (percentages in %). */
export interface ReproducedValue {
  readonly value: number | null;
  readonly n?: number | null;
  readonly N?: number | null;
  readonly ciLower?: number | null;
  readonly ciUpper?: number | null;
  readonly min?: number | null;
  readonly max?: number | null;
}

export interface Comparison {
  readonly published: ReproducedValue;
  readonly computed: ReproducedValue | null;
  readonly status: ReproductionStatus;
  readonly note: string;
  /** How the two are compared, e.g. 'equal at the printed precision', 'within 0.1 month'. */
  readonly tolerance: string;
}

const FIELDS = ['value', 'n', 'N', 'ciLower', 'ciUpper', 'min', 'max'] as const;
type Field = (typeof FIELDS)[number];

export const KM_MEDIAN_TOLERANCE_MONTHS = 0.1;
export const KM_RATE_TOLERANCE_POINTS = 1;
export const LOG_RANK_FACTOR = 2;
/**
 * Confidence limits of a Kaplan-Meier median (Brookmeyer-Crowley, log-log): within half a month, and "not
 * reached" (NR) only as NR. PFS and DoR limits are event times on the 28-day assessment grid (0.92 month
 * apart), so half a month is the smallest tolerance that any printed limit can meet.
 */
export const KM_CI_LIMIT_TOLERANCE_MONTHS = 0.5;
/** Confidence limits of a Kaplan-Meier landmark rate: within 1 percentage point, as the rate itself. */
export const KM_RATE_CI_LIMIT_TOLERANCE_POINTS = 1;
const SIDE_OF = 0.05;

/** The printed value in the shape of the published entry (only the fields it has). */
export function publishedValue(pub: PublishedResult): ReproducedValue {
  const out: Record<string, number | null> = { value: pub.value ?? null };
  for (const key of FIELDS) if (key !== 'value' && pub[key] !== undefined) out[key] = pub[key] ?? null;
  return Object.freeze(out as unknown as ReproducedValue);
}

/** The computed quantity in the shape of the published entry. */
export function computedValue(pub: PublishedResult, quantity: Quantity): ReproducedValue | null {
  switch (quantity.kind) {
    case 'not-computed':
      return null;
    case 'reinterpreted':
      return computedValue(pub, quantity.quantity);
    case 'count': {
      // A bare printed count ("109 screened") compares the count; an "n (x%)" entry the percentage.
      if (pub.N === undefined && pub.n === undefined) return Object.freeze({ value: quantity.n });
      const N = quantity.N;
      return Object.freeze({ value: N === null || N === 0 ? null : (100 * quantity.n) / N, n: quantity.n, N });
    }
    case 'proportion':
      return Object.freeze({ value: (100 * quantity.n) / quantity.N, n: quantity.n, N: quantity.N, ciLower: quantity.ciLower, ciUpper: quantity.ciUpper });
    case 'estimate': {
      const out: Record<string, number | null> = { value: quantity.value };
      for (const key of ['ciLower', 'ciUpper', 'min', 'max'] as const) {
        if (pub[key] !== undefined) out[key] = quantity[key] ?? null;
      }
      return Object.freeze(out as unknown as ReproducedValue);
    }
  }
}

/** decimalsOf by value, for the values graded again and again (printed values); cleared when full, to bound it. */
const decimalsByValue = new Map<number, number>();

function decimalsOf(value: number): number {
  const known = decimalsByValue.get(value);
  if (known !== undefined) return known;
  if (decimalsByValue.size >= 10_000) decimalsByValue.clear();
  const decimals = decimalsOfText(value);
  decimalsByValue.set(value, decimals);
  return decimals;
}

function decimalsOfText(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : text.length - dot - 1;
}

/**
 * Decimals the paper printed for a number: JSON drops trailing zeros (60.0 -> 60, P = 0.010 -> 0.01), so
 * the text of the entry is searched for the printed form; `floor` is the paper's convention for the kind
 * (percentages to 1 decimal, KM medians to 2).
 */
export function printedDecimals(pub: PublishedResult, value: number, floor = 0): number {
  let decimals = Math.max(floor, decimalsOf(value));
  for (const token of decimalTokens(pub.text ?? '')) {
    if (token.value === value) decimals = Math.max(decimals, token.decimals);
  }
  return decimals;
}

interface DecimalToken {
  readonly value: number;
  readonly decimals: number;
}

/**
 * The decimal numbers of a printed text, read once per text: the search of the demo trial grades the same few
 * rows many thousands of times, and scanning the text each time was a measurable share of it. Keyed by the
 * text itself, so it cannot go stale; the texts are the publication's, a bounded set.
 */
const tokensByText = new Map<string, readonly DecimalToken[]>();

function decimalTokens(text: string): readonly DecimalToken[] {
  const known = tokensByText.get(text);
  if (known !== undefined) return known;
  const tokens = Object.freeze((text.match(/\d+\.\d+/g) ?? []).map((token) => Object.freeze({ value: Number(token), decimals: token.length - token.indexOf('.') - 1 })));
  tokensByText.set(text, tokens);
  return tokens;
}

/** Equal once the computed value is rounded (once) to the printed decimals. */
function samePrinted(computed: number, printed: number, decimals: number): boolean {
  const scale = 10 ** decimals;
  return Math.round(computed * scale) === Math.round(printed * scale);
}

const show = (value: number | null | undefined): string => (value === null || value === undefined ? 'NR' : Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4))));

type Grade = 'match' | 'close' | 'outside';

function floorFor(pub: PublishedResult, field: Field): number {
  if (field === 'n' || field === 'N') return 0;
  if (pub.kind === 'km_median') return 2;
  if (field === 'value' && pub.kind === 'median') return 1;
  return pub.unit === '%' ? 1 : 0;
}

const isKaplanMeier = (pub: PublishedResult): boolean => pub.kind === 'km_median' || pub.kind === 'km_rate';

/** How far a printed field may be off and still be close (null: it must be equal as printed). */
function fieldTolerance(pub: PublishedResult, field: Field): { readonly amount: number; readonly unit: string } | null {
  if (pub.kind === 'km_median') {
    if (field === 'value') return { amount: KM_MEDIAN_TOLERANCE_MONTHS, unit: 'month' };
    if (field === 'ciLower' || field === 'ciUpper') return { amount: KM_CI_LIMIT_TOLERANCE_MONTHS, unit: 'month' };
  }
  if (pub.kind === 'km_rate') {
    if (field === 'value') return { amount: KM_RATE_TOLERANCE_POINTS, unit: 'points' };
    if (field === 'ciLower' || field === 'ciUpper') return { amount: KM_RATE_CI_LIMIT_TOLERANCE_POINTS, unit: 'points' };
  }
  return null;
}

function fieldName(pub: PublishedResult, field: Field): string {
  if (field === 'ciLower') return 'CI lower limit';
  if (field === 'ciUpper') return 'CI upper limit';
  if (field === 'value' && pub.kind === 'km_median') return 'median';
  if (field === 'value' && pub.kind === 'km_rate') return 'rate';
  return field;
}

/**
 * One printed field: match when equal at its printed precision (a Kaplan-Meier NR only as NR), close when
 * within its tolerance, else outside. No string is built here: the search of the demo trial grades many
 * thousands of values through it (publishedStatus), and fieldDetail writes the note only for a field off.
 */
function fieldGrade(pub: PublishedResult, field: Field, got: number | null | undefined): Grade {
  const printed = pub[field];
  if (printed === null && isKaplanMeier(pub)) return got === null ? 'match' : 'outside';
  if (printed === undefined || printed === null) return 'match';
  if (got === undefined || got === null) return 'outside';
  const decimals = field === 'n' || field === 'N' ? 0 : printedDecimals(pub, printed, floorFor(pub, field));
  if (samePrinted(got, printed, decimals)) return 'match';
  const tolerance = fieldTolerance(pub, field);
  if (tolerance === null) return 'outside';
  return Math.abs(got - printed) <= tolerance.amount + 1e-9 ? 'close' : 'outside';
}

/** The note for one field that fieldGrade did not call a match: the field's name and how far off it is. */
function fieldDetail(pub: PublishedResult, field: Field, got: number | null | undefined, grade: Grade): string {
  const printed = pub[field];
  const name = fieldName(pub, field);
  if (printed === null || printed === undefined) return `${name} ${show(got)} vs printed NR (NR = not reached)`;
  if (got === undefined || got === null) {
    const why = isKaplanMeier(pub) ? 'NR (NR = not reached)' : 'not computed';
    return `${name} ${why} vs printed ${show(printed)}`;
  }
  const tolerance = fieldTolerance(pub, field);
  if (tolerance === null) return `${name} ${show(got)} vs printed ${show(printed)}`;
  const difference = Math.abs(got - printed);
  return `${name} ${show(got)} vs printed ${show(printed)}: ${show(difference)} ${tolerance.unit} apart (${grade === 'close' ? 'within' : 'tolerance'} ${tolerance.amount})`;
}

/** Every printed field graded on its own; the row is as good as its worst field. */
function fieldsGrade(pub: PublishedResult, computed: ReproducedValue): Grade {
  let worst: Grade = 'match';
  for (const field of FIELDS) {
    if (pub[field] === undefined) continue;
    const grade = fieldGrade(pub, field, computed[field]);
    if (grade === 'outside') return grade;
    if (grade === 'close') worst = grade;
  }
  return worst;
}

/** The note of a row whose grade is not match: each field off, in the order of FIELDS. */
function fieldsDetail(pub: PublishedResult, computed: ReproducedValue): string {
  const details: string[] = [];
  for (const field of FIELDS) {
    if (pub[field] === undefined) continue;
    const grade = fieldGrade(pub, field, computed[field]);
    if (grade !== 'match') details.push(fieldDetail(pub, field, computed[field], grade));
  }
  return details.join('; ');
}

function logRankGrade(pub: PublishedResult, computed: ReproducedValue): Grade {
  const printed = pub.value ?? null;
  const got = computed.value;
  if (printed === null || got === null) return 'outside';
  const sameSide = got < SIDE_OF === printed < SIDE_OF;
  if (pub.comparator === '<') {
    if (got < printed) return 'match';
    return sameSide && got < LOG_RANK_FACTOR * printed ? 'close' : 'outside';
  }
  if (samePrinted(got, printed, printedDecimals(pub, printed))) return 'match';
  const ratio = Math.max(got / printed, printed / got);
  return sameSide && ratio <= LOG_RANK_FACTOR ? 'close' : 'outside';
}

/** The note of a log-rank P that logRankGrade did not call a match. */
function logRankDetail(pub: PublishedResult, computed: ReproducedValue): string {
  const printed = pub.value ?? null;
  const got = computed.value;
  if (printed === null || got === null) return `P ${show(got)} vs printed ${show(printed)}`;
  if (pub.comparator === '<') return `P ${got.toExponential(3)} vs printed <${show(printed)}`;
  const ratio = Math.max(got / printed, printed / got);
  return `P ${show(got)} vs printed ${show(printed)} (ratio ${ratio.toFixed(2)})`;
}

const isLogRank = (pub: PublishedResult): boolean => pub.kind === 'p_value' && pub.method === 'log-rank';

function gradeOf(pub: PublishedResult, computed: ReproducedValue): Grade {
  return isLogRank(pub) ? logRankGrade(pub, computed) : fieldsGrade(pub, computed);
}

function toleranceOf(pub: PublishedResult): string {
  if (pub.kind === 'km_median') {
    return `match: median and CI limits equal as printed; close: median within ${KM_MEDIAN_TOLERANCE_MONTHS} month and CI limits within ${KM_CI_LIMIT_TOLERANCE_MONTHS} month, NR only as NR`;
  }
  if (pub.kind === 'km_rate') {
    return `match: rate and CI limits equal as printed; close: rate and CI limits within ${KM_RATE_TOLERANCE_POINTS} percentage point`;
  }
  if (pub.kind === 'p_value' && pub.method === 'log-rank') return `match: equal as printed; close: same side of ${SIDE_OF} and within a factor of ${LOG_RANK_FACTOR}`;
  return 'equal at the printed precision';
}

/** The status a quantity of the given grade gets: the one rule compareToPublished and publishedStatus share. */
function statusOf(quantity: Quantity, grade: Grade): ReproductionStatus {
  if (quantity.kind === 'reinterpreted' && grade !== 'outside') return 'reinterpreted';
  return grade === 'match' ? 'match' : grade === 'close' ? 'close' : 'differs';
}

/**
 * compareToPublished's status alone, by the same code (gradeOf, statusOf), without its note, tolerance text or
 * frozen copies: for a caller that grades many values and reads only the status (the demo trial's search).
 */
export function publishedStatus(pub: PublishedResult, quantity: Quantity): ReproductionStatus {
  const computed = computedValue(pub, quantity);
  if (quantity.kind === 'not-computed' || computed === null) return 'not-computed';
  return statusOf(quantity, gradeOf(pub, computed));
}

/**
 * The status of one published result against what trialkit computed, by the rules printed with it:
 * `match` when every printed field (estimate, n, N, each CI limit, min, max) is equal at its printed
 * precision, a Kaplan-Meier "not reached" only as not reached; `close` when every field is within its
 * stated tolerance (Kaplan-Meier medians, rates and their CI limits; a log-rank P on the same side of 0.05
 * within a factor of 2), the note naming each field off; `reinterpreted` when the value could only be
 * computed under another reading of the printed definition and then equals (or is close), the note giving
 * the reading; `differs` otherwise (with the paper's own inconsistency as the note when the id is listed in
 * one, and each field off); `not-computed` (with the reason).
 */
export function compareToPublished(pub: PublishedResult, quantity: Quantity, inconsistency: PublishedInconsistency | undefined): Comparison {
  const published = publishedValue(pub);
  const tolerance = toleranceOf(pub);
  const computed = computedValue(pub, quantity);
  if (quantity.kind === 'not-computed' || computed === null) {
    return Object.freeze({ published, computed: null, status: 'not-computed', note: quantity.kind === 'not-computed' ? quantity.reason : 'not computed', tolerance });
  }
  const grade = gradeOf(pub, computed);
  const status = statusOf(quantity, grade);
  const detail = grade === 'match' ? '' : isLogRank(pub) ? logRankDetail(pub, computed) : fieldsDetail(pub, computed);
  if (status === 'reinterpreted') {
    const note = [quantity.kind === 'reinterpreted' ? quantity.reading : '', detail].filter((d) => d !== '').join('; ');
    return Object.freeze({ published, computed, status, note, tolerance });
  }
  const reading = quantity.kind === 'reinterpreted' ? `${quantity.reading}; ` : '';
  if (status === 'match') {
    const note = inconsistency === undefined ? '' : `equal as printed, although listed as inconsistent: ${inconsistency.issue}`;
    return Object.freeze({ published, computed, status, note, tolerance });
  }
  if (status === 'close') return Object.freeze({ published, computed, status, note: detail, tolerance });
  const note = inconsistency === undefined ? `${reading}outside the tolerance: ${detail}` : `${reading}${inconsistency.issue} Plausible reading: ${inconsistency.plausible} (${detail})`;
  return Object.freeze({ published, computed, status, note, tolerance });
}
