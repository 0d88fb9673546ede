import type { PublishedInconsistency, PublishedResult } from './publishedResults.js';
import type { Quantity } from './quantity.js';

export type ReproductionStatus = 'match' | 'close' | 'differs' | 'not-computed';

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

function decimalsOf(value: number): number {
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
  for (const token of (pub.text ?? '').match(/\d+\.\d+/g) ?? []) {
    if (Number(token) === value) decimals = Math.max(decimals, token.length - token.indexOf('.') - 1);
  }
  return decimals;
}

/** Equal once the computed value is rounded (once) to the printed decimals. */
function samePrinted(computed: number, printed: number, decimals: number): boolean {
  const scale = 10 ** decimals;
  return Math.round(computed * scale) === Math.round(printed * scale);
}

const show = (value: number | null | undefined): string => (value === null || value === undefined ? 'NR' : Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4))));

type Verdict = { readonly grade: 'match' | 'close' | 'outside'; readonly detail: string };

function floorFor(pub: PublishedResult, field: Field): number {
  if (field === 'n' || field === 'N') return 0;
  if (pub.kind === 'km_median') return 2;
  if (field === 'value' && pub.kind === 'median') return 1;
  return pub.unit === '%' ? 1 : 0;
}

/** Every printed field equal at its printed precision (counts exactly). */
function exactVerdict(pub: PublishedResult, computed: ReproducedValue): Verdict {
  const wrong: string[] = [];
  for (const field of FIELDS) {
    const printed = pub[field];
    if (printed === undefined || printed === null) continue;
    const got = computed[field];
    if (got === undefined || got === null) {
      wrong.push(`${field} not computed (printed ${show(printed)})`);
      continue;
    }
    const decimals = field === 'n' || field === 'N' ? 0 : printedDecimals(pub, printed, floorFor(pub, field));
    if (!samePrinted(got, printed, decimals)) wrong.push(`${field} ${show(got)} vs printed ${show(printed)}`);
  }
  return wrong.length === 0 ? { grade: 'match', detail: '' } : { grade: 'outside', detail: wrong.join('; ') };
}

function withinVerdict(pub: PublishedResult, computed: ReproducedValue, tolerance: number, unit: string): Verdict {
  const printed = pub.value ?? null;
  const got = computed.value;
  if (printed === null || got === null) {
    return printed === got ? { grade: 'match', detail: '' } : { grade: 'outside', detail: `${show(got)} vs printed ${show(printed)} (NR = not reached)` };
  }
  if (samePrinted(got, printed, printedDecimals(pub, printed, floorFor(pub, 'value')))) return { grade: 'match', detail: '' };
  const difference = Math.abs(got - printed);
  const detail = `${show(got)} vs printed ${show(printed)}: ${show(difference)} ${unit} apart`;
  return { grade: difference <= tolerance + 1e-9 ? 'close' : 'outside', detail };
}

/**
 * The printed CI limits of a Kaplan-Meier median or rate that the computed ones miss by more than the
 * tolerance (or NR against a number), described for the note.
 */
function ciLimitsOff(pub: PublishedResult, computed: ReproducedValue, tolerance: number, unit: string): string[] {
  const off: string[] = [];
  for (const field of ['ciLower', 'ciUpper'] as const) {
    const printed = pub[field];
    const got = computed[field];
    if (printed === undefined || got === undefined) continue;
    const name = field === 'ciLower' ? 'CI lower limit' : 'CI upper limit';
    if (printed === null || got === null) {
      if (printed !== got) off.push(`${name} ${show(got)} vs printed ${show(printed)} (NR = not reached)`);
      continue;
    }
    const difference = Math.abs(got - printed);
    if (difference > tolerance + 1e-9) off.push(`${name} ${show(got)} vs printed ${show(printed)}: ${show(difference)} ${unit} apart (tolerance ${tolerance})`);
  }
  return off;
}

/**
 * A Kaplan-Meier median or rate: graded on the estimate (match at the printed precision, close within
 * the tolerance); a CI limit outside its own tolerance makes a match close and is named in the note.
 */
function kaplanMeierVerdict(pub: PublishedResult, computed: ReproducedValue, tolerance: number, ciTolerance: number, unit: string): Verdict {
  const estimate = withinVerdict(pub, computed, tolerance, unit);
  const off = ciLimitsOff(pub, computed, ciTolerance, unit);
  if (off.length === 0) return estimate;
  const detail = [estimate.detail, ...off].filter((d) => d !== '').join('; ');
  return { grade: estimate.grade === 'outside' ? 'outside' : 'close', detail };
}

