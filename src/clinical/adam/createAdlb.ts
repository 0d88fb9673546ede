import type { Issue } from '../../result/index.js';
import { issue } from '../../result/index.js';
import { CTCAE_V5_LAB_CRITERIA, computeCtcaeGrade, findCtcaeTerm, gradeInStandardUnit } from '../ctcae/index.js';
import type { CtcaeGradeValue, CtcaeLabCriterion } from '../ctcae/index.js';
import type { DataSource, LabForm, TrialData } from '../crf/index.js';
import { parseIsoDate, studyDay } from '../dates/index.js';
import type { DayNumber } from '../dates/index.js';
import { convertLabValue, convertToStandardUnit, isLabAnalyte, LAB_ANALYTES, STANDARD_UNITS } from '../units/index.js';
import type { LabAnalyte } from '../units/index.js';
import type { AdslRow } from './createAdsl.js';
import type { Derivation, Flag } from './derivation.js';
import { dayOf, finishDerivation, readDate } from './derivation.js';

export type RangeIndicator = 'LOW' | 'NORMAL' | 'HIGH';

export interface AdlbRow {
  readonly STUDYID: string;
  readonly USUBJID: string;
  readonly PARAMCD: LabAnalyte;
  readonly LBSRC: DataSource;
  readonly AVISIT: string;
  readonly ADT: string;
  /** Study day relative to the first dose (null when untreated). */
  readonly ADY: number | null;
  /** Value in the analyte's SI unit (STANDARD_UNITS). */
  readonly AVAL: number;
  readonly AVALU: string;
  readonly ANRLO: number | null;
  readonly ANRHI: number | null;
  readonly ANRIND: RangeIndicator | null;
  /** Baseline record: the last value of the analyte on or before the first dose. */
  readonly ABLFL: Flag | null;
  readonly BASE: number | null;
  readonly BNRIND: RangeIndicator | null;
  readonly CHG: number | null;
  /** Normal-range shift from baseline, e.g. 'NORMAL to LOW'. */
  readonly SHIFT1: string | null;
  /** CTCAE v5 term and grade in the low direction (e.g. Neutrophil count decreased); null = no such term or not gradable. */
  readonly ATOXDSCL: string | null;
  readonly ATOXGRL: CtcaeGradeValue | null;
  readonly BTOXGRL: CtcaeGradeValue | null;
  readonly ATOXDSCH: string | null;
  readonly ATOXGRH: CtcaeGradeValue | null;
  readonly BTOXGRH: CtcaeGradeValue | null;
  /** Grade shift from baseline in the graded direction(s), e.g. '0 to 3'. */
  readonly TOXSHIFT: string | null;
}

interface Converted {
  readonly index: number;
  readonly lab: LabForm;
  readonly analyte: LabAnalyte;
  readonly day: DayNumber;
  readonly value: number;
  readonly lln: number | null;
  readonly uln: number | null;
}

function rangeIndicator(value: number, lln: number | null, uln: number | null): RangeIndicator | null {
  if (lln !== null && value < lln) return 'LOW';
  if (uln !== null && value > uln) return 'HIGH';
  if (lln === null && uln === null) return null;
  return 'NORMAL';
}

const CRITERIA = new Map(CTCAE_V5_LAB_CRITERIA.map((c) => [`${c.analyte} ${c.direction}`, c] as const).reverse());
/** The criterion computeCtcaeGrade reads for each term (its own lookup by name), for the fast grading. */
const GRADED_BY = new Map([...CRITERIA.values()].map((c) => [c, findCtcaeTerm(c.term)] as const));
/** CRITERIA by direction then analyte: no key text built per lab value. */
const CRITERIA_BY_DIRECTION = {
  decreased: new Map([...CRITERIA.values()].filter((c) => c.direction === 'decreased').map((c) => [c.analyte, c] as const)),
  increased: new Map([...CRITERIA.values()].filter((c) => c.direction === 'increased').map((c) => [c.analyte, c] as const)),
};

/** Where a lab result is in the trial, for an issue's path: made into a path only for an issue (a large trial has a million lab results, nearly all fine). */
interface LabAt {
  readonly subjectIndex: number;
  readonly index: number;
}

function labPath(at: LabAt): readonly (string | number)[] {
  return ['subjects', at.subjectIndex, 'labs', at.index];
}

