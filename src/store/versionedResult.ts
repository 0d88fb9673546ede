/**
 * The outcome of an optimistic-concurrency write on any versioned table: a stale version is an expected
 * answer (HTTP 409 with the current version), not an exception.
 */
export type VersionedResult<T> =
  | { readonly kind: 'written'; readonly row: T }
  | { readonly kind: 'conflict'; readonly expectedVersion: number; readonly currentVersion: number }
  | { readonly kind: 'not-found' };
