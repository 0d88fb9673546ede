import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { convertLabValue, parseUnit, roundSignificant, STANDARD_UNITS, type LabAnalyte } from '../units/index.js';
import {
  CTCAE_V5_STANDARD,
  type CtcaeCondition,
  type CtcaeGradeValue,
  type CtcaeLabCriterion,
  type CtcaeReference,
  type CtcaeRuleSet,
} from './ctcaeV5LabCriteria.js';
import { CTCAE_V5_LAB_TERMS, findCtcaeTerm } from './findCtcaeTerm.js';

/** One lab value to grade. LLN, ULN and baseline are in the same unit as the value; null or absent = not known. */
export interface CtcaeGradeInput {
  readonly term: string;
  readonly value: number;
  readonly unit: string;
  readonly lln?: number | null;
  readonly uln?: number | null;
  readonly baseline?: number | null;
}

export interface CtcaeGrade {
  /** The exact CTCAE v5.0 term (an alias in the input is resolved to it). */
  readonly term: string;
  readonly analyte: LabAnalyte;
  /** 0 = no toxicity (within the normal direction of the term); null = cannot be graded, see `reason`. */
  readonly grade: CtcaeGradeValue | null;
  /** Why the grade is null. */
  readonly reason?: string;
  /** The criterion that decided the grade (for null: the one that could not be checked). */
  readonly criterion: string;
  /** The value, normal limits and baseline in the analyte's SI unit, as compared. */
  readonly value: number;
  readonly unit: string;
  readonly lln: number | null;
  readonly uln: number | null;
  readonly baseline: number | null;
  /** Assumptions and lab-only limits that a reader of the grade should know. */
  readonly notes: readonly string[];
  readonly standard: string;
}

const REFERENCE_NAMES: Readonly<Record<CtcaeReference, string>> = { lln: 'LLN', uln: 'ULN', baseline: 'baseline' };

interface References {
  readonly lln: number | null;
  readonly uln: number | null;
  readonly baseline: number | null;
}

type Truth = true | false | 'unknown';

interface ConditionResult {
  readonly truth: Truth;
  readonly missing?: CtcaeReference;
  readonly skipped?: CtcaeReference;
}

function compare(value: number, comparison: CtcaeCondition['comparison'], threshold: number): boolean {
  if (comparison === '<') return value < threshold;
  if (comparison === '>') return value > threshold;
  return value >= threshold;
}

function evaluateCondition(condition: CtcaeCondition, value: number, refs: References): ConditionResult {
  const bound = condition.bound;
  if (bound.kind === 'absolute') return { truth: compare(value, condition.comparison, bound.value) };
  const reference = refs[bound.reference];
  if (reference === null) {
    if (condition.skipWhenMissing === true) return { truth: false, skipped: bound.reference };
    // LLN <= ULN, so the other limit can settle the comparison: a value at or above the ULN is not below
    // the LLN, and a value at or below the LLN is not above the ULN.
    if (bound.reference === 'lln' && condition.comparison === '<' && refs.uln !== null && value >= bound.factor * refs.uln) {
      return { truth: false };
    }
    if (bound.reference === 'uln' && condition.comparison === '>' && refs.lln !== null && value <= bound.factor * refs.lln) {
      return { truth: false };
    }
    return { truth: 'unknown', missing: bound.reference };
  }
  // Rounded like converted values, so that e.g. 3 x 1.2 is 3.6 and not 3.5999999999999996.
  return { truth: compare(value, condition.comparison, roundSignificant(bound.factor * reference)) };
}

interface RuleSetResult {
  readonly grade: CtcaeGradeValue | null;
  readonly criterion: string;
  readonly missing: readonly CtcaeReference[];
  readonly skipped: readonly CtcaeReference[];
}

