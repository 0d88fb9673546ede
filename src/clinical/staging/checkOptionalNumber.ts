import { issue, type Issue } from '../../result/index.js';

/** A staging input that may be missing (null/undefined -> null) but, when given, must be a finite number >= 0. */
export function checkOptionalNumber(raw: unknown, field: string, issues: Issue[], expected: string): number | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0) {
    issues.push(issue('bad-number', [field], raw, expected));
    return null;
  }
  return raw;
}
