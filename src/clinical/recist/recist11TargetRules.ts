import type { RecistTargetContext, RecistTargetLesionState, RecistTargetRule } from './recistRule.js';
import { atLeast, below } from './tolerantCompare.js';

// RECIST 1.1 target-lesion response (Eisenhauer EA et al., Eur J Cancer 2009;45:228-247, section 4.3.1),
// with the RECIST working group's published clarifications (recist.eortc.org, "Questions and
// clarifications"). Rules apply in list order; each carries a worked example.

function evaluated(ctx: RecistTargetContext): RecistTargetLesionState[] {
  return ctx.lesions.filter((lesion) => lesion.diameterMm !== null);
}

/** Disease is visible again: a non-nodal lesion > 0 mm, or a node back to >= 10 mm short axis. */
function reappeared(lesion: RecistTargetLesionState, nodeNormalMm: number): boolean {
  const size = lesion.diameterMm;
  if (size === null) return false;
  return lesion.nodal ? !below(size, nodeNormalMm) : size > 0;
}

/** No target disease at baseline: the target column does not apply (Table 2 is used). */
export const TARGET_NA: RecistTargetRule = Object.freeze({
  id: 'target-na',
  category: 'NA',
  wording: 'No target lesion at baseline (non-target disease only)',
  source: 'Table 2',
  applies: (ctx: RecistTargetContext) => ctx.lesions.length === 0,
});

/**
 * CR: "disappearance of all target lesions; any pathological lymph nodes (target or non-target) must have
 * reduction in short axis to < 10 mm". Nodes keep their short axis in the sum, so the sum may be > 0.
 * Judged before PD: a node growing within the normal range (say 4 to 9 mm) is not disease (a node only
 * "reappears" at >= 10 mm, working group FAQ "abnormal lymph node").
 * Examples: liver 0 mm + node 8 mm -> CR (sum 8); node 10 mm -> not CR; liver 1 mm -> not CR.
 */
export const TARGET_CR: RecistTargetRule = Object.freeze({
  id: 'target-cr',
  category: 'CR',
  wording: 'All non-nodal target lesions 0 mm and every target node < 10 mm short axis',
  source: 'Section 4.3.1',
  applies: (ctx: RecistTargetContext) =>
    ctx.lesions.every((lesion) => lesion.diameterMm !== null && (lesion.nodal ? below(lesion.diameterMm, ctx.thresholds.nodeNormalShortAxisMm) : lesion.diameterMm === 0)),
});

/**
 * PD by reappearance: after an overall CR, "the reappearance of any malignant lesion results in PD"
 * (working group FAQ "Does a new lesion always result in PD?"; Table 3 footnote a). A node reappears only at
 * >= 10 mm. Example: overall CR with liver 0 mm, then liver 3 mm -> PD although the sum rose by < 5 mm.
 */
export const TARGET_PD_REAPPEARANCE: RecistTargetRule = Object.freeze({
  id: 'target-pd-reappearance',
  category: 'PD',
  wording: 'After an overall CR, a target lesion reappears (non-nodal > 0 mm, node >= 10 mm short axis)',
  source: 'Table 3 footnote a; RECIST working group FAQ',
  applies: (ctx: RecistTargetContext) =>
    ctx.afterOverallCr && evaluated(ctx).some((lesion) => reappeared(lesion, ctx.thresholds.nodeNormalShortAxisMm)),
});

/**
 * PD by size: "at least a 20% increase in the sum of diameters of target lesions, taking as reference the
 * smallest sum on study (this includes the baseline sum if that is the smallest on study). In addition ...
 * an absolute increase of at least 5 mm." When a lesion was not evaluated, the evaluated ones alone (a lower
 * bound of the sum) may already prove it. Examples: nadir 50 -> 60 mm is PD (+20%, +10 mm), 59.9 is not;
 * nadir 20 -> 24 mm is not PD (+20% but +4 mm); nadir 0 -> 5 mm is PD.
 */
export const TARGET_PD_SUM: RecistTargetRule = Object.freeze({
  id: 'target-pd-sum',
  category: 'PD',
  wording: 'Sum >= 20% and >= 5 mm above the smallest sum on study (baseline included), from the evaluated lesions alone if need be',
  source: 'Section 4.3.1',
  applies: (ctx: RecistTargetContext) => {
    if (ctx.nadirMm === null) return false;
    const increase = ctx.evaluatedSumMm - ctx.nadirMm;
    return (
      atLeast(increase, (ctx.thresholds.progressionPercent / 100) * ctx.nadirMm) &&
      atLeast(increase, ctx.thresholds.progressionAbsoluteMm) &&
      increase > 0
    );
  },
});

/**
 * NE: a target lesion was not evaluated and the evaluated ones do not prove PD (section 4.3.4 and Table 1,
 * "not all evaluated"). Example: T1 40 mm, T2 null, nadir 60 -> NE.
 */
export const TARGET_NE: RecistTargetRule = Object.freeze({
  id: 'target-ne',
  category: 'NE',
  wording: 'At least one target lesion not evaluated, and the evaluated ones do not prove PD',
  source: 'Section 4.3.4; Table 1',
  applies: (ctx: RecistTargetContext) => ctx.sumMm === null,
});

/**
 * PR: "at least a 30% decrease in the sum of diameters of target lesions, taking as reference the baseline
 * sum diameters". Examples: baseline 85 -> 59.5 mm (-30%) is PR; 59.6 is SD.
 */
export const TARGET_PR: RecistTargetRule = Object.freeze({
  id: 'target-pr',
  category: 'PR',
  wording: 'Sum at least 30% below the baseline sum',
  source: 'Section 4.3.1',
  applies: (ctx: RecistTargetContext) =>
    ctx.sumMm !== null &&
    ctx.baselineSumMm !== null &&
    atLeast(ctx.baselineSumMm - ctx.sumMm, (ctx.thresholds.partialResponsePercent / 100) * ctx.baselineSumMm),
});

/**
 * SD: "neither sufficient shrinkage (compared to baseline) to qualify for PR nor sufficient increase (taking
 * as reference the smallest sum on study) to qualify for PD" (wording as corrected by the working group).
 * The last rule: always applies. Example: baseline 85, nadir 50, now 59 mm -> SD.
 */
export const TARGET_SD: RecistTargetRule = Object.freeze({
  id: 'target-sd',
  category: 'SD',
  wording: 'Neither PR (from baseline) nor PD (from the nadir)',
  source: 'Section 4.3.1; RECIST working group clarification of SD',
  applies: () => true,
});

/** The target rules in priority order. */
export const RECIST_11_TARGET_RULES: readonly RecistTargetRule[] = Object.freeze([
  TARGET_NA,
  TARGET_CR,
  TARGET_PD_REAPPEARANCE,
  TARGET_PD_SUM,
  TARGET_NE,
  TARGET_PR,
  TARGET_SD,
]);
