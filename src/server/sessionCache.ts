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
 * Across the worker processes of one server (SessionPeers, e.g. node:cluster): invalidate() also empties
 * every peer's cache and resolves once each peer has confirmed, or once maxAgeMs has passed (by then no
 * peer can still use an entry read before the change, whatever became of the message), so the answer
 * of a logout or deactivation is sent only when no process of the server can accept the old session.
 *
 * Not covered: a change made by another process on the same database that is not a peer (a second
 * server, SQL by hand) is seen here after at most maxAgeMs. maxAgeMs 0 turns the cache off.
 */
export interface SessionCache {
  /** The cached session of a token hash, or the one lookup() reads (stored when no invalidation raced it). */
  get(tokenHash: string, lookup: () => Promise<SessionRow | undefined>): Promise<SessionRow | undefined>;
  /**
   * Forget every entry here and in every peer: called after any write that changes a user or ends a
   * session, awaited before the answer.
   */
  invalidate(): Promise<void>;
  /** Forget every entry of this process only (a peer's invalidation arriving). */
  forget(): void;
}

/** The other processes serving the same database with a cache of their own. */
export interface SessionPeers {
  /** Asks every peer to forget its entries; resolves when all have (rejects or never settles when one cannot answer). */
  invalidate(): Promise<void>;
  /** Where the peers' invalidations arrive from now on (the cache's forget()). */
  listen(cache: SessionCache): void;
}

export function createSessionCache(options: {
  readonly maxAgeMs: number;
  readonly maxEntries?: number;
  readonly now?: () => number;
  readonly peers?: SessionPeers;
}): SessionCache {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, { readonly session: SessionRow; readonly at: number }>();
  let generation = 0;
  const forget = (): void => {
    generation++;
    entries.clear();
  };
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
    async invalidate() {
      forget();
      const peers = options.peers;
      if (peers === undefined || options.maxAgeMs <= 0) return;
      // a peer's entry read before the change is unusable maxAgeMs after it: waiting that long is as good
      // as its confirmation (a peer that died or a lost message cannot hold the answer longer)
      let timer: NodeJS.Timeout | undefined;
      const aged = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.maxAgeMs)));
      try {
        await Promise.race([peers.invalidate().catch(() => aged), aged]);
      } finally {
        clearTimeout(timer);
      }
    },
    forget,
  };
}
