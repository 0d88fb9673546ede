import type { z } from 'zod';
import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import type { ScreeningRecord } from './screeningRecord.js';

/**
 * Validates plain JSON as a screening record with a criteria set's schema (createScreeningRecordSchema);
 * every problem becomes an issue naming its JSON path, value and what was expected.
 */
export function parseScreeningRecord(input: unknown, schema: z.ZodType<ScreeningRecord>): Outcome<ScreeningRecord> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return success(parsed.data);
  return failure(parsed.error.issues.flatMap((zodIssue) => toIssues(zodIssue, input)));
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function toIssues(zodIssue: z.core.$ZodIssue, input: unknown): Issue[] {
  const path = zodIssue.path.map((key) => (typeof key === 'number' ? key : String(key)));
  const value = valueAt(input, path);
  switch (zodIssue.code) {
    case 'unrecognized_keys':
      return zodIssue.keys.map((key) =>
        issue('unknown-field', [...path, key], valueAt(input, [...path, key]), 'no such field (check the spelling against the screening record schema)'),
      );
    case 'invalid_type':
      // A message set in the schema (e.g. the date format) says more than the bare type.
      return [
        issue(
          value === undefined ? 'missing-field' : 'wrong-type',
          path,
          value,
          zodIssue.message.startsWith('Invalid input') ? describeType(zodIssue.expected) : zodIssue.message,
        ),
      ];
    case 'too_small':
      return [issue('too-small', path, value, `${zodIssue.origin === 'array' ? 'at least' : zodIssue.inclusive === false ? '>' : '>='} ${String(zodIssue.minimum)}${zodIssue.origin === 'array' ? ' item(s)' : ''}`)];
    case 'too_big':
      return [issue('too-big', path, value, `${zodIssue.inclusive === false ? '<' : '<='} ${String(zodIssue.maximum)}`)];
    case 'invalid_value':
      return [issue('unknown-value', path, value, `one of ${zodIssue.values.map((v) => JSON.stringify(v)).join(', ')}`)];
    case 'custom':
      return [issue('invalid-value', path, value, zodIssue.message)];
    default:
      return [issue('invalid-value', path, value, zodIssue.message)];
  }
}

function describeType(expected: string): string {
  if (expected === 'int') return 'a whole number';
  if (expected === 'number') return 'a number';
  if (expected === 'string') return 'a text value';
  if (expected === 'boolean') return 'true or false';
  if (expected === 'object') return 'an object';
  if (expected === 'array') return 'an array';
  return expected;
}
