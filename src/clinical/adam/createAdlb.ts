import type { Issue } from '../../result/index.js';
import { issue } from '../../result/index.js';
import { CTCAE_V5_LAB_CRITERIA, computeCtcaeGrade, findCtcaeTerm, gradeInStandardUnit } from '../ctcae/index.js';
import type { CtcaeGradeValue } from '../ctcae/index.js';
import type { DataSource, LabForm, TrialData } from '../crf/index.js';
import { parseIsoDate, studyDay } from '../dates/index.js';
import type { DayNumber } from '../dates/index.js';
import { convertLabValue, isLabAnalyte, LAB_ANALYTES, STANDARD_UNITS } from '../units/index.js';
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

function gradeOf(
  analyte: LabAnalyte,
  direction: 'decreased' | 'increased',
  value: number,
  lln: number | null,
  uln: number | null,
  baseline: number | null,
  path: readonly (string | number)[],
  issues: Issue[],
): { term: string | null; grade: CtcaeGradeValue | null } {
  const criterion = CRITERIA_BY_DIRECTION[direction].get(analyte);
  if (criterion === undefined) return { term: null, grade: null };
  const graded = GRADED_BY.get(criterion);
  const fast = graded === null || graded === undefined ? undefined : gradeInStandardUnit(graded, value, lln, uln, baseline);
  if (fast !== undefined) return { term: criterion.term, grade: fast };
  const outcome = computeCtcaeGrade({ term: criterion.term, value, unit: STANDARD_UNITS[analyte], lln, uln, baseline });
  if (!outcome.ok) {
    for (const item of outcome.issues) issues.push(issue(`ctcae-${item.code}`, [...path, ...item.path], item.value, item.expected, item.severity));
    return { term: criterion.term, grade: null };
  }
  return { term: criterion.term, grade: outcome.value.grade };
}

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
      const path = ['subjects', subjectIndex, 'labs', index] as const;
      // readDate, with its path made only for a bad date (a large trial has a million lab results).
      const day = typeof lab.date === 'string' ? parseIsoDate(lab.date) : null;
      if (day === null && lab.date !== undefined) readDate(lab.date, [...path, 'date'], issues);
      if (day === null || day > cutoff) return;
      if (!isLabAnalyte(lab.analyte)) {
        issues.push(issue('unknown-analyte', [...path, 'analyte'], lab.analyte, `one of ${LAB_ANALYTES.join(', ')}`));
        return;
      }
      const analyte = lab.analyte;
      const convert = (value: number | undefined, field: string): number | null | undefined => {
        if (value === undefined) return null;
        const outcome = convertLabValue(analyte, value, lab.unit);
        if (outcome.ok) return outcome.value.value;
        for (const item of outcome.issues) {
          const where = item.path[0] === 'value' ? field : item.path[0] === 'unit' ? 'unit' : String(item.path[0] ?? field);
          issues.push(issue(item.code, [...path, where], where === 'unit' ? lab.unit : value, item.expected, item.severity));
        }
        return undefined;
      };
      const value = convert(lab.value, 'value');
      if (value === undefined || value === null) return;
      const lln = convert(lab.lln, 'lln');
      const uln = convert(lab.uln, 'uln');
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
    const gradesOfBaseline = (base: Converted, path: readonly (string | number)[]) => {
      let grades = baselineGrades.get(base);
      if (grades === undefined) {
        grades = {
          low: gradeOf(base.analyte, 'decreased', base.value, base.lln, base.uln, base.value, path, []).grade,
          high: gradeOf(base.analyte, 'increased', base.value, base.lln, base.uln, base.value, path, []).grade,
        };
        baselineGrades.set(base, grades);
      }
      return grades;
    };

    const sorted = [...converted].sort((a, b) => a.analyte.localeCompare(b.analyte) || a.day - b.day || a.index - b.index);
    for (const item of sorted) {
      const path = ['subjects', subjectIndex, 'labs', item.index] as const;
      const base = baseline.get(item.analyte) ?? null;
      const baseValue = base?.value ?? null;
      const isBaseline = base === item;
      const post = !isBaseline && firstDose !== null && item.day > firstDose;
      const low = gradeOf(item.analyte, 'decreased', item.value, item.lln, item.uln, baseValue, path, issues);
      const high = gradeOf(item.analyte, 'increased', item.value, item.lln, item.uln, baseValue, path, issues);
      const baseLow = base === null ? null : isBaseline ? low.grade : gradesOfBaseline(base, path).low;
      const baseHigh = base === null ? null : isBaseline ? high.grade : gradesOfBaseline(base, path).high;
      const anrind = rangeIndicator(item.value, item.lln, item.uln);
      const bnrind = base === null ? null : rangeIndicator(base.value, base.lln, base.uln);
      const shiftParts: string[] = [];
      if (low.term !== null && low.grade !== null && baseLow !== null) shiftParts.push(`${baseLow} to ${low.grade}`);
      if (high.term !== null && high.grade !== null && baseHigh !== null) shiftParts.push(`${baseHigh} to ${high.grade}`);
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
        SHIFT1: post && bnrind !== null && anrind !== null ? `${bnrind} to ${anrind}` : null,
        ATOXDSCL: low.term,
        ATOXGRL: low.grade,
        BTOXGRL: baseLow,
        ATOXDSCH: high.term,
        ATOXGRH: high.grade,
        BTOXGRH: baseHigh,
        TOXSHIFT: post && shiftParts.length > 0 ? shiftParts.join('; ') : null,
      });
    }
  });
  return finishDerivation(rows, issues);
}
