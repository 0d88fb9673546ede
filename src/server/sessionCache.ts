import type { SessionRow } from '../store/index.js';

/**
 * The session lookups of the last moments, so a client sending requests back to back does not pay a
 * database round trip per request to learn who it is (a third of a write's round trips).
 *
 * What keeps this as strict as a lookup per request, within this process:
 * - every change of a user or session made through this server (logout, deactivation, rename) calls
 *   invalidate() after its commit, before its answer is sent: the next request reads the database;
 * - a lookup that was in flight while an invalidation happened is not stored (a generation counter), so a
 *   read from before the change cannot come back into the cache after it;
 * - an entry is used for at most maxAgeMs (a monotonic clock, not the injectable one) and the session's own
 *   expiry is still compared with the server's clock at every request by the caller;
 * - only found sessions are kept (an unknown token is looked up every time), at most maxEntries of them.
 *
 * Not covered: a change made by another process on the same database (a second server, SQL by hand) is
 * seen here after at most maxAgeMs. maxAgeMs 0 turns the cache off.
 */
export interface SessionCache {
  /** The cached session of a token hash, or the one lookup() reads (stored when no invalidation raced it). */
  get(tokenHash: string, lookup: () => Promise<SessionRow | undefined>): Promise<SessionRow | undefined>;
  /** Forget every entry: called after any write that changes a user or ends a session. */
  invalidate(): void;
}

export function createSessionCache(options: { readonly maxAgeMs: number; readonly maxEntries?: number; readonly now?: () => number }): SessionCache {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, { readonly session: SessionRow; readonly at: number }>();
  let generation = 0;
  return {
    async get(tokenHash, lookup) {
      if (options.maxAgeMs <= 0) return lookup();
      const cached = entries.get(tokenHash);
      const started = now();
      if (cached !== undefined && started - cached.at < options.maxAgeMs) return cached.session;
      const before = generation;
      const session = await lookup();
      if (session === undefined) {
        entries.delete(tokenHash);
        return undefined;
      }
      if (generation === before) {
        if (entries.size >= maxEntries) entries.clear();
        // aged from when the lookup was issued: the row read is at least that old
        entries.set(tokenHash, { session, at: started });
      }
      return session;
    },
    invalidate() {
      generation++;
      entries.clear();
    },
  };
}
