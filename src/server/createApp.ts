import { createHash, randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import {
  findSession,
  type AuditSealer,
  isStoreError,
  lookupIdempotencyKey,
  openTrialProtocol,
  saveIdempotencyKey,
  withAuditContext,
  type IdempotencyRequest,
  type SqlClient,
  type Store,
  type StoreErrorCode,
} from '../store/index.js';
import type { ProtocolModule } from '../protocols/index.js';
import { issue } from '../result/index.js';
import { HttpError } from './httpError.js';
import { isAllowed, siteScope } from './permissions.js';
import { SESSION_COOKIE, hashToken } from './sessionToken.js';
import { API_ROUTES } from './apiRoutes.js';
import { parseJsonBody } from './jsonBody.js';
import { createOpenApiDocument } from './openApiDocument.js';
import { crossOriginRefusal, forbidFraming } from './originCheck.js';
import { REQUEST_LIMITS } from './requestLimits.js';
import type { AppEnv, RouteResult, RouteSpec, Services, SessionUser } from './route.js';
import { safeIssues } from './safeIssues.js';
import { createServedProtocol, type ServedProtocol } from './servedProtocol.js';
import { createSessionCache, type SessionPeers } from './sessionCache.js';
import { storeErrorIssues } from './storeErrorIssues.js';
import { zodIssues } from './zodIssues.js';

export interface AppOptions {
  readonly store: Store;
  /**
   * The protocol the EDC serves: its forms (and their validators), plausibility limits, regimen, criteria
   * and response binding. The database records it on first use; a database recorded for another protocol
   * or version answers 409 'protocol-mismatch' to every request.
   */
  readonly protocol: ProtocolModule | ServedProtocol;
  /** Defaults to the system clock; tests pass their own to expire sessions and throttles. */
  readonly clock?: () => Date;
  /** Absolute session lifetime; 8 hours by default. */
  readonly sessionTtlMinutes?: number;
  /** Set the Secure flag on the session cookie (behind HTTPS). */
  readonly secureCookies?: boolean;
  /** The client's address for login throttling; the socket's remote address by default. */
  readonly clientAddress?: (c: Context<AppEnv>) => string;
  /** One line per request: method, route pattern (never the concrete path: it holds subject ids), status, time, request id. */
  readonly log?: (line: string) => void;
  /**
   * Origins besides the one a request is addressed to that may send state-changing requests: the public
   * origin when a proxy in front rewrites the scheme or host (e.g. 'https://edc.example.org').
   */
  readonly trustedOrigins?: readonly string[];
  /** The audit sealer this server runs (startServer starts one): poked after every write. */
  readonly sealer?: AuditSealer;
  /**
   * How long a session lookup is reused (sessionCache.ts), 2000 ms by default; 0 reads the session at every
   * request. Changes through this server apply at once; one made by another process, after at most this long.
   */
  readonly sessionCacheMs?: number;
  /**
   * The other processes of this server (node:cluster workers: clusterSessionPeers()): a logout or a user
   * change empties their session caches too before it is answered (sessionCache.ts).
   */
  readonly sessionPeers?: SessionPeers;
}

export const API_BASE = '/api/v1';

function socketAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const storeStatus: Partial<Record<StoreErrorCode, { status: HttpError['status']; code: string; message: string }>> = {
  locked: { status: 423, code: 'locked', message: 'the data, dated on or before the cutoff of an active lock, is locked' },
  'query-transition': { status: 409, code: 'query-transition', message: 'the query cannot move to that status' },
  'unique-violation': { status: 409, code: 'already-exists', message: 'a row with that key already exists' },
  'foreign-key-violation': { status: 422, code: 'reference', message: 'a referenced row does not exist' },
  'check-violation': { status: 422, code: 'check', message: 'a value breaks a database rule' },
  'not-null-violation': { status: 422, code: 'missing', message: 'a required value is missing' },
  'invalid-value': { status: 422, code: 'invalid-value', message: 'a value has the wrong form' },
  'serialization-failure': { status: 503, code: 'retry', message: 'concurrent update, retry the request' },
  'trial-set-once': { status: 409, code: 'trial-set-once', message: "the trial's protocol is recorded once and never changed" },
  unavailable: { status: 503, code: 'unavailable', message: 'the database is unavailable' },
};

function errorBody(error: HttpError, requestId: string | undefined): Record<string, unknown> {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...error.extra,
      ...(requestId === undefined ? {} : { requestId }),
      ...(error.issues.length > 0 ? { issues: safeIssues(error.issues) } : {}),
    },
  };
}