/** The grade of a value by a criterion (its analyte's term in one direction); null when there is no criterion or the value cannot be graded (reported in issues). */
function gradeOf(
  criterion: CtcaeLabCriterion | undefined,
  value: number,
  lln: number | null,
  uln: number | null,
  baseline: number | null,
  at: LabAt,
  issues: Issue[],
): CtcaeGradeValue | null {
  if (criterion === undefined) return null;
  const graded = GRADED_BY.get(criterion);
  const fast = graded === null || graded === undefined ? undefined : gradeInStandardUnit(graded, value, lln, uln, baseline);
  if (fast !== undefined) return fast;
  const outcome = computeCtcaeGrade({ term: criterion.term, value, unit: STANDARD_UNITS[criterion.analyte], lln, uln, baseline });
  if (!outcome.ok) {
    for (const item of outcome.issues) issues.push(issue(`ctcae-${item.code}`, [...labPath(at), ...item.path], item.value, item.expected, item.severity));
    return null;
  }
  return outcome.value.grade;
}

/** A lab value in its analyte's SI unit; undefined when it cannot be converted (the issues say why, under the lab's `field`). */
function convertField(analyte: LabAnalyte, lab: LabForm, value: number | undefined, field: string, at: LabAt, issues: Issue[]): number | null | undefined {
  if (value === undefined) return null;
  const fast = convertToStandardUnit(analyte, value, lab.unit);
  if (fast !== undefined) return fast;
  const outcome = convertLabValue(analyte, value, lab.unit);
  if (outcome.ok) return outcome.value.value;
  for (const item of outcome.issues) {
    const where = item.path[0] === 'value' ? field : item.path[0] === 'unit' ? 'unit' : String(item.path[0] ?? field);
    issues.push(issue(item.code, [...labPath(at), where], where === 'unit' ? lab.unit : value, item.expected, item.severity));
  }
  return undefined;
}

/** Normal-range shifts as printed ('NORMAL to LOW'), made once: a large trial has a million lab results. */
const RANGE_SHIFTS = new Map<RangeIndicator, Map<RangeIndicator, string>>(
  (['LOW', 'NORMAL', 'HIGH'] as const).map((from) => [from, new Map((['LOW', 'NORMAL', 'HIGH'] as const).map((to) => [to, `${from} to ${to}`]))]),
);

/** The analytes in the order of localeCompare on their codes, the order ADLB's rows are sorted by within a subject. */
const ANALYTE_ORDER = new Map([...LAB_ANALYTES].sort((a, b) => a.localeCompare(b)).map((analyte, rank) => [analyte, rank] as const));

/**
 * ADLB: one row per lab result on or before the cutoff, in SI units via the units engine, with baseline
 * (last value on or before the first dose, per analyte), change, normal-range shift and CTCAE v5 grades
 * from the ctcae engine. A result in an unknown analyte or unit is reported and left out.
 */
