import type { RecistOverallResponse } from './recistCategories.js';

/** Why the best overall response is what it is. */
export type RecistBestResponseReason =
  /** CR or PR confirmed by a later assessment. */
  | 'confirmed-response'
  /** SD (or NON-CR/NON-PD): a non-PD, evaluable assessment at least the SD minimum after baseline. */
  | 'stable-disease'
  /** PD: progression, with nothing better before it. */
  | 'progression'
  /** NE: no assessment after baseline. */
  | 'no-assessment'
  /** NE: evaluable non-PD assessments, but all earlier than the SD minimum and no confirmed response. */
  | 'stable-disease-too-early'
  /** NE: every assessment before progression (or at all) was NE. */
  | 'not-evaluable';

export interface RecistBestResponseOptions {
  readonly confirmationDays: number;
  readonly sdMinDays: number;
  /** NE assessments tolerated between a response and its confirmation. */
  readonly maxNotEvaluableBetween: number;
  /** The patient has non-target disease only: the SD-like best response is NON-CR/NON-PD. */
  readonly nonTargetOnly: boolean;
}

export interface RecistBestResponse {
  readonly bestOverallResponse: RecistOverallResponse;
  readonly reason: RecistBestResponseReason;
  /** True exactly when the best response is a confirmed CR or PR. */
  readonly confirmed: boolean;
  /** The first assessment of the first confirmed CR or PR (start of the duration of response); null if none. */
  readonly firstResponseIndex: number | null;
}

interface Point {
  readonly daysFromBaseline: number;
  readonly overall: RecistOverallResponse;
}

const STABLE_OR_BETTER: readonly RecistOverallResponse[] = ['CR', 'PR', 'SD', 'NON-CR/NON-PD'];

/**
 * Whether the response at `k` is confirmed: a later assessment at least `confirmationDays` after it meets
 * `confirmers`, and every assessment between is in `allowed` (NE at most `maxNe` times).
 */
function confirmedBy(
  points: readonly Point[],
  k: number,
  end: number,
  confirmers: readonly RecistOverallResponse[],
  allowed: readonly RecistOverallResponse[],
  options: RecistBestResponseOptions,
): boolean {
  let notEvaluable = 0;
  for (let j = k + 1; j < end; j++) {
    const overall = points[j].overall;
    if (!allowed.includes(overall)) return false;
    if (overall === 'NE') {
      notEvaluable += 1;
      if (notEvaluable > options.maxNotEvaluableBetween) return false;
      continue;
    }
    if (confirmers.includes(overall) && points[j].daysFromBaseline - points[k].daysFromBaseline >= options.confirmationDays) return true;
  }
  return false;
}

/** The category a response at `k` is confirmed as: CR by a CR, PR by a CR or PR (a CR counts as PR). */
function confirmedAs(points: readonly Point[], k: number, end: number, options: RecistBestResponseOptions): 'CR' | 'PR' | null {
  const overall = points[k].overall;
  if (overall === 'CR' && confirmedBy(points, k, end, ['CR'], ['CR', 'NE'], options)) return 'CR';
  if ((overall === 'CR' || overall === 'PR') && confirmedBy(points, k, end, ['CR', 'PR'], ['CR', 'PR', 'NE'], options)) return 'PR';
  return null;
}

/**
 * Best overall response when CR and PR need confirmation (RECIST 1.1 section 4.4 and Table 3), generalised
 * from Table 3's pairs to a whole sequence. Only assessments before progression count (the progression
 * index may have been dated back for an equivocal new lesion). In order:
 * 1. CR if a CR is confirmed by a CR at least `confirmationDays` later, with only CR or NE between;
 *    PR if a CR or PR is confirmed by a CR or PR so, with only CR, PR or NE between (NE at most
 *    `maxNotEvaluableBetween` times; an SD between breaks the confirmation).
 * 2. Else SD (NON-CR/NON-PD for non-target-only disease) if any CR, PR, SD or NON-CR/NON-PD assessment is at
 *    least `sdMinDays` after baseline: an unconfirmed response counts as SD when the minimum is met.
 * 3. Else PD if the patient progressed; else NE.
 */
export function computeRecistBestResponse(
  points: readonly Point[],
  progressionIndex: number | null,
  options: RecistBestResponseOptions,
): RecistBestResponse {
  const end = progressionIndex ?? points.length;
  let best: 'CR' | 'PR' | null = null;
  let firstResponseIndex: number | null = null;
  for (let k = 0; k < end; k++) {
    const confirmed = confirmedAs(points, k, end, options);
    if (confirmed === null) continue;
    firstResponseIndex ??= k;
    if (best === null || confirmed === 'CR') best = confirmed;
  }
  if (best !== null) return { bestOverallResponse: best, reason: 'confirmed-response', confirmed: true, firstResponseIndex };

  const before = points.slice(0, end);
  if (before.some((point) => STABLE_OR_BETTER.includes(point.overall) && point.daysFromBaseline >= options.sdMinDays)) {
    return { bestOverallResponse: options.nonTargetOnly ? 'NON-CR/NON-PD' : 'SD', reason: 'stable-disease', confirmed: false, firstResponseIndex: null };
  }
  if (progressionIndex !== null) return { bestOverallResponse: 'PD', reason: 'progression', confirmed: false, firstResponseIndex: null };
  let reason: RecistBestResponseReason = 'not-evaluable';
  if (points.length === 0) reason = 'no-assessment';
  else if (before.some((point) => STABLE_OR_BETTER.includes(point.overall))) reason = 'stable-disease-too-early';
  return { bestOverallResponse: 'NE', reason, confirmed: false, firstResponseIndex: null };
}