// A client sends the same Cookie header with every request of its session: the session token's hash is
// remembered per header text (a pure function of it; the session itself is still looked up and checked at
// every request), because parsing the header and hashing the token were about 5% of the server's CPU per
// save. Bounded: at most this many headers of at most 1 KB each, forgotten all at once when full.
const MAX_REMEMBERED_COOKIE_HEADERS = 256;
const MAX_REMEMBERED_COOKIE_HEADER_LENGTH = 1024;

/** The hash of the request's session token, or undefined without one. */
function sessionTokenHash(c: Context<AppEnv>, remembered: Map<string, string | null>): string | undefined {
  const header = c.req.header('cookie');
  if (header === undefined) return undefined;
  let tokenHash = remembered.get(header);
  if (tokenHash === undefined) {
    const token = getCookie(c, SESSION_COOKIE);
    tokenHash = token === undefined || token === '' ? null : hashToken(token);
    if (header.length <= MAX_REMEMBERED_COOKIE_HEADER_LENGTH) {
      if (remembered.size >= MAX_REMEMBERED_COOKIE_HEADERS) remembered.clear();
      remembered.set(header, tokenHash);
    }
  }
  return tokenHash ?? undefined;
}

async function authenticate(c: Context<AppEnv>, services: Services, rememberedTokenHashes: Map<string, string | null>): Promise<SessionUser> {
  const tokenHash = sessionTokenHash(c, rememberedTokenHashes);
  if (tokenHash === undefined) throw new HttpError(401, 'unauthenticated', 'sign in first');
  const session = await services.sessions.get(tokenHash, () => findSession(services.store, tokenHash));
  if (session === undefined || !session.active || session.expiresAt.getTime() <= services.clock().getTime()) {
    throw new HttpError(401, 'unauthenticated', 'the session has expired or was ended; sign in again');
  }
  return { userId: session.userId, displayName: session.displayName, role: session.role, siteId: session.siteId, expiresAt: session.expiresAt };
}

async function readBody(c: Context<AppEnv>): Promise<{ text: string; value: unknown }> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09)) return { text: '', value: {} };
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(400, 'content-type', 'send the body as application/json');
  return parseJsonBody(bytes);
}

