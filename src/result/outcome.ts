import type { Issue } from './issue.js';

/**
 * The result of a validating front end: either a value (possibly with warnings) or the errors that
 * prevented it. Values are frozen by the producer; callers must not mutate them.
 */
export type Outcome<T> =
  | { readonly ok: true; readonly value: T; readonly issues: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

export function success<T>(value: T, issues: readonly Issue[] = []): Outcome<T> {
  return { ok: true, value, issues };
}

export function failure<T = never>(issues: readonly Issue[]): Outcome<T> {
  return { ok: false, issues };
}

/** Thrown only at the edges (CLI, HTTP) to carry an issue list out of a failed Outcome. */
export class InputError extends Error {
  readonly issues: readonly Issue[];
  constructor(message: string, issues: readonly Issue[]) {
    super(message);
    this.name = 'InputError';
    this.issues = issues;
  }
}

/** For adapters: the value, or an InputError carrying every issue. */
export function unwrap<T>(outcome: Outcome<T>, context: string): T {
  if (outcome.ok) return outcome.value;
  throw new InputError(context, outcome.issues);
}
