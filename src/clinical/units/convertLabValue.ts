import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { isLabAnalyte, LAB_ANALYTES, STANDARD_UNITS, type LabAnalyte } from './labAnalyte.js';
import type { LabUnitDefinition } from './labUnitConversions.js';
import { acceptedUnits, parseUnit } from './normaliseUnit.js';

/**
 * Converted values are rounded to 12 significant digits. A lab value never carries that many, and the
 * rounding removes binary noise such as 1.1 g/dL x 10 = 11.000000000000002 g/L, which would otherwise
 * move a value sitting exactly on a CTCAE or staging boundary to the wrong side of it.
 */
export function roundSignificant(value: number, digits = 12): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  if (digits !== 12) return Number(value.toPrecision(digits));
  // Remembered: a trial's lab values, limits and grading thresholds repeat (a few hundred distinct normal
  // ranges among a million results), and toPrecision is the costly step of grading a value.
  let rounded = ROUNDED.get(value);
  if (rounded === undefined) {
    rounded = Number(value.toPrecision(12));
    if (ROUNDED.size >= 200_000) ROUNDED.clear();
    ROUNDED.set(value, rounded);
  }
  return rounded;
}

/** roundSignificant(x, 12) by x (a pure function's results: the same with or without this). */
const ROUNDED = new Map<number, number>();

function toStandard(value: number, definition: LabUnitDefinition): number {
  return definition.divide === true ? value / definition.factor : value * definition.factor;
}

function fromStandard(value: number, definition: LabUnitDefinition): number {
  return definition.divide === true ? value * definition.factor : value / definition.factor;
}

/** A value in unit `from` expressed in unit `to` (the same analyte), rounded as roundSignificant says. */
function convertBetween(value: number, from: LabUnitDefinition, to: LabUnitDefinition): number {
  return from === to ? value : roundSignificant(fromStandard(toStandard(value, from), to));
}

/**
 * Converts a lab value between two units of the same analyte (by default into its SI unit,
 * STANDARD_UNITS[analyte]). Unknown units are issues (`unknown-unit`) listing the units accepted for the
 * analyte; nothing is guessed from the size of the value.
 */
export function convertLabValue(
  analyte: LabAnalyte,
  value: number,
  fromUnit: string,
  toUnit?: string,
): Outcome<{ value: number; unit: string }> {
  if (!isLabAnalyte(analyte)) {
    return failure([issue('unknown-analyte', ['analyte'], analyte, `one of ${LAB_ANALYTES.join(', ')}`)]);
  }
  const issues: Issue[] = [];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    issues.push(issue('bad-number', ['value'], value, 'a finite number'));
  }
  // Spelled out only for an issue: a trial converts millions of values, nearly all of them fine.
  const expectedUnits = () => `a unit for ${analyte}: ${acceptedUnits(analyte).join(', ')}`;
  const from = typeof fromUnit === 'string' ? parseUnit(analyte, fromUnit) : null;
  if (from === null) {
    issues.push(issue(typeof fromUnit === 'string' && fromUnit.trim() !== '' ? 'unknown-unit' : 'missing-unit', ['unit'], fromUnit, expectedUnits()));
  }
  const target = toUnit ?? STANDARD_UNITS[analyte];
  const to = typeof target === 'string' ? parseUnit(analyte, target) : null;
  if (to === null) issues.push(issue('unknown-unit', ['toUnit'], toUnit, expectedUnits()));
  if (issues.length > 0 || from === null || to === null) return failure(issues);
  return success(Object.freeze({ value: convertBetween(value, from, to), unit: to.unit }));
}

/**
 * convertLabValue(analyte, value, fromUnit) into the analyte's SI unit when it succeeds, as a bare number;
 * undefined when it would not (a bad number or unit): the caller then asks convertLabValue for the issues.
 * The kernel of that front end for a trial's million lab values, which need no result object each.
 */
export function convertToStandardUnit(analyte: LabAnalyte, value: number, fromUnit: string): number | undefined {
  if (!isLabAnalyte(analyte) || typeof value !== 'number' || !Number.isFinite(value) || typeof fromUnit !== 'string') return undefined;
  const from = parseUnit(analyte, fromUnit);
  const to = parseUnit(analyte, STANDARD_UNITS[analyte]);
  if (from === null || to === null) return undefined;
  return convertBetween(value, from, to);
}
