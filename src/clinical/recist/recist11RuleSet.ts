import { RECIST_11_NON_TARGET_RULES } from './recist11NonTargetRules.js';
import { RECIST_11_OVERALL_RULES } from './recist11OverallRules.js';
import { RECIST_11_TARGET_RULES } from './recist11TargetRules.js';
import { RECIST_OVERALL_CATEGORIES, type RecistCategory } from './recistCategories.js';
import type { RecistNonTargetRule, RecistOverallRule, RecistTargetRule } from './recistRule.js';
import { RECIST_1_1_THRESHOLDS, type RecistThresholds } from './recistThresholds.js';

/**
 * A versioned response standard: its thresholds, the ordered target and non-target rules, the overall
 * table, the category scale and its citation. The engine (`computeRecistResponse`) knows nothing clinical
 * beyond what is here.
 */
export interface RecistRuleSet {
  /** 'recist-1.1'. */
  readonly id: string;
  readonly standard: 'RECIST';
  readonly version: string;
  /** 'standard' for the paper's values; a protocol that changes a threshold names its variant. */
  readonly variant: string;
  readonly citation: string;
  /** Where the readings of points the paper leaves open come from. */
  readonly clarifications: string;
  readonly thresholds: RecistThresholds;
  readonly categories: readonly RecistCategory[];
  readonly targetRules: readonly RecistTargetRule[];
  readonly nonTargetRules: readonly RecistNonTargetRule[];
  /** Tables 1 and 2. */
  readonly overallRules: readonly RecistOverallRule[];
}

export const RECIST_1_1_CITATION =
  'Eisenhauer EA, Therasse P, Bogaerts J, et al. New response evaluation criteria in solid tumours: revised RECIST ' +
  'guideline (version 1.1). Eur J Cancer 2009;45(2):228-247. doi:10.1016/j.ejca.2008.10.026';

export const RECIST_1_1_CLARIFICATIONS =
  'RECIST working group, "RECIST 1.1: questions and clarifications" (recist.eortc.org): lymph nodes count as one ' +
  'organ; a node reappears only at >= 10 mm (target) or on unequivocal progression (non-target); after an overall ' +
  'CR the reappearance of any malignant lesion is PD; SD is "neither PR from baseline nor PD from the nadir".';

/** RECIST 1.1 with the given thresholds (the paper's by default). */
export function createRecistRuleSet(options: { readonly variant?: string; readonly thresholds?: Partial<RecistThresholds> } = {}): RecistRuleSet {
  return Object.freeze({
    id: 'recist-1.1',
    standard: 'RECIST',
    version: '1.1',
    variant: options.variant ?? 'standard',
    citation: RECIST_1_1_CITATION,
    clarifications: RECIST_1_1_CLARIFICATIONS,
    thresholds: Object.freeze({ ...RECIST_1_1_THRESHOLDS, ...options.thresholds }),
    categories: RECIST_OVERALL_CATEGORIES,
    targetRules: RECIST_11_TARGET_RULES,
    nonTargetRules: RECIST_11_NON_TARGET_RULES,
    overallRules: RECIST_11_OVERALL_RULES,
  } satisfies RecistRuleSet);
}

/** RECIST 1.1 as the paper reads, with trialkit's 42-day SD minimum (see RecistThresholds). */
export const RECIST_1_1: RecistRuleSet = createRecistRuleSet();
