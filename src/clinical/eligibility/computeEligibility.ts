import { ageInYears, parseIsoDate } from '../dates/index.js';
import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { STANDARD_UNITS, convertLabValue } from '../units/index.js';
import type { z } from 'zod';
import type { EligibilityCriteriaSet, ScreeningLab } from './eligibilityRule.js';
import { evaluateRule, type CriterionStatus, type EligibilityValue, type ScreeningContext } from './evaluateRule.js';
import { parseScreeningRecord } from './parseScreeningRecord.js';
import type { ScreeningRecord } from './screeningRecord.js';

export interface CriterionResult {
  readonly id: string;
  readonly kind: 'inclusion' | 'exclusion';
  readonly text: string;
  readonly source: string;
  /** For an exclusion, "met" means the excluding condition is absent (the patient passes it). */
  readonly status: CriterionStatus;
  readonly values: Readonly<Record<string, EligibilityValue>>;
  readonly reason?: string;
}

export interface EligibilityResult {
  /** true only when every criterion is met; false when any is not met; null when none fails but some cannot be evaluated. */
  readonly eligible: boolean | null;
  readonly protocol: string;
  readonly criteriaVersion: string;
  readonly subjectId: string | null;
  readonly counts: Readonly<Record<CriterionStatus, number>>;
  readonly criteria: readonly CriterionResult[];
}

/**
 * Screens one record against a criteria set, with the schema of its screening record (createScreeningRecordSchema). Never a bare yes: every
 * criterion comes back with its status, the values it used (with units, after explicit conversion) and why.
 * Input that is not a valid screening record (wrong types, unknown fields, unknown lab units) is a failure
 * with issues naming the JSON path; missing data is not a failure but makes criteria "not evaluable".
 */
export function computeEligibility(input: unknown, criteriaSet: EligibilityCriteriaSet, schema: z.ZodType<ScreeningRecord>): Outcome<EligibilityResult> {
  const parsed = parseScreeningRecord(input, schema);
  if (!parsed.ok) return failure(parsed.issues);
  const record = parsed.value;
  const labs = new Map(criteriaSet.screening.labs.map((lab) => [lab.key, lab]));

  const issues: Issue[] = [...checkLabUnits(record, labs)];
  const screeningDay = parseIsoDate(record.screeningDate);
  const enrolmentDay = record.enrolmentDate == null ? screeningDay : parseIsoDate(record.enrolmentDate);
  if (screeningDay === null || enrolmentDay === null) return failure([issue('bad-date', ['screeningDate'], record.screeningDate, 'a calendar date YYYY-MM-DD')]);

  let ageYears: number | null = record.ageYears ?? null;
  const birthDay = record.birthDate == null ? null : parseIsoDate(record.birthDate);
  if (birthDay !== null) {
    if (birthDay > screeningDay) issues.push(issue('birth-after-screening', ['birthDate'], record.birthDate, `a birth date before the screening date ${record.screeningDate}`));
    const fromBirth = ageInYears(birthDay, screeningDay);
    if (ageYears !== null && Math.floor(ageYears) !== fromBirth)
      issues.push(issue('age-mismatch', ['ageYears'], ageYears, `${fromBirth} (the age from birthDate at the screening date, which is used)`, 'warning'));
    ageYears = fromBirth;
  }
  if (issues.some((i) => i.severity === 'error')) return failure(issues);

  const ctx: ScreeningContext = { record, screeningDay, enrolmentDay, ageYears, labs };
  const criteria = criteriaSet.criteria.map((criterion): CriterionResult => {
    const evaluated = evaluateRule(criterion.rule, ctx);
    const base = {
      id: criterion.id,
      kind: criterion.kind,
      text: criterion.text,
      source: criterion.source,
      status: evaluated.status,
      values: Object.freeze(Object.fromEntries(Object.entries(evaluated.values).map(([k, v]) => [k, Object.freeze({ ...v })]))),
    };
    return Object.freeze(evaluated.reasons.length > 0 ? { ...base, reason: evaluated.reasons.join('; ') } : base);
  });

  const counts = { met: 0, 'not met': 0, 'not evaluable': 0 };
  for (const c of criteria) counts[c.status] += 1;
  const eligible = counts['not met'] > 0 ? false : counts['not evaluable'] > 0 ? null : true;

  return success(
    Object.freeze({
      eligible,
      protocol: criteriaSet.protocol,
      criteriaVersion: criteriaSet.version,
      subjectId: record.subjectId ?? null,
      counts: Object.freeze(counts),
      criteria: Object.freeze(criteria),
    }),
    issues,
  );
}

/** A lab whose unit the converter does not know is a data error, not a missing value. */
function checkLabUnits(record: ScreeningRecord, labs: ReadonlyMap<string, ScreeningLab>): Issue[] {
  const issues: Issue[] = [];
  for (const [key, lab] of Object.entries(record.labs ?? {})) {
    if (lab === null || lab === undefined) continue;
    const analyte = labs.get(key)?.analyte;
    if (analyte === undefined) continue;
    const converted = convertLabValue(analyte, lab.value, lab.unit);
    if (!converted.ok)
      issues.push(issue('unknown-unit', ['labs', key, 'unit'], lab.unit, `a unit of ${analyte} the converter knows, e.g. ${STANDARD_UNITS[analyte]}`));
  }
  return issues;
}
