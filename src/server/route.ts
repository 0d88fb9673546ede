import type { Context } from 'hono';
import type { z } from 'zod';
import type { AuditSealer, IdempotencyRequest, SqlClient, Store, UserRole } from '../store/index.js';
import type { Action } from './permissions.js';
import type { ServedProtocol } from './servedProtocol.js';
import type { SessionCache } from './sessionCache.js';

/** The signed-in user of a request, read from the session at every request. */
export interface SessionUser {
  readonly userId: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly siteId: string | null;
  readonly expiresAt: Date;
}

export interface AppEnv {
  Variables: { route: string; requestId: string };
}

export interface Services {
  readonly store: Store;
  /** The protocol the EDC serves: its forms, schemas, plausibility limits, regimen, criteria and response binding. */
  readonly protocol: ServedProtocol;
  /** The only clock of the server (sessions, throttling), injected so tests can move time. */
  readonly clock: () => Date;
  readonly sessionTtlMinutes: number;
  readonly secureCookies: boolean;
  readonly clientAddress: (c: Context<AppEnv>) => string;
  /** The audit sealer of this server, when it runs one: poked after each write, asked to seal before an evidence export. */
  readonly sealer: AuditSealer | undefined;
  /** Recent session lookups; every write that changes a user or ends a session invalidates it after its commit. */
  readonly sessions: SessionCache;
}

export interface RouteResult {
  readonly status: 200 | 201 | 204;
  readonly body: unknown;
  /** Set for a file answer (CSV, XML; PDF, DOCX as a Uint8Array): body is then the text or bytes, sent as is with this Content-Type. */
  readonly contentType?: string;
}

export interface RouteContext<B> {
  readonly c: Context<AppEnv>;
  /** Undefined only on public routes. */
  readonly user: SessionUser | undefined;
  /** The site the user is confined to; null = every site. */
  readonly scope: string | null;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: B;
  readonly services: Services;
  /**
   * Runs a write in one audited transaction (who = the user, why = reason). The answer is stored under the
   * request's Idempotency-Key in the same transaction, so a retry replays it instead of writing twice.
   */
  readonly write: (reason: string | undefined, fn: (tx: SqlClient) => Promise<RouteResult>) => Promise<RouteResult>;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch';

export interface RouteSpec<B = unknown> {
  readonly method: HttpMethod;
  /** Below /api/v1, hono syntax (':subjectId'). */
  readonly path: string;
  /** 'public' needs no session; 'authenticated' any signed-in role; otherwise the permission table decides. */
  readonly action: Action | 'public' | 'authenticated';
  readonly summary: string;
  readonly tag: string;
  readonly body?: z.ZodType<B>;
  /** Statuses this route answers besides the common 400/401/403/404/422, for the OpenAPI document. */
  readonly responses?: Readonly<Record<number, string>>;
  /**
   * The answer of the success statuses (JSON as sent, or the text of a file answer), for the OpenAPI
   * document; the server contract test checks every answer against it. Optional: without it the document
   * declares any JSON.
   */
  readonly response?: z.ZodType;
  /** The media type of the success answer when it is not application/json (a file: text/csv, application/xml). */
  readonly produces?: string;
  /**
   * The route's write() may share one database transaction with other such writes begun at the same time
   * (TransactionOptions.group: group commit, each write under its own user and reason). Only for a handler
   * whose write body has no effect outside the database: when one write of a group fails, every write of
   * it runs again alone.
   */
  readonly groupCommit?: boolean;
  /** The largest body accepted, in bytes (REQUEST_LIMITS.maxBodyBytes by default); a larger one answers 413 unread. */
  readonly maxBodyBytes?: number;
  handler(ctx: RouteContext<B>): Promise<RouteResult>;
}

/**
 * Declares a route with its body type inferred from its schema. The list keeps RouteSpec<unknown>: the
 * handler is a method (bivariant), and the app only hands it the output of that same schema.
 */
export function route<B>(spec: RouteSpec<B>): RouteSpec {
  return spec;
}

export type Idempotency = IdempotencyRequest | undefined;

export const ok = (body: unknown): RouteResult => ({ status: 200, body });
export const created = (body: unknown): RouteResult => ({ status: 201, body });

/** A positive integer path parameter; anything else names nothing, so 404. */
export function idParam(value: string | undefined): number | undefined {
  if (value === undefined || !/^[1-9][0-9]{0,14}$/.test(value)) return undefined;
  return Number(value);
}
