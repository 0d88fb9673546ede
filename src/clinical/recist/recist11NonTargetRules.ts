import type { RecistNonTargetContext, RecistNonTargetRule } from './recistRule.js';

// RECIST 1.1 non-target response (Eisenhauer EA et al., Eur J Cancer 2009;45:228-247, section 4.3.2),
// read from each lesion's status. Tumour-marker normalisation, which CR also asks for, is not part of the
// input: a protocol that follows markers records a non-target lesion as 'present' while they are raised.

/** No non-target lesion at baseline. */
export const NON_TARGET_NA: RecistNonTargetRule = Object.freeze({
  id: 'non-target-na',
  category: 'NA',
  wording: 'No non-target lesion at baseline',
  source: 'Table 1',
  applies: (ctx: RecistNonTargetContext) => ctx.lesions.length === 0,
});

/**
 * PD: "unequivocal progression of existing non-target lesions". The reader's call, recorded as the status
 * 'unequivocal-progression'. Example: any lesion so recorded -> PD, whatever the others.
 */
export const NON_TARGET_PD_UNEQUIVOCAL: RecistNonTargetRule = Object.freeze({
  id: 'non-target-pd-unequivocal',
  category: 'PD',
  wording: 'Unequivocal progression of an existing non-target lesion',
  source: 'Section 4.3.2',
  applies: (ctx: RecistNonTargetContext) => ctx.lesions.some((lesion) => lesion.status === 'unequivocal-progression'),
});

/**
 * PD by reappearance after an overall CR (working group FAQ: "the reappearance of any malignant lesion
 * results in PD"). A node reappears only when it has unequivocally progressed (FAQ "abnormal lymph node"),
 * so a nodal lesion 'present' again is not PD here. Example: overall CR, then a pleural lesion present -> PD.
 */
export const NON_TARGET_PD_REAPPEARANCE: RecistNonTargetRule = Object.freeze({
  id: 'non-target-pd-reappearance',
  category: 'PD',
  wording: 'After an overall CR, a non-nodal non-target lesion is present again',
  source: 'Table 3 footnote a; RECIST working group FAQ',
  applies: (ctx: RecistNonTargetContext) => ctx.afterOverallCr && ctx.lesions.some((lesion) => !lesion.nodal && lesion.status === 'present'),
});

/** NE: a non-target lesion was not evaluated and no other proves PD (Table 2, "not all evaluated"). */
export const NON_TARGET_NE: RecistNonTargetRule = Object.freeze({
  id: 'non-target-ne',
  category: 'NE',
  wording: 'At least one non-target lesion not evaluated, and none unequivocally progressed',
  source: 'Tables 1 and 2 ("not evaluated", "not all evaluated")',
  applies: (ctx: RecistNonTargetContext) => ctx.lesions.some((lesion) => lesion.status === 'not-evaluated'),
});

/**
 * CR: "disappearance of all non-target lesions ... All lymph nodes must be non-pathological in size
 * (< 10 mm short axis)"; a node recorded 'absent' is one below 10 mm. Example: all absent -> CR.
 */
export const NON_TARGET_CR: RecistNonTargetRule = Object.freeze({
  id: 'non-target-cr',
  category: 'CR',
  wording: 'Every non-target lesion absent (nodes < 10 mm short axis)',
  source: 'Section 4.3.2',
  applies: (ctx: RecistNonTargetContext) => ctx.lesions.every((lesion) => lesion.status === 'absent'),
});

/** Non-CR/non-PD: "persistence of one or more non-target lesion(s)". The last rule: always applies. */
export const NON_TARGET_NON_CR_NON_PD: RecistNonTargetRule = Object.freeze({
  id: 'non-target-non-cr-non-pd',
  category: 'NON-CR/NON-PD',
  wording: 'Persistence of one or more non-target lesions, none unequivocally progressed',
  source: 'Section 4.3.2',
  applies: () => true,
});

/** The non-target rules in priority order. */
export const RECIST_11_NON_TARGET_RULES: readonly RecistNonTargetRule[] = Object.freeze([
  NON_TARGET_NA,
  NON_TARGET_PD_UNEQUIVOCAL,
  NON_TARGET_PD_REAPPEARANCE,
  NON_TARGET_NE,
  NON_TARGET_CR,
  NON_TARGET_NON_CR_NON_PD,
]);
