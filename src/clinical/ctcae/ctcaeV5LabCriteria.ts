import type { LabAnalyte } from '../units/index.js';

/**
 * CTCAE v5.0 laboratory grading criteria as data (National Cancer Institute, Common Terminology Criteria
 * for Adverse Events version 5.0, 27 November 2017), restricted to the laboratory terms trialkit grades.
 * Thresholds are in the analyte's SI unit (STANDARD_UNITS) or multiples of the site's normal limits
 * (LLN, ULN) or of the patient's baseline (BL). Cross-checked against pharmaverse admiral's CTCAE v5
 * grading metadata (atoxgr_criteria_ctcv5) and its test cases.
 *
 * Reading rules (trialkit clinical-rules.md section 2):
 * - "< a - b" means below a down to b: a value equal to a boundary belongs to the milder grade, so every
 *   "decreased" rule is a strict `<` and every "increased" rule a strict `>` (ALT/AST with an abnormal
 *   baseline is the exception: grade 1 starts at 1.5 x BL inclusive, "1.5 - 3.0 x BL").
 * - Rules are listed highest grade first; a value takes the highest grade whose rule it meets, so e.g. a
 *   neutrophil count of 1.45 is grade 2 even at a site whose LLN is 1.4 (as admiral grades it).
 * - Where a grade needs clinical information a value cannot give (symptoms, transfusion, life-threatening
 *   consequences), the lab-only grade is the highest grade the value supports (`maxLabGrade`).
 */
export const CTCAE_V5_STANDARD = 'CTCAE v5.0 (NCI, 27 Nov 2017)';

export type CtcaeGradeValue = 0 | 1 | 2 | 3 | 4;
export type CtcaeToxicGrade = 1 | 2 | 3 | 4;
export type CtcaeReference = 'lln' | 'uln' | 'baseline';

export type CtcaeBound =
  /** A fixed threshold in the analyte's SI unit. */
  | { readonly kind: 'absolute'; readonly value: number }
  /** `factor` times the LLN, the ULN or the baseline value. */
  | { readonly kind: 'reference'; readonly reference: CtcaeReference; readonly factor: number };

export interface CtcaeCondition {
  readonly comparison: '<' | '>' | '>=';
  readonly bound: CtcaeBound;
  /**
   * The condition is an alternative route to the grade that is skipped, with a note, when its reference
   * is not given (creatinine "> 1.5 - 3.0 x BL"); otherwise a missing reference leaves the grade undecided.
   */
  readonly skipWhenMissing?: true;
}

export interface CtcaeGradeRule {
  readonly grade: CtcaeToxicGrade;
  /** The grade applies when any condition holds. */
  readonly anyOf: readonly CtcaeCondition[];
  /** The CTCAE wording of the grade's laboratory criterion. */
  readonly text: string;
}

export interface CtcaeRuleSet {
  /** Rules, highest grade first. */
  readonly rules: readonly CtcaeGradeRule[];
  /** What grade 0 means under this rule set. */
  readonly gradeZeroText: string;
}

export interface CtcaeLabCriterion {
  /** The exact CTCAE v5.0 term. */
  readonly term: string;
  /** Other names accepted for the term (British spellings, MedDRA preferred terms, abbreviations). */
  readonly aliases: readonly string[];
  readonly analyte: LabAnalyte;
  readonly direction: 'decreased' | 'increased';
  /** Rules when the baseline is normal, or the only rules when grading does not depend on baseline. */
  readonly ruleSet: CtcaeRuleSet;
  /** Terms whose CTCAE v5.0 grades differ when the baseline was abnormal (above ULN). */
  readonly ruleSetIfBaselineAbnormal?: CtcaeRuleSet;
  /** The highest grade a laboratory value alone can support. */
  readonly maxLabGrade: CtcaeToxicGrade;
  /** Why a grade is not reachable from the value alone, shown with results of the listed grades. */
  readonly labOnlyNote?: { readonly grades: readonly CtcaeToxicGrade[]; readonly text: string };
  /**
   * Worked examples for a reader of the rule: each grade of the term, with boundary values. Executed by
   * ctcaeExamples.test.ts through computeCtcaeGrade, so they cannot drift from the engine.
   */
  readonly examples?: readonly CtcaeExample[];
}

/** A worked example: a value with its normal limits and baseline (same unit), the grade, and why. */
export interface CtcaeExample {
  readonly value: number;
  readonly unit: string;
  readonly lln?: number;
  readonly uln?: number;
  readonly baseline?: number;
  /** null = not gradable from these inputs. */
  readonly grade: CtcaeGradeValue | null;
  readonly why: string;
}