/** The highest grade whose rule holds; null as soon as a higher grade cannot be ruled out. */
function evaluateRuleSet(ruleSet: CtcaeRuleSet, value: number, refs: References): RuleSetResult {
  // Plain loops, no intermediate arrays: every lab value of a trial is graded twice or more.
  const skipped: CtcaeReference[] = [];
  for (const rule of ruleSet.rules) {
    let holds = false;
    const missing: CtcaeReference[] = [];
    for (const condition of rule.anyOf) {
      const result = evaluateCondition(condition, value, refs);
      if (result.skipped !== undefined && !skipped.includes(result.skipped)) skipped.push(result.skipped);
      if (result.truth === true) holds = true;
      if (result.missing !== undefined) missing.push(result.missing);
    }
    if (holds) return { grade: rule.grade, criterion: rule.text, missing: [], skipped };
    if (missing.length > 0) return { grade: null, criterion: rule.text, missing, skipped };
  }
  return { grade: 0, criterion: ruleSet.gradeZeroText, missing: [], skipped };
}

function missingReason(result: RuleSetResult): string {
  const names = [...new Set(result.missing)].map((name) => REFERENCE_NAMES[name]);
  return `needs ${names.join(' and ')}: '${result.criterion}' cannot be checked without it`;
}

interface Graded {
  readonly grade: CtcaeGradeValue | null;
  readonly reason?: string;
  readonly criterion: string;
  readonly notes: string[];
}

function grade(criterion: CtcaeLabCriterion, value: number, refs: References): Graded {
  const abnormalSet = criterion.ruleSetIfBaselineAbnormal;
  const notes: string[] = [];
  let result: RuleSetResult;
  if (abnormalSet === undefined) {
    result = evaluateRuleSet(criterion.ruleSet, value, refs);
  } else if (refs.baseline === null) {
    result = evaluateRuleSet(criterion.ruleSet, value, refs);
    notes.push('no baseline given: graded with the baseline-normal (x ULN) criteria');
  } else if (refs.uln !== null) {
    // CTCAE's "baseline abnormal" for an "increased" term: the baseline was above the ULN.
    const abnormal = refs.baseline > refs.uln;
    result = evaluateRuleSet(abnormal ? abnormalSet : criterion.ruleSet, value, refs);
    notes.push(abnormal ? 'baseline above ULN: graded with the baseline-abnormal (x BL) criteria' : 'baseline within normal limits: graded with the x ULN criteria');
  } else {
    // Without a ULN the baseline cannot be classed; the grade stands only if both classes agree.
    const normal = evaluateRuleSet(criterion.ruleSet, value, refs);
    const abnormal = evaluateRuleSet(abnormalSet, value, refs);
    if (normal.grade !== null && normal.grade === abnormal.grade) {
      result = normal;
      notes.push('no ULN given, but the baseline-normal and baseline-abnormal criteria give the same grade');
    } else {
      return {
        grade: null,
        reason: 'needs ULN: whether the baseline was abnormal (above ULN) decides which criteria apply, and they give different grades',
        criterion: normal.grade === null ? normal.criterion : abnormal.criterion,
        notes,
      };
    }
  }
  if (result.skipped.length > 0 && result.grade !== null && result.grade < 3) {
    notes.push('no baseline given: the x BL criteria were not applied, so the grade may be higher than shown');
  }
  if (result.grade === null) return { grade: null, reason: missingReason(result), criterion: result.criterion, notes };
  if (result.grade === 0) {
    if (criterion.direction === 'decreased' && refs.uln !== null && value > refs.uln) {
      notes.push("value above the normal range: for a 'decreased' term that is grade 0");
    }
    if (criterion.direction === 'increased' && refs.lln !== null && value < refs.lln) {
      notes.push("value below the normal range: for an 'increased' term that is grade 0");
    }
  } else if (criterion.labOnlyNote?.grades.includes(result.grade) === true) {
    notes.push(criterion.labOnlyNote.text);
  }
  return { grade: result.grade, criterion: result.criterion, notes };
}

function checkNumber(raw: unknown, field: string, required: boolean, issues: Issue[]): number | null {
  if (raw === undefined || raw === null) {
    if (required) issues.push(issue('missing-value', [field], raw, 'a lab value (a number >= 0)'));
    return null;
  }
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0) {
    issues.push(issue('bad-number', [field], raw, 'a finite number >= 0, in the unit of the value'));
    return null;
  }
  return raw;
}

