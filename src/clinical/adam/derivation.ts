import type { Issue, IssuePath } from '../../result/index.js';
import { issue } from '../../result/index.js';
import { formatIsoDate, parseIsoDate } from '../dates/index.js';
import type { DayNumber } from '../dates/index.js';

/**
 * What every `create*` derivation returns: the dataset (frozen rows) and the issues met on the way. An
 * issue drops only what depends on the bad value; the rest of the dataset is still derived.
 */
export interface Derivation<Row> {
  readonly dataset: readonly Row[];
  readonly issues: readonly Issue[];
}

/** ADaM flag values; null where the flag does not apply. */
export type Flag = 'Y' | 'N';

export function flag(value: boolean): Flag {
  return value ? 'Y' : 'N';
}

export function finishDerivation<Row extends object>(rows: readonly Row[], issues: readonly Issue[]): Derivation<Row> {
  return Object.freeze({
    dataset: Object.freeze(rows.map((row) => Object.freeze(row))),
    issues: Object.freeze([...issues]),
  });
}

/**
 * Reads a form date, reporting `bad-date` when it is not a real calendar date. Returns null for a missing
 * optional date (no issue) and for a bad one (issue).
 */
export function readDate(value: string | undefined, path: IssuePath, issues: Issue[]): DayNumber | null {
  if (value === undefined) return null;
  const day = typeof value === 'string' ? parseIsoDate(value) : null;
  if (day === null) issues.push(issue('bad-date', path, value, 'a real calendar date YYYY-MM-DD'));
  return day;
}

/** Reads a date that must not precede enrolment; an earlier one is reported and returned as null. */
export function readOnStudyDate(
  value: string | undefined,
  path: IssuePath,
  enrolment: DayNumber | null,
  issues: Issue[],
): DayNumber | null {
  const day = readDate(value, path, issues);
  if (day === null || enrolment === null || day >= enrolment) return day;
  issues.push(issue('date-before-enrolment', path, value, `a date on or after enrolment (${formatIsoDate(enrolment)})`));
  return null;
}

export function isoOrNull(day: DayNumber | null): string | null {
  return day === null ? null : formatIsoDate(day);
}

/** Parses an ISO date the derivations themselves wrote (ADSL dates); null stays null. */
export function dayOf(date: string | null): DayNumber | null {
  return date === null ? null : parseIsoDate(date);
}