const abs = (value: number): CtcaeBound => ({ kind: 'absolute', value });
const ref = (reference: CtcaeReference, factor = 1): CtcaeBound => ({ kind: 'reference', reference, factor });
const below = (bound: CtcaeBound): CtcaeCondition => ({ comparison: '<', bound });
const above = (bound: CtcaeBound): CtcaeCondition => ({ comparison: '>', bound });
const aboveOptional = (bound: CtcaeBound): CtcaeCondition => ({ comparison: '>', bound, skipWhenMissing: true });
// CTCAE prints thresholds with one decimal (1.0, 3.0 x ULN) except whole platelet counts (75, 50, 25).
const show = (n: number): string => (Number.isInteger(n) && n >= 10 ? String(n) : n.toFixed(1));
const rule = (grade: CtcaeToxicGrade, text: string, ...anyOf: CtcaeCondition[]): CtcaeGradeRule => ({ grade, anyOf, text });

/** A "decreased" term graded by fixed SI thresholds for grades 2-4 and the LLN for grade 1. */
function decreasedCount(unit: string, g2: number, g3: number, g4: number): CtcaeRuleSet {
  return {
    rules: [
      rule(4, `Grade 4: <${show(g4)} ${unit}`, below(abs(g4))),
      rule(3, `Grade 3: <${show(g3)} - ${show(g4)} ${unit}`, below(abs(g3))),
      rule(2, `Grade 2: <${show(g2)} - ${show(g3)} ${unit}`, below(abs(g2))),
      rule(1, `Grade 1: <LLN - ${show(g2)} ${unit}`, below(ref('lln'))),
    ],
    gradeZeroText: 'Grade 0: value >= LLN (within normal limits)',
  };
}

/** An "increased" term graded by multiples of the ULN (baseline normal). */
function increasedUln(g1To: number, g2To: number, g3To: number): CtcaeRuleSet {
  return {
    rules: [
      rule(4, `Grade 4: >${g3To.toFixed(1)} x ULN`, above(ref('uln', g3To))),
      rule(3, `Grade 3: >${g2To.toFixed(1)} - ${g3To.toFixed(1)} x ULN`, above(ref('uln', g2To))),
      rule(2, `Grade 2: >${g1To.toFixed(1)} - ${g2To.toFixed(1)} x ULN`, above(ref('uln', g1To))),
      rule(1, `Grade 1: >ULN - ${g1To.toFixed(1)} x ULN`, above(ref('uln'))),
    ],
    gradeZeroText: 'Grade 0: value <= ULN (within normal limits)',
  };
}

const TRANSAMINASE_BASELINE_ABNORMAL: CtcaeRuleSet = {
  rules: [
    rule(4, 'Grade 4: >20.0 x BL (baseline abnormal)', above(ref('baseline', 20))),
    rule(3, 'Grade 3: >5.0 - 20.0 x BL (baseline abnormal)', above(ref('baseline', 5))),
    rule(2, 'Grade 2: >3.0 - 5.0 x BL (baseline abnormal)', above(ref('baseline', 3))),
    rule(1, 'Grade 1: 1.5 - 3.0 x BL (baseline abnormal)', { comparison: '>=', bound: ref('baseline', 1.5) }),
  ],
  gradeZeroText: 'Grade 0: value < 1.5 x BL (baseline abnormal)',
};

const COUNT = 'x 10^9/L';

