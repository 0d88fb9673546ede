import { HttpError } from './httpError.js';

/** 409 naming the version sent and the current one, so the client can reload and retry. */
export function versionConflict(result: { readonly expectedVersion: number; readonly currentVersion: number }): HttpError {
  return new HttpError(409, 'version-conflict', `the row changed since it was read (version ${result.expectedVersion}, now ${result.currentVersion})`, {
    extra: { expectedVersion: result.expectedVersion, currentVersion: result.currentVersion },
  });
}
