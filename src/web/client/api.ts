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

/** Calls the API; non-2xx answers become an ApiError carrying the server's issues (path, value, expected). */
export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
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