function idempotencyOf(c: Context<AppEnv>, user: SessionUser | undefined, bodyText: string): IdempotencyRequest | undefined {
  const key = c.req.header('idempotency-key');
  // a PUT (a correction) is keyed too: its retry would otherwise answer 409 stale version instead of its first answer
  if (key === undefined || user === undefined || (c.req.method !== 'POST' && c.req.method !== 'PUT')) return undefined;
  if (key.length < 1 || key.length > 200) {
    throw new HttpError(400, 'idempotency-key', 'the Idempotency-Key header must be 1-200 characters', {
      issues: [issue('bad-header', ['Idempotency-Key'], key, '1-200 characters')],
    });
  }
  const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${bodyText}`, 'utf8').digest('hex');
  return { userId: user.userId, key, requestHash };
}

function respond(c: Context<AppEnv>, result: RouteResult, replayed = false): Response {
  if (replayed) c.header('Idempotent-Replayed', 'true');
  if (result.status === 204) return c.body(null, 204);
  if (result.contentType !== undefined && typeof result.body === 'string') return c.body(result.body, result.status, { 'Content-Type': result.contentType });
  if (result.contentType !== undefined && result.body instanceof Uint8Array) return c.body(new Uint8Array(result.body), result.status, { 'Content-Type': result.contentType });
  return c.json(result.body, result.status);
}

/** Names the route (for the log) and refuses a cross-origin state change before anything is read. */
function routeGuard(spec: RouteSpec, trustedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('route', spec.path);
    const refusal = crossOriginRefusal(c, trustedOrigins);
    if (refusal !== undefined) throw refusal;
    await next();
  };
}

function register(app: Hono<AppEnv>, spec: RouteSpec, services: Services, trustedOrigins: readonly string[], rememberedTokenHashes: Map<string, string | null>): void {
  const maxSize = spec.maxBodyBytes ?? REQUEST_LIMITS.maxBodyBytes;
  const streamedLimit = bodyLimit({
    maxSize,
    onError: () => {
      throw new HttpError(413, 'too-large', `the body is larger than ${maxSize} bytes`);
    },
  });
  // the same decision hono's bodyLimit takes for a body with a Content-Length (Node's parser reads no more
  // than it announces), taken from the header alone: bodyLimit first asks for the request's body stream,
  // which turns the server's light request into a full web Request with a stream (about 5% of the CPU of a
  // write). A body without a length (chunked) is still counted as it streams in by bodyLimit.
  const limit: MiddlewareHandler<AppEnv> = async (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return streamedLimit(c, next);
    if (Number.parseInt(length, 10) > maxSize) throw new HttpError(413, 'too-large', `the body is larger than ${maxSize} bytes`);
    await next();
  };
  app.on(spec.method.toUpperCase(), spec.path, routeGuard(spec, trustedOrigins), limit, async (c) => {
    const user = spec.action === 'public' ? undefined : await authenticate(c, services, rememberedTokenHashes);
    if (user !== undefined && spec.action !== 'authenticated' && spec.action !== 'public' && !isAllowed(user.role, spec.action)) {
      throw new HttpError(403, 'forbidden', `the ${user.role} role may not do ${spec.action}`);
    }
    // a POST without a JSON schema (a CSV upload) still keys its Idempotency-Key on the body it sent
    const raw = spec.body !== undefined ? await readBody(c) : { text: c.req.method === 'POST' ? await c.req.text() : '', value: undefined };
    let body: unknown = undefined;
    if (spec.body !== undefined) {
      const parsed = spec.body.safeParse(raw.value, { reportInput: true });
      if (!parsed.success) throw new HttpError(422, 'invalid-input', 'the request body is not valid', { issues: zodIssues(parsed.error, raw.value) });
      body = parsed.data;
    }
    const idempotency = idempotencyOf(c, user, raw.text);
    if (idempotency !== undefined) {
      const previous = await lookupIdempotencyKey(services.store, idempotency);
      if (previous.kind === 'replay') return respond(c, { status: previous.statusCode as RouteResult['status'], body: previous.response }, true);
      if (previous.kind === 'mismatch') {
        throw new HttpError(422, 'idempotency-key-reused', 'this Idempotency-Key was used for a different request', {
          issues: [issue('idempotency-key-reused', ['Idempotency-Key'], idempotency.key, 'a new key for a new request')],
        });
      }
    }
    const scope = user === undefined ? null : siteScope(user);
    const write = async (reason: string | undefined, fn: (tx: SqlClient) => Promise<RouteResult>): Promise<RouteResult> => {
      const context = { user: user?.userId ?? 'system:anonymous', ...(reason === undefined ? {} : { reason }) };
      try {
        const result = await withAuditContext(services.store, context, async (tx) => {
          // with an Idempotency-Key the answer is stored after the body, so the body's last statement is not the transaction's
          const answer = await fn(idempotency === undefined ? tx : { ...tx, queryLast: (sql, params, queryOptions) => tx.query(sql, params, queryOptions) });
          if (idempotency !== undefined) await saveIdempotencyKey(tx, idempotency, answer.status, answer.body);
          return answer;
        }, { group: spec.groupCommit === true });
        // the entries are committed in the queue: the sealer chains and signs them within milliseconds
        services.sealer?.poke();
        return result;
      } catch (error) {
        // the same key racing in another request: its answer is now stored, so replay it
        if (idempotency !== undefined && isStoreError(error, 'unique-violation') && error.table === 'idempotency_keys') {
          const stored = await lookupIdempotencyKey(services.store, idempotency);
          if (stored.kind === 'replay') return { status: stored.statusCode as RouteResult['status'], body: stored.response };
        }
        throw error;
      }
    };
    const result = await spec.handler({ c, user, scope, params: c.req.param(), query: c.req.query(), body, services, write });
    return respond(c, result);
  });
}

/** The EDC's HTTP API under /api/v1: every route of API_ROUTES behind the session, permission and scope checks. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const protocol = 'schema' in options.protocol ? options.protocol : createServedProtocol(options.protocol);
  const services: Services = {
    store: options.store,
    protocol,
    clock: options.clock ?? (() => new Date()),
    sessionTtlMinutes: options.sessionTtlMinutes ?? 480,
    secureCookies: options.secureCookies ?? false,
    clientAddress: options.clientAddress ?? socketAddress,
    sealer: options.sealer,
    sessions: createSessionCache({ maxAgeMs: options.sessionCacheMs ?? 2000, ...(options.sessionPeers === undefined ? {} : { peers: options.sessionPeers }) }),
  };
  options.sessionPeers?.listen(services.sessions);
  const log = options.log;
  const trustedOrigins = options.trustedOrigins ?? [];
  const app = new Hono<AppEnv>().basePath(API_BASE);

  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    c.set('requestId', requestId);
    await next();
    // set on the answer's own headers: c.header() on a finished answer makes hono copy it into a full web
    // Response with a streamed body, which the node adapter then reads back (several % of a write's CPU)
    const headers = c.res.headers;
    headers.set('Cache-Control', 'no-store');
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('X-Request-Id', requestId);
    forbidFraming(headers);
    log?.(`${c.req.method} ${API_BASE}${c.get('route') ?? '(no route)'} ${c.res.status} ${Math.round(performance.now() - started)}ms ${requestId}`);
  });

  app.onError((error, c) => {
    const requestId = c.get('requestId');
    if (error instanceof HttpError) {
      if (error.status === 429 && typeof error.extra.retryAfterSeconds === 'number') c.header('Retry-After', String(error.extra.retryAfterSeconds));
      return c.json(errorBody(error, requestId), error.status);
    }
    if (isStoreError(error, 'protocol-mismatch')) return c.json(errorBody(new HttpError(409, 'protocol-mismatch', error.message), requestId), 409);
    const where = `${c.req.method} ${API_BASE}${c.get('route') ?? '(no route)'} request ${requestId}`;
    if (isStoreError(error)) {
      const mapped = storeStatus[error.code];
      if (mapped !== undefined) {
        const issues = mapped.status === 422 || mapped.code === 'already-exists' ? storeErrorIssues(error) : [];
        return c.json(errorBody(new HttpError(mapped.status, mapped.code, mapped.message, { issues }), requestId), mapped.status);
      }
      log?.(`store error ${error.code}${error.sqlState === undefined ? '' : ` (${error.sqlState})`}: ${where}`);
    } else {
      // the name only: a message may quote submitted values
      log?.(`internal error ${error instanceof Error ? error.name : typeof error}: ${where}`);
    }
    return c.json({ error: { code: 'internal', message: 'internal error', requestId } }, 500);
  });

  app.notFound((c) => c.json({ error: { code: 'not-found', message: 'no such endpoint' } }, 404));

  // the database records the protocol on the first request (startServer does it before listening); a
  // database of another protocol refuses every request with 409, naming both. A failure to reach the
  // database is tried again on the next request.
  let opened: Promise<unknown> | undefined;
  app.use('*', async (_c, next) => {
    opened ??= openTrialProtocol(options.store, { protocolId: protocol.definition.id, protocolVersion: protocol.definition.version }, 'system:server').catch((error: unknown) => {
      if (!isStoreError(error, 'protocol-mismatch')) opened = undefined;
      throw error;
    });
    await opened;
    await next();
  });

  const document = createOpenApiDocument(API_ROUTES, protocol);
  app.get('/openapi.json', (c) => {
    c.set('route', '/openapi.json');
    return c.json(document);
  });
  const rememberedTokenHashes = new Map<string, string | null>();
  for (const spec of API_ROUTES) register(app, spec, services, trustedOrigins, rememberedTokenHashes);
  return app;
}
