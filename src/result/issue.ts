/**
 * Errors are data in the core: every function that validates input returns the problems it found
 * as a list of issues, each naming where (path), what (value) and what was expected. Exceptions are
 * only raised at the edges (CLI, HTTP), where an issue list becomes a message or a 4xx answer.
 */
export type IssuePath = readonly (string | number)[];

export interface Issue {
  /** Stable machine-readable code, e.g. `negative-time`, `unknown-unit`. */
  readonly code: string;
  /** Where the bad value sits: e.g. `['rows', 12, 'time']` or `['patients', 3, 'assessments', 0, 'date']`. */
  readonly path: IssuePath;
  /** The offending value as received (undefined when it is missing). */
  readonly value: unknown;
  /** What was expected, in words a user can act on. */
  readonly expected: string;
  /** `error` stops the computation that depends on the value; `warning` is reported and the work goes on. */
  readonly severity: 'error' | 'warning';
}

export function issue(
  code: string,
  path: IssuePath,
  value: unknown,
  expected: string,
  severity: Issue['severity'] = 'error',
): Issue {
  return Object.freeze({ code, path: Object.freeze([...path]), value, expected, severity });
}

/** A one-line human rendering: `rows[12].time = -3: expected a time >= 0 (negative-time)`. */
export function formatIssue(item: Issue, context?: string): string {
  const where = formatPath(item.path);
  const shown = item.value === undefined ? '(missing)' : JSON.stringify(item.value);
  const prefix = context === undefined ? '' : `${context}: `;
  return `${prefix}${where} = ${shown}: expected ${item.expected} (${item.code})`;
}

export function formatPath(path: IssuePath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(input)' : out;
}
