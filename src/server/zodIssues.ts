import type { z } from 'zod';
import { issue, type Issue } from '../result/index.js';

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function expectedOf(item: z.core.$ZodIssue): string {
  switch (item.code) {
    case 'invalid_type':
      return item.message.startsWith('Invalid input') ? `a value of type ${item.expected}` : item.message;
    case 'too_small':
      // a limit written in the form metadata carries its unit and why (createFormSchema): keep those words
      if (!item.message.startsWith('Too small')) return item.message;
      return `${item.origin === 'array' ? 'at least' : item.inclusive === false ? '>' : '>='} ${String(item.minimum)}${item.origin === 'array' ? ' item(s)' : item.origin === 'string' ? ' character(s)' : ''}`;
    case 'too_big':
      if (!item.message.startsWith('Too big')) return item.message;
      return `${item.inclusive === false ? '<' : '<='} ${String(item.maximum)}`;
    case 'invalid_value':
      return `one of ${item.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return 'no such field';
    default:
      return item.message;
  }
}

/** zod issues as the core's issues: path under `prefix`, the value received, and what was expected. */
export function zodIssues(error: z.ZodError, input: unknown, prefix: readonly (string | number)[] = []): Issue[] {
  return error.issues.flatMap((item) => {
    const path = item.path.map((key) => (typeof key === 'number' ? key : String(key)));
    if (item.code === 'unrecognized_keys') {
      return item.keys.map((key) => issue('unknown-field', [...prefix, ...path, key], valueAt(input, [...path, key]), 'no such field'));
    }
    const value = valueAt(input, path);
    const code = item.code === 'invalid_type' && value === undefined ? 'missing-field' : item.code.replace(/_/g, '-');
    return [issue(code, [...prefix, ...path], value, expectedOf(item))];
  });
}
