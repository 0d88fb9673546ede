/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The client's only way to the server: JSON over /api/v1 with the session cookie.

export interface ApiIssue {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly value?: unknown;
  readonly expected: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly ApiIssue[];
  readonly body: Readonly<Record<string, unknown>>;

  constructor(status: number, code: string, message: string, issues: readonly ApiIssue[], body: Readonly<Record<string, unknown>>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.body = body;
  }
}

interface ErrorBody {
  readonly error?: { readonly code?: string; readonly message?: string; readonly issues?: readonly ApiIssue[] } & Readonly<Record<string, unknown>>;
}

/**
 * A new Idempotency-Key: 128 random bits as hex (getRandomValues also works on a plain-HTTP intranet
 * address, where randomUUID does not).
 */
export function newIdempotencyKey(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Calls the API; non-2xx answers become an ApiError carrying the server's issues (path, value, expected).
 * `idempotencyKey`: sent as the Idempotency-Key header, so a repeat of the same save answers the first one.
 */
export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(idempotencyKey === undefined ? {} : { 'Idempotency-Key': idempotencyKey }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const parsed = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok) {
    const error = (parsed as ErrorBody).error ?? {};
    throw new ApiError(response.status, error.code ?? 'http', error.message ?? `HTTP ${response.status}`, error.issues ?? [], error);
  }
  return parsed as T;
}
