import type { PlanTallies, Tally } from './computePlanTallies.js';

/** One published result as publication/published-results.json holds it (the fields the comparison reads). */
export interface PublishedResult {
  readonly id: string;
  readonly kind: string;
  readonly value?: number | null;
  readonly n?: number | null;
  readonly N?: number | null;
  readonly min?: number;
  readonly max?: number;
  readonly ciLower?: number | null;
  readonly ciUpper?: number | null;
  readonly comparator?: string;
}

export type ComparisonStatus = 'match' | 'mismatch' | 'not-derivable';

export interface Comparison {
  readonly id: string;
  readonly status: ComparisonStatus;
  readonly detail: string;
}

/**
 * Published ids the twin cannot match, and why (the paper contradicts itself; see the `inconsistencies`
 * of publication/published-results.json). The plan follows the plausible reading of each.
 */
export const KNOWN_DEVIATIONS: Readonly<Record<string, string>> = Object.freeze({
  'efficacy.bor.ne':
    'printed 10, but the categories sum to 84; the twin has 11 NE with assessments (+ 2 without), the plausible reading, so all 85 are classified',
  'disposition.discontinued.teae.alt': 'printed twice as 6 and 5; the twin follows 6 (= Table 2 AEs leading to study discontinuation)',
  'km.pfs.overall.median.abstract': 'abstract 5.55 vs Results 6.05; the twin follows the Results (IRC, cutoff)',
  'subgroup.riss.I.dcr': 'printed 86.7% is no k/12; the twin has 11/12 = 91.7%, the only count giving the stated Fisher P 0.022',
  'subgroup.asct.yes.orr': 'printed 35.4% is no k/14; the twin has 5/14 = 35.7%',
  'subgroup.cyto.standard.cr': 'count 1/47 matches; the printed 2.9% is the high-risk percentage (1/47 = 2.1%)',
  'subgroup.anti_cd38.no.orr': 'subgroups hold 32 responders against 33 overall; overall counts win (30/76)',
  'subgroup.anti_cd38.no.dcr': 'subgroups hold 56 controlled against 57 overall; overall counts win (51/76)',
  'subgroup.anti_cd38.no.vgpr': 'subgroup VGPR 1 + 7 = 8 against 12 overall; overall counts win (11/76)',
  'subgroup.anti_cd38.no.pr': 'subgroup PR 2 + 22 = 24 against 19 overall; overall counts win (17/76)',
  'subgroup.riss.III.orr': 'count 4/21 matches; the printed lower limit 5.5 is a double rounding of 5.446 (R binom.test: 5.45)',
  'baseline.ecog.0_1': 'count 75/85 matches; the printed 88.3% is a rounding slip (75/85 = 88.2%)',
  'baseline.prior_lines.median':
    'median 4 matches; the printed minimum of 1 line contradicts the >= 2 lines inclusion criterion, so the twin follows the criterion (range 2-16)',
});

function decimals(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Equal at the paper's printed precision. */
function samePrinted(computed: number | null, printed: number | null | undefined): boolean {
  if (printed === undefined) return true;
  if (printed === null || computed === null) return printed === null && computed === null;
  const scale = 10 ** decimals(printed);
  return Math.abs(Math.round(computed * scale) / scale - printed) < 1e-9;
}

const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? 'NR' : Number.isInteger(v) ? String(v) : v.toFixed(4));