export const CTCAE_V5_LAB_CRITERIA: readonly CtcaeLabCriterion[] = [
  {
    term: 'Neutrophil count decreased',
    aliases: ['ANC decreased', 'Neutrophils decreased', 'Neutropenia'],
    analyte: 'neutrophils',
    direction: 'decreased',
    ruleSet: decreasedCount(COUNT, 1.5, 1.0, 0.5),
    examples: [
      { value: 2.0, unit: '10^9/L', lln: 2.0, grade: 0, why: 'equal to the LLN is not below it: grade 0 (boundary)' },
      { value: 1.5, unit: '10^9/L', lln: 2.0, grade: 1, why: '<LLN but not <1.5: a value on the 1.5 boundary takes the milder grade 1' },
      { value: 1.2, unit: '10^9/L', lln: 2.0, grade: 2, why: '<1.5 and not <1.0' },
      { value: 0.5, unit: '10^9/L', lln: 2.0, grade: 3, why: '<1.0 but not <0.5: on the grade 4 boundary, so grade 3' },
      { value: 0.2, unit: '10^9/L', lln: 2.0, grade: 4, why: '<0.5' },
      { value: 1.45, unit: '10^9/L', lln: 1.4, grade: 2, why: 'above this site\'s LLN but <1.5: the highest grade whose rule holds wins (as admiral grades it)' },
      { value: 1.8, unit: '10^9/L', grade: null, why: 'not <1.5, and without an LLN grade 1 cannot be ruled in or out' },
    ],
    maxLabGrade: 4,
  },
  {
    term: 'White blood cell decreased',
    aliases: ['WBC decreased', 'White blood cell count decreased', 'Leukopenia', 'Leucopenia'],
    analyte: 'leukocytes',
    direction: 'decreased',
    ruleSet: decreasedCount(COUNT, 3.0, 2.0, 1.0),
    examples: [
      { value: 4.0, unit: '10^9/L', lln: 4.0, grade: 0, why: 'equal to the LLN: grade 0 (boundary)' },
      { value: 3.5, unit: '10^9/L', lln: 4.0, grade: 1, why: '<LLN, not <3.0' },
      { value: 2.0, unit: '10^9/L', lln: 4.0, grade: 2, why: '<3.0 but on the 2.0 boundary: the milder grade 2' },
      { value: 1.5, unit: '10^9/L', lln: 4.0, grade: 3, why: '<2.0, not <1.0' },
      { value: 0.9, unit: '10^9/L', lln: 4.0, grade: 4, why: '<1.0' },
    ],
    maxLabGrade: 4,
  },
  {
    term: 'Platelet count decreased',
    aliases: ['Platelets decreased', 'Thrombocytopenia'],
    analyte: 'platelets',
    direction: 'decreased',
    ruleSet: decreasedCount(COUNT, 75, 50, 25),
    examples: [
      { value: 160, unit: '10^9/L', lln: 150, grade: 0, why: 'not below the LLN' },
      { value: 75, unit: '10^9/L', lln: 150, grade: 1, why: '<LLN and on the 75 boundary: the milder grade 1' },
      { value: 60, unit: '10^9/L', lln: 150, grade: 2, why: '<75, not <50' },
      { value: 25, unit: '10^9/L', lln: 150, grade: 3, why: '<50 and on the 25 boundary: the milder grade 3' },
      { value: 10, unit: '10^9/L', lln: 150, grade: 4, why: '<25' },
    ],
    maxLabGrade: 4,
  },
  {
    term: 'Lymphocyte count decreased',
    aliases: ['Lymphocytes decreased', 'Lymphopenia'],
    analyte: 'lymphocytes',
    direction: 'decreased',
    ruleSet: decreasedCount(COUNT, 0.8, 0.5, 0.2),
    examples: [
      { value: 1.0, unit: '10^9/L', lln: 1.0, grade: 0, why: 'equal to the LLN: grade 0 (boundary)' },
      { value: 0.9, unit: '10^9/L', lln: 1.0, grade: 1, why: '<LLN, not <0.8' },
      { value: 0.5, unit: '10^9/L', lln: 1.0, grade: 2, why: '<0.8 and on the 0.5 boundary: the milder grade 2' },
      { value: 0.3, unit: '10^9/L', lln: 1.0, grade: 3, why: '<0.5, not <0.2' },
      { value: 0.1, unit: '10^9/L', lln: 1.0, grade: 4, why: '<0.2' },
    ],
    maxLabGrade: 4,
  },
  {
    term: 'Anemia',
    aliases: ['Anaemia', 'Hemoglobin decreased', 'Haemoglobin decreased'],
    analyte: 'hemoglobin',
    direction: 'decreased',
    ruleSet: {
      rules: [
        rule(3, 'Grade 3: Hgb <80 g/L (<8.0 g/dL); transfusion indicated', below(abs(80))),
        rule(2, 'Grade 2: Hgb <100 - 80 g/L (<10.0 - 8.0 g/dL)', below(abs(100))),
        rule(1, 'Grade 1: Hgb <LLN - 100 g/L (<LLN - 10.0 g/dL)', below(ref('lln'))),
      ],
      gradeZeroText: 'Grade 0: Hgb >= LLN (within normal limits)',
    },
    examples: [
      { value: 120, unit: 'g/L', lln: 120, grade: 0, why: 'equal to the LLN: grade 0 (boundary)' },
      { value: 100, unit: 'g/L', lln: 120, grade: 1, why: '<LLN and on the 100 g/L boundary: the milder grade 1' },
      { value: 85, unit: 'g/L', lln: 120, grade: 2, why: '<100, not <80 g/L' },
      { value: 7.9, unit: 'g/dL', lln: 12, grade: 3, why: '7.9 g/dL = 79 g/L <80 g/L; grade 3 is the highest a value alone gives (grade 4 is clinical)' },
    ],
    maxLabGrade: 3,
    labOnlyNote: {
      grades: [3],
      text: 'grade 4 (life-threatening consequences; urgent intervention indicated) is clinical: a value alone grades at most 3',
    },
  },
  {
    term: 'Hypokalemia',
    aliases: ['Hypokalaemia', 'Potassium decreased'],
    analyte: 'potassium',
    direction: 'decreased',
    ruleSet: {
      rules: [
        rule(4, 'Grade 4: <2.5 mmol/L', below(abs(2.5))),
        rule(3, 'Grade 3: <3.0 - 2.5 mmol/L', below(abs(3.0))),
        rule(1, 'Grade 1: <LLN - 3.0 mmol/L (grade 2 is the same range when symptomatic: lab alone grades 1)', below(ref('lln'))),
      ],
      gradeZeroText: 'Grade 0: value >= LLN (within normal limits)',
    },
    examples: [
      { value: 3.5, unit: 'mmol/L', lln: 3.5, grade: 0, why: 'equal to the LLN: grade 0 (boundary)' },
      { value: 3.0, unit: 'mmol/L', lln: 3.5, grade: 1, why: '<LLN and on the 3.0 boundary; grade 2 needs symptoms, so the value alone grades 1' },
      { value: 2.7, unit: 'mmol/L', lln: 3.5, grade: 3, why: '<3.0, not <2.5' },
      { value: 2.4, unit: 'mmol/L', lln: 3.5, grade: 4, why: '<2.5' },
    ],
    maxLabGrade: 4,
    labOnlyNote: {
      grades: [1],
      text: 'grade 2 (<LLN - 3.0 mmol/L, symptomatic, intervention indicated) needs clinical information: the lab value alone grades 1 in that range',
    },
  },
  {
    term: 'Hypoalbuminemia',
    aliases: ['Hypoalbuminaemia', 'Albumin decreased'],
    analyte: 'albumin',
    direction: 'decreased',
    ruleSet: {
      rules: [
        rule(3, 'Grade 3: <20 g/L (<2 g/dL)', below(abs(20))),
        rule(2, 'Grade 2: <30 - 20 g/L (<3 - 2 g/dL)', below(abs(30))),
        rule(1, 'Grade 1: <LLN - 30 g/L (<LLN - 3 g/dL)', below(ref('lln'))),
      ],
      gradeZeroText: 'Grade 0: value >= LLN (within normal limits)',
    },
    examples: [
      { value: 35, unit: 'g/L', lln: 35, grade: 0, why: 'equal to the LLN: grade 0 (boundary)' },
      { value: 30, unit: 'g/L', lln: 35, grade: 1, why: '<LLN and on the 30 g/L boundary: the milder grade 1' },
      { value: 2.5, unit: 'g/dL', lln: 3.5, grade: 2, why: '2.5 g/dL = 25 g/L: <30, not <20 g/L' },
      { value: 19, unit: 'g/L', lln: 35, grade: 3, why: '<20 g/L; grade 4 is clinical, so 3 is the highest a value alone gives' },
    ],
    maxLabGrade: 3,
    labOnlyNote: { grades: [3], text: 'grade 4 (life-threatening consequences) is clinical: a value alone grades at most 3' },
  },
  {
    term: 'Blood bilirubin increased',
    aliases: ['Bilirubin increased', 'Hyperbilirubinemia', 'Hyperbilirubinaemia'],
    analyte: 'bilirubin',
    direction: 'increased',
    ruleSet: increasedUln(1.5, 3.0, 10.0),
    ruleSetIfBaselineAbnormal: {
      rules: [
        rule(4, 'Grade 4: >10.0 x BL (baseline abnormal)', above(ref('baseline', 10))),
        rule(3, 'Grade 3: >3.0 - 10.0 x BL (baseline abnormal)', above(ref('baseline', 3))),
        rule(2, 'Grade 2: >1.5 - 3.0 x BL (baseline abnormal)', above(ref('baseline', 1.5))),
        rule(1, 'Grade 1: >1.0 - 1.5 x BL (baseline abnormal)', above(ref('baseline', 1))),
      ],
      gradeZeroText: 'Grade 0: value <= BL (baseline abnormal)',
    },
    examples: [
      { value: 21, unit: 'umol/L', uln: 21, baseline: 10, grade: 0, why: 'equal to the ULN is not above it (baseline normal): grade 0 (boundary)' },
      { value: 31.5, unit: 'umol/L', uln: 21, baseline: 10, grade: 1, why: '>ULN and exactly 1.5 x ULN: the milder grade 1 (boundary)' },
      { value: 50, unit: 'umol/L', uln: 21, baseline: 10, grade: 2, why: '>1.5 x ULN (31.5), not >3.0 x ULN (63)' },
      { value: 3.0, unit: 'mg/dL', uln: 1.2, grade: 2, why: '3.0 mg/dL is 2.5 x the ULN of 1.2 mg/dL: >1.5, not >3.0 x ULN (no baseline: the x ULN criteria, noted)' },
      { value: 100, unit: 'umol/L', uln: 21, baseline: 10, grade: 3, why: '>3.0 x ULN (63), not >10.0 x ULN (210)' },
      { value: 220, unit: 'umol/L', uln: 21, baseline: 10, grade: 4, why: '>10.0 x ULN (210)' },
      { value: 30, unit: 'umol/L', uln: 21, baseline: 30, grade: 0, why: 'baseline above ULN: x BL criteria; equal to BL is not above 1.0 x BL (boundary)' },
      { value: 40, unit: 'umol/L', uln: 21, baseline: 30, grade: 1, why: 'baseline abnormal: >1.0 x BL (30), not >1.5 x BL (45)' },
      { value: 90, unit: 'umol/L', uln: 21, baseline: 30, grade: 2, why: 'baseline abnormal: exactly 3.0 x BL, so the milder grade 2 (boundary)' },
      { value: 150, unit: 'umol/L', uln: 21, baseline: 30, grade: 3, why: 'baseline abnormal: >3.0 x BL (90), not >10.0 x BL (300)' },
      { value: 301, unit: 'umol/L', uln: 21, baseline: 30, grade: 4, why: 'baseline abnormal: >10.0 x BL (300)' },
      { value: 30, unit: 'umol/L', baseline: 30, grade: null, why: 'no ULN: whether the baseline was abnormal decides the criteria, and they give different grades' },
    ],
    maxLabGrade: 4,
  },
  {
    term: 'Alanine aminotransferase increased',
    aliases: ['ALT increased', 'ALAT increased', 'SGPT increased'],
    analyte: 'alt',
    direction: 'increased',
    ruleSet: increasedUln(3.0, 5.0, 20.0),
    ruleSetIfBaselineAbnormal: TRANSAMINASE_BASELINE_ABNORMAL,
    examples: [
      { value: 40, unit: 'U/L', uln: 40, baseline: 20, grade: 0, why: 'equal to the ULN (baseline normal): grade 0 (boundary)' },
      { value: 120, unit: 'U/L', uln: 40, baseline: 20, grade: 1, why: '>ULN and exactly 3.0 x ULN: the milder grade 1 (boundary)' },
      { value: 200, unit: 'U/L', uln: 40, baseline: 20, grade: 2, why: '>3.0 x ULN and exactly 5.0 x ULN: grade 2 (boundary)' },
      { value: 800, unit: 'U/L', uln: 40, baseline: 20, grade: 3, why: '>5.0 x ULN and exactly 20.0 x ULN: grade 3 (boundary)' },
      { value: 801, unit: 'U/L', uln: 40, baseline: 20, grade: 4, why: '>20.0 x ULN (800)' },
      { value: 89, unit: 'U/L', uln: 40, baseline: 60, grade: 0, why: 'baseline above ULN: x BL criteria; <1.5 x BL (90)' },
      { value: 90, unit: 'U/L', uln: 40, baseline: 60, grade: 1, why: 'baseline abnormal: grade 1 starts at 1.5 x BL inclusive (boundary)' },
      { value: 181, unit: 'U/L', uln: 40, baseline: 60, grade: 2, why: 'baseline abnormal: >3.0 x BL (180), not >5.0 x BL (300)' },
      { value: 301, unit: 'U/L', uln: 40, baseline: 60, grade: 3, why: 'baseline abnormal: >5.0 x BL (300), not >20.0 x BL (1200)' },
      { value: 1201, unit: 'U/L', uln: 40, baseline: 60, grade: 4, why: 'baseline abnormal: >20.0 x BL (1200)' },
    ],
    maxLabGrade: 4,
  },
  {
    term: 'Aspartate aminotransferase increased',
    aliases: ['AST increased', 'ASAT increased', 'SGOT increased'],
    analyte: 'ast',
    direction: 'increased',
    ruleSet: increasedUln(3.0, 5.0, 20.0),
    ruleSetIfBaselineAbnormal: TRANSAMINASE_BASELINE_ABNORMAL,
    examples: [
      { value: 35, unit: 'U/L', uln: 40, grade: 0, why: 'not above the ULN (no baseline: the x ULN criteria, noted)' },
      { value: 50, unit: 'U/L', uln: 40, grade: 1, why: '>ULN, not >3.0 x ULN (120)' },
      { value: 150, unit: 'U/L', uln: 40, grade: 2, why: '>3.0 x ULN (120), not >5.0 x ULN (200)' },
      { value: 201, unit: 'U/L', uln: 40, grade: 3, why: 'just above 5.0 x ULN (200)' },
      { value: 900, unit: 'U/L', uln: 40, grade: 4, why: '>20.0 x ULN (800)' },
      { value: 75, unit: 'U/L', uln: 40, baseline: 50, grade: 1, why: 'baseline above ULN: exactly 1.5 x BL is grade 1 (boundary, inclusive)' },
    ],
    maxLabGrade: 4,
  },
  {
    term: 'Creatinine increased',
    aliases: ['Blood creatinine increased'],
    analyte: 'creatinine',
    direction: 'increased',
    ruleSet: {
      rules: [
        rule(4, 'Grade 4: >6.0 x ULN', above(ref('uln', 6))),
        rule(3, 'Grade 3: >3.0 x BL; >3.0 - 6.0 x ULN', aboveOptional(ref('baseline', 3)), above(ref('uln', 3))),
        rule(2, 'Grade 2: >1.5 - 3.0 x BL; >1.5 - 3.0 x ULN', aboveOptional(ref('baseline', 1.5)), above(ref('uln', 1.5))),
        rule(1, 'Grade 1: >ULN - 1.5 x ULN', above(ref('uln'))),
      ],
      gradeZeroText: 'Grade 0: value <= ULN and not > 1.5 x BL',
    },
    examples: [
      { value: 100, unit: 'umol/L', uln: 100, baseline: 80, grade: 0, why: 'equal to the ULN and not >1.5 x BL (120): grade 0 (boundary)' },
      { value: 120, unit: 'umol/L', uln: 100, baseline: 100, grade: 1, why: '>ULN, not >1.5 x ULN (150) nor >1.5 x BL (150)' },
      { value: 95, unit: 'umol/L', uln: 100, baseline: 60, grade: 2, why: 'within the ULN but >1.5 x BL (90): the baseline route gives grade 2' },
      { value: 250, unit: 'umol/L', uln: 100, baseline: 80, grade: 3, why: '>3.0 x BL (240) though not >3.0 x ULN (300)' },
      { value: 600, unit: 'umol/L', uln: 100, baseline: 300, grade: 3, why: '>3.0 x ULN and exactly 6.0 x ULN: the milder grade 3 (boundary)' },
      { value: 601, unit: 'umol/L', uln: 100, grade: 4, why: '>6.0 x ULN (600)' },
      { value: 2.0, unit: 'mg/dL', uln: 1.1, grade: 2, why: '2.0 mg/dL = 176.8 umol/L >1.5 x ULN (145.9); no baseline, so the x BL route is skipped (noted)' },
    ],
    maxLabGrade: 4,
  },
  {
    term: 'Hyperuricemia',
    aliases: ['Hyperuricaemia', 'Uric acid increased', 'Blood uric acid increased'],
    analyte: 'uricAcid',
    direction: 'increased',
    ruleSet: {
      rules: [rule(1, 'Grade 1: >ULN without physiologic consequences', above(ref('uln')))],
      gradeZeroText: 'Grade 0: value <= ULN (within normal limits)',
    },
    examples: [
      { value: 420, unit: 'umol/L', uln: 420, grade: 0, why: 'equal to the ULN: grade 0 (boundary)' },
      { value: 600, unit: 'umol/L', uln: 420, grade: 1, why: '>ULN; grades 3-4 need physiologic consequences, so a value alone grades at most 1' },
    ],
    maxLabGrade: 1,
    labOnlyNote: {
      grades: [1],
      text: 'CTCAE v5.0 has no grade 2; grade 3 (>ULN with physiologic consequences) and 4 (life-threatening consequences) are clinical: a value alone grades at most 1',
    },
  },
];
