import type { Issue } from '../result/index.js';

/** An answer other than success, thrown by a handler and rendered by createApp's error handler. */
export class HttpError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 423 | 429 | 503;
  readonly code: string;
  readonly issues: readonly Issue[];
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(status: HttpError['status'], code: string, message: string, options: { issues?: readonly Issue[]; extra?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.issues = options.issues ?? [];
    this.extra = options.extra ?? {};
  }
}

export function notFound(what: string): HttpError {
  return new HttpError(404, 'not-found', `${what} not found`);
}