export function createAdlb(trial: TrialData, adsl: readonly AdslRow[]): Derivation<AdlbRow> {
  const issues: Issue[] = [];
  const cutoff = readDate(trial.dataCutoffDate, ['dataCutoffDate'], issues);
  if (cutoff === null) return finishDerivation([], issues);
  const bySubject = new Map(adsl.map((row) => [row.SUBJID, row]));
  const rows: AdlbRow[] = [];

  trial.subjects.forEach((record, subjectIndex) => {
    const subject = bySubject.get(record.subject.subjectId);
    if (subject === undefined || subject.ENRLFL !== 'Y') return;
    const firstDose = dayOf(subject.TRTSDT);
    const baselineLimit = firstDose ?? dayOf(subject.ENRLDT);
    const converted: Converted[] = [];
    record.labs.forEach((lab, index) => {
      const at = { subjectIndex, index };
      const day = typeof lab.date === 'string' ? parseIsoDate(lab.date) : null;
      if (day === null && lab.date !== undefined) readDate(lab.date, [...labPath(at), 'date'], issues);
      if (day === null || day > cutoff) return;
      if (!isLabAnalyte(lab.analyte)) {
        issues.push(issue('unknown-analyte', [...labPath(at), 'analyte'], lab.analyte, `one of ${LAB_ANALYTES.join(', ')}`));
        return;
      }
      const analyte = lab.analyte;
      const value = convertField(analyte, lab, lab.value, 'value', at, issues);
      if (value === undefined || value === null) return;
      const lln = convertField(analyte, lab, lab.lln, 'lln', at, issues);
      const uln = convertField(analyte, lab, lab.uln, 'uln', at, issues);
      converted.push({ index, lab, analyte, day, value, lln: lln ?? null, uln: uln ?? null });
    });

    // Baseline per analyte: the last result on or before the first dose (later index wins on the same day).
    const baseline = new Map<LabAnalyte, Converted>();
    for (const item of converted) {
      if (baselineLimit === null || item.day > baselineLimit) continue;
      const current = baseline.get(item.analyte);
      if (current === undefined || item.day >= current.day) baseline.set(item.analyte, item);
    }

    // A baseline's own grades are the same for every later result of its analyte: computed once.
    const baselineGrades = new Map<Converted, { low: CtcaeGradeValue | null; high: CtcaeGradeValue | null }>();
    const gradesOfBaseline = (base: Converted) => {
      let grades = baselineGrades.get(base);
      if (grades === undefined) {
        const at = { subjectIndex, index: base.index };
        grades = {
          low: gradeOf(CRITERIA_BY_DIRECTION.decreased.get(base.analyte), base.value, base.lln, base.uln, base.value, at, []),
          high: gradeOf(CRITERIA_BY_DIRECTION.increased.get(base.analyte), base.value, base.lln, base.uln, base.value, at, []),
        };
        baselineGrades.set(base, grades);
      }
      return grades;
    };

    const sorted = [...converted].sort((a, b) => (ANALYTE_ORDER.get(a.analyte) ?? 0) - (ANALYTE_ORDER.get(b.analyte) ?? 0) || a.day - b.day || a.index - b.index);
    for (const item of sorted) {
      const at = { subjectIndex, index: item.index };
      const base = baseline.get(item.analyte) ?? null;
      const baseValue = base?.value ?? null;
      const isBaseline = base === item;
      const post = !isBaseline && firstDose !== null && item.day > firstDose;
      const lowCriterion = CRITERIA_BY_DIRECTION.decreased.get(item.analyte);
      const highCriterion = CRITERIA_BY_DIRECTION.increased.get(item.analyte);
      const lowTerm = lowCriterion?.term ?? null;
      const highTerm = highCriterion?.term ?? null;
      const low = gradeOf(lowCriterion, item.value, item.lln, item.uln, baseValue, at, issues);
      const high = gradeOf(highCriterion, item.value, item.lln, item.uln, baseValue, at, issues);
      const baseLow = base === null ? null : isBaseline ? low : gradesOfBaseline(base).low;
      const baseHigh = base === null ? null : isBaseline ? high : gradesOfBaseline(base).high;
      const anrind = rangeIndicator(item.value, item.lln, item.uln);
      const bnrind = base === null ? null : rangeIndicator(base.value, base.lln, base.uln);
      const lowShift = lowTerm !== null && low !== null && baseLow !== null ? `${baseLow} to ${low}` : null;
      const highShift = highTerm !== null && high !== null && baseHigh !== null ? `${baseHigh} to ${high}` : null;
      rows.push({
        STUDYID: subject.STUDYID,
        USUBJID: subject.USUBJID,
        PARAMCD: item.analyte,
        LBSRC: item.lab.source,
        AVISIT: item.lab.visit,
        ADT: item.lab.date,
        ADY: firstDose === null ? null : studyDay(item.day, firstDose),
        AVAL: item.value,
        AVALU: STANDARD_UNITS[item.analyte],
        ANRLO: item.lln,
        ANRHI: item.uln,
        ANRIND: anrind,
        ABLFL: isBaseline ? 'Y' : null,
        BASE: baseValue,
        BNRIND: bnrind,
        CHG: post && baseValue !== null ? item.value - baseValue : null,
        SHIFT1: post && bnrind !== null && anrind !== null ? (RANGE_SHIFTS.get(bnrind)?.get(anrind) ?? null) : null,
        ATOXDSCL: lowTerm,
        ATOXGRL: low,
        BTOXGRL: baseLow,
        ATOXDSCH: highTerm,
        ATOXGRH: high,
        BTOXGRH: baseHigh,
        TOXSHIFT: !post ? null : lowShift !== null && highShift !== null ? `${lowShift}; ${highShift}` : (lowShift ?? highShift),
      });
    }
  });
  return finishDerivation(rows, issues);
}