function logRankVerdict(pub: PublishedResult, computed: ReproducedValue): Verdict {
  const printed = pub.value ?? null;
  const got = computed.value;
  if (printed === null || got === null) return { grade: 'outside', detail: `P ${show(got)} vs printed ${show(printed)}` };
  const sameSide = got < SIDE_OF === printed < SIDE_OF;
  if (pub.comparator === '<') {
    if (got < printed) return { grade: 'match', detail: '' };
    const grade = sameSide && got < LOG_RANK_FACTOR * printed ? 'close' : 'outside';
    return { grade, detail: `P ${got.toExponential(3)} vs printed <${show(printed)}` };
  }
  if (samePrinted(got, printed, printedDecimals(pub, printed))) return { grade: 'match', detail: '' };
  const ratio = Math.max(got / printed, printed / got);
  return { grade: sameSide && ratio <= LOG_RANK_FACTOR ? 'close' : 'outside', detail: `P ${show(got)} vs printed ${show(printed)} (ratio ${ratio.toFixed(2)})` };
}

function toleranceOf(pub: PublishedResult): string {
  if (pub.kind === 'km_median') {
    return `within ${KM_MEDIAN_TOLERANCE_MONTHS} month (median); CI limits within ${KM_CI_LIMIT_TOLERANCE_MONTHS} month, NR only as NR (a limit outside makes the row close at most)`;
  }
  if (pub.kind === 'km_rate') {
    return `within ${KM_RATE_TOLERANCE_POINTS} percentage point (rate); CI limits within ${KM_RATE_CI_LIMIT_TOLERANCE_POINTS} point (a limit outside makes the row close at most)`;
  }
  if (pub.kind === 'p_value' && pub.method === 'log-rank') return `same side of ${SIDE_OF} and within a factor of ${LOG_RANK_FACTOR}`;
  return 'equal at the printed precision';
}

function verdict(pub: PublishedResult, computed: ReproducedValue): Verdict {
  if (pub.kind === 'km_median') return kaplanMeierVerdict(pub, computed, KM_MEDIAN_TOLERANCE_MONTHS, KM_CI_LIMIT_TOLERANCE_MONTHS, 'month');
  if (pub.kind === 'km_rate') return kaplanMeierVerdict(pub, computed, KM_RATE_TOLERANCE_POINTS, KM_RATE_CI_LIMIT_TOLERANCE_POINTS, 'points');
  if (pub.kind === 'p_value' && pub.method === 'log-rank') return logRankVerdict(pub, computed);
  return exactVerdict(pub, computed);
}

/**
 * The status of one published result against what trialkit computed: `match` (equal at the paper's
 * precision), `close` (within the stated tolerance of a Kaplan-Meier quantity or log-rank P; a Kaplan-Meier
 * estimate equal as printed whose CI limit is outside the CI tolerance is also close, the limit named), `differs`
 * (with the paper's own inconsistency as the note when the id is listed in one, else what is off), or
 * `not-computed` (with the reason).
 */
export function compareToPublished(pub: PublishedResult, quantity: Quantity, inconsistency: PublishedInconsistency | undefined): Comparison {
  const published = publishedValue(pub);
  const tolerance = toleranceOf(pub);
  const computed = computedValue(pub, quantity);
  if (quantity.kind === 'not-computed' || computed === null) {
    return Object.freeze({ published, computed: null, status: 'not-computed', note: quantity.kind === 'not-computed' ? quantity.reason : 'not computed', tolerance });
  }
  const { grade, detail } = verdict(pub, computed);
  if (grade === 'match') {
    const note = inconsistency === undefined ? '' : `equal as printed, although listed as inconsistent: ${inconsistency.issue}`;
    return Object.freeze({ published, computed, status: 'match', note, tolerance });
  }
  if (grade === 'close') return Object.freeze({ published, computed, status: 'close', note: detail, tolerance });
  const note = inconsistency === undefined ? `outside the tolerance: ${detail}` : `${inconsistency.issue} Plausible reading: ${inconsistency.plausible} (${detail})`;
  return Object.freeze({ published, computed, status: 'differs', note, tolerance });
}