function compareOne(pub: PublishedResult, tally: Tally): { ok: boolean; detail: string } {
  switch (tally.kind) {
    case 'count':
    case 'proportion_ci': {
      const nOk = pub.n === undefined || pub.n === null ? pub.N !== undefined || samePrinted(tally.n, pub.value) : pub.n === tally.n;
      const bigNOk = pub.N === undefined || pub.N === null || pub.N === tally.N;
      const pctOk = pub.N === undefined || pub.value === null || pub.value === undefined || samePrinted(tally.percent, pub.value);
      const ciOk = tally.kind === 'count' || (samePrinted(tally.ciLower, pub.ciLower) && samePrinted(tally.ciUpper, pub.ciUpper));
      const ci = tally.kind === 'proportion_ci' ? ` CI ${fmt(tally.ciLower)}-${fmt(tally.ciUpper)} vs ${fmt(pub.ciLower)}-${fmt(pub.ciUpper)}` : '';
      return { ok: nOk && bigNOk && pctOk && ciOk, detail: `${tally.n}/${tally.N} (${tally.percent.toFixed(2)}%) vs ${fmt(pub.n)}/${fmt(pub.N)} (${fmt(pub.value)})${ci}` };
    }
    case 'median':
      return {
        ok: samePrinted(tally.value, pub.value) && samePrinted(tally.min, pub.min) && samePrinted(tally.max, pub.max),
        detail: `${fmt(tally.value)} (${fmt(tally.min)}-${fmt(tally.max)}) vs ${fmt(pub.value)} (${fmt(pub.min)}-${fmt(pub.max)})`,
      };
    case 'km_median': {
      const want = pub.value ?? null;
      const ok = want === null || tally.value === null ? want === tally.value : Math.abs(tally.value - want) <= 0.1;
      return { ok, detail: `median ${fmt(tally.value)} (${fmt(tally.ciLower)}-${fmt(tally.ciUpper)}) vs ${fmt(want)} (${fmt(pub.ciLower)}-${fmt(pub.ciUpper)}); target within 0.1 month` };
    }
    case 'km_rate': {
      const ok = tally.value !== null && pub.value !== null && pub.value !== undefined && Math.abs(tally.value - pub.value) <= 1;
      return { ok, detail: `${fmt(tally.value)}% (${fmt(tally.ciLower)}-${fmt(tally.ciUpper)}) vs ${fmt(pub.value)}% (${fmt(pub.ciLower)}-${fmt(pub.ciUpper)}); target within 1 point` };
    }
    case 'p_value': {
      const want = pub.value ?? Number.NaN;
      const isFisher = pub.id.startsWith('fisher.');
      let ok: boolean;
      if (isFisher) ok = samePrinted(tally.value, want);
      else if (pub.comparator === '<') ok = tally.value < want;
      else ok = tally.value < 0.05 === want < 0.05 && tally.value / want <= 2 && want / tally.value <= 2;
      return { ok, detail: `P ${tally.value.toExponential(3)} vs ${pub.comparator ?? ''}${fmt(want)}${isFisher ? ' (exact at printed precision)' : ' (same side of 0.05, within a factor of 2)'}` };
    }
  }
}

/** Compares every published result with the plan's tally of the same id. */
export function comparePlanToPublished(tallies: PlanTallies, published: readonly PublishedResult[]): readonly Comparison[] {
  return Object.freeze(
    published.map((pub): Comparison => {
      if (pub.kind === 'design') return { id: pub.id, status: 'not-derivable', detail: 'a design quantity, not a property of the cohort' };
      const tally = tallies[pub.id];
      if (tally === undefined) return { id: pub.id, status: 'not-derivable', detail: 'no tally for this id' };
      const asPercent = pub.kind === 'percent' && tally.kind === 'count';
      const { ok, detail } = asPercent
        ? { ok: samePrinted(tally.percent, pub.value), detail: `${tally.n}/${tally.N} (${tally.percent.toFixed(2)}%) vs ${fmt(pub.value)}%` }
        : compareOne(pub, tally);
      return Object.freeze({ id: pub.id, status: ok ? 'match' : 'mismatch', detail });
    }),
  );
}

/** Tolerance of a Kaplan-Meier median CI limit (months; NR only as NR), the reproduce check's. */
export const CI_LIMIT_TOLERANCE_MONTHS = 0.5;
/** Tolerance of a Kaplan-Meier landmark-rate CI limit (percentage points). */
export const RATE_CI_LIMIT_TOLERANCE_POINTS = 1;

export interface CiLimitComparison {
  readonly id: string;
  readonly limit: 'lower' | 'upper';
  /** Months or percent; null = not reached. */
  readonly printed: number | null;
  readonly computed: number | null;
  readonly within: boolean;
}

/**
 * Every printed CI limit of a Kaplan-Meier median or landmark rate against the plan's: within half a month
 * (medians) or 1 point (rates), and NR only as NR. The event-time search aims at these in its second stage;
 * they are reported apart from comparePlanToPublished's status, which judges the estimates.
 */
export function compareCiLimits(tallies: PlanTallies, published: readonly PublishedResult[]): readonly CiLimitComparison[] {
  const out: CiLimitComparison[] = [];
  for (const pub of published) {
    const tally = tallies[pub.id];
    if (tally === undefined || (tally.kind !== 'km_median' && tally.kind !== 'km_rate')) continue;
    const tolerance = tally.kind === 'km_median' ? CI_LIMIT_TOLERANCE_MONTHS : RATE_CI_LIMIT_TOLERANCE_POINTS;
    for (const [limit, printed, computed] of [
      ['lower', pub.ciLower, tally.ciLower],
      ['upper', pub.ciUpper, tally.ciUpper],
    ] as const) {
      if (printed === undefined) continue;
      const within = printed === null || computed === null ? printed === computed : Math.abs(computed - printed) <= tolerance + 1e-9;
      out.push(Object.freeze({ id: pub.id, limit, printed, computed, within }));
    }
  }
  return Object.freeze(out);
}