/**
 * Grades one laboratory value by CTCAE v5.0 (lab criteria only): the term's criteria are read from
 * CTCAE_V5_LAB_CRITERIA, the value and its LLN, ULN and baseline are converted to the analyte's SI unit
 * (src/clinical/units), and the value takes the highest grade whose criterion it meets. The grade is null,
 * with a reason, when a normal limit or baseline the decision needs is missing; nothing is assumed except
 * that a missing baseline counts as normal for the baseline-dependent terms (bilirubin, ALT, AST), which
 * is noted in the result. Bad input (unknown term or unit, non-numeric or negative value, LLN > ULN) is
 * returned as issues.
 */
export function computeCtcaeGrade(input: CtcaeGradeInput): Outcome<CtcaeGrade> {
  const issues: Issue[] = [];
  const term: unknown = input.term;
  const criterion = typeof term === 'string' ? findCtcaeTerm(term) : null;
  if (criterion === null) {
    issues.push(
      issue(typeof term === 'string' && term.trim() !== '' ? 'unknown-term' : 'missing-value', ['term'], term, `a CTCAE v5.0 term: ${CTCAE_V5_LAB_TERMS.join(', ')}`),
    );
  }
  const value = checkNumber(input.value, 'value', true, issues);
  const lln = checkNumber(input.lln, 'lln', false, issues);
  const uln = checkNumber(input.uln, 'uln', false, issues);
  const baseline = checkNumber(input.baseline, 'baseline', false, issues);
  if (lln !== null && uln !== null && lln > uln) {
    issues.push(issue('bad-range', ['lln'], lln, `an LLN <= the ULN (${uln})`));
  }
  if (criterion === null) return failure(issues);

  // Already in the SI unit (as ADLB grades): every conversion would give the number back unchanged.
  const givenUnit = typeof input.unit === 'string' ? parseUnit(criterion.analyte, input.unit) : null;
  const inStandardUnit = givenUnit !== null && givenUnit === parseUnit(criterion.analyte, STANDARD_UNITS[criterion.analyte]);
  const convert = (raw: number | null): number | null => {
    if (raw === null) return null;
    if (inStandardUnit) return raw;
    const outcome = convertLabValue(criterion.analyte, raw, input.unit);
    return outcome.ok ? outcome.value.value : null;
  };
  const unitCheck = convertLabValue(criterion.analyte, 0, input.unit);
  if (!unitCheck.ok) {
    for (const problem of unitCheck.issues) issues.push(issue(problem.code, ['unit'], input.unit, problem.expected));
  }
  if (issues.length > 0 || value === null) return failure(issues);

  const refs: References = { lln: convert(lln), uln: convert(uln), baseline: convert(baseline) };
  const standardValue = convert(value) ?? value;
  const graded = grade(criterion, standardValue, refs);
  return success(
    Object.freeze({
      term: criterion.term,
      analyte: criterion.analyte,
      grade: graded.grade,
      ...(graded.reason === undefined ? {} : { reason: graded.reason }),
      criterion: graded.criterion,
      value: standardValue,
      unit: STANDARD_UNITS[criterion.analyte],
      lln: refs.lln,
      uln: refs.uln,
      baseline: refs.baseline,
      notes: Object.freeze(graded.notes),
      standard: CTCAE_V5_STANDARD,
    }),
  );
}

const isGradable = (raw: number | null): boolean => raw === null || (Number.isFinite(raw) && raw >= 0);

/**
 * The grade computeCtcaeGrade({ term: criterion.term, unit: the analyte's SI unit, ... }) gives, without
 * its result object, when that call has no issue to report (a value >= 0; LLN, ULN and baseline null or
 * >= 0; LLN <= ULN); undefined otherwise, and the caller then makes that call for the issues. `criterion`
 * must be the one findCtcaeTerm returns for its own term. ADLB grades every lab value twice this way.
 */
export function gradeInStandardUnit(criterion: CtcaeLabCriterion, value: number, lln: number | null, uln: number | null, baseline: number | null): CtcaeGradeValue | null | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || !isGradable(lln) || !isGradable(uln) || !isGradable(baseline)) return undefined;
  if (lln !== null && uln !== null && lln > uln) return undefined;
  return grade(criterion, value, { lln, uln, baseline }).grade;
}
