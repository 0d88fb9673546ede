import { issue, type Issue } from '../../result/index.js';
import { parseIsoDate } from '../dates/index.js';
import {
  BOOLEAN_MEASUREMENTS,
  IMMUNOFIXATION_MEASUREMENTS,
  NUMERIC_MEASUREMENTS,
  type ImwgPatientInput,
} from './imwgMeasurements.js';

function validateMeasurements(record: unknown, path: readonly (string | number)[], issues: Issue[]): void {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    issues.push(issue('not-an-object', path, record, 'an object of measurements'));
    return;
  }
  const fields = record as Record<string, unknown>;
  for (const name of NUMERIC_MEASUREMENTS) {
    const value = fields[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push(issue('not-a-number', [...path, name], value, 'a finite number (omit the field when not done)'));
    } else if (value < 0) {
      issues.push(issue('negative-value', [...path, name], value, 'a value >= 0'));
    }
  }
  for (const name of IMMUNOFIXATION_MEASUREMENTS) {
    const value = fields[name];
    if (value !== undefined && value !== 'positive' && value !== 'negative') {
      issues.push(issue('invalid-immunofixation', [...path, name], value, "'positive' or 'negative' (omit when not done)"));
    }
  }
  for (const name of BOOLEAN_MEASUREMENTS) {
    const value = fields[name];
    if (value !== undefined && typeof value !== 'boolean') {
      issues.push(issue('not-a-boolean', [...path, name], value, 'true or false (omit when not done)'));
    }
  }
}

function optionalDate(value: unknown, path: readonly (string | number)[], issues: Issue[]): number | null {
  if (value === undefined) return null;
  const day = typeof value === 'string' ? parseIsoDate(value) : null;
  if (day === null) issues.push(issue('invalid-date', path, value, 'a calendar date YYYY-MM-DD'));
  return day;
}

/**
 * The data problems of one patient's input: each names its path (e.g. ['assessments', 1, 'date']), the
 * value and what was expected. Any of these stops the derivation for the patient, because dates out of
 * order or impossible values make confirmation and nadirs meaningless.
 */
export function validateImwgPatient(input: ImwgPatientInput): Issue[] {
  const issues: Issue[] = [];
  const raw = input as unknown as Record<string, unknown>;
  validateMeasurements(raw.baseline, ['baseline'], issues);
  const baselineDay =
    typeof raw.baseline === 'object' && raw.baseline !== null
      ? optionalDate((raw.baseline as Record<string, unknown>).date, ['baseline', 'date'], issues)
      : null;
  const deathDay = optionalDate(raw.deathDate, ['deathDate'], issues);
  optionalDate(raw.newTherapyDate, ['newTherapyDate'], issues);
  if (!Array.isArray(raw.assessments)) {
    issues.push(issue('not-an-array', ['assessments'], raw.assessments, 'an array of assessments (may be empty)'));
    return issues;
  }
  const assessments = raw.assessments as unknown[];
  let previous: number | null = null;
  assessments.forEach((item, index) => {
    validateMeasurements(item, ['assessments', index], issues);
    if (typeof item !== 'object' || item === null) return;
    const text = (item as Record<string, unknown>).date;
    const path = ['assessments', index, 'date'];
    const day = typeof text === 'string' ? parseIsoDate(text) : null;
    if (day === null) {
      issues.push(issue('invalid-date', path, text, 'a calendar date YYYY-MM-DD'));
      return;
    }
    if (baselineDay !== null && day <= baselineDay) {
      issues.push(issue('date-before-baseline', path, text, 'a date after the baseline date'));
    }
    if (deathDay !== null && day > deathDay) {
      issues.push(issue('assessment-after-death', path, text, 'a date on or before the death date'));
    }
    if (previous !== null && day === previous) {
      issues.push(issue('duplicate-date', path, text, 'one assessment per date (merge same-day results)'));
    } else if (previous !== null && day < previous) {
      issues.push(issue('unsorted-dates', path, text, 'assessments in increasing date order'));
    }
    previous = day;
  });
  return issues;
}
