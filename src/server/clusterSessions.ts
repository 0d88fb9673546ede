import type { Worker } from 'node:cluster';
import type { SessionCache, SessionPeers } from './sessionCache.js';

/**
 * Session invalidation between the worker processes of one server (node:cluster): a worker's
 * invalidate() goes to the primary, which passes it to every other worker and answers once all have
 * emptied their caches; a worker that exits meanwhile is not waited for (it serves nothing more).
 * Messages travel on the cluster's IPC channel, so the primary must run relaySessionInvalidation().
 */

const ASK = 'trialkit:sessions-invalidate';
const FORGET = 'trialkit:sessions-forget';
const FORGOTTEN = 'trialkit:sessions-forgotten';
const DONE = 'trialkit:sessions-invalidated';

interface Message {
  readonly type: string;
  readonly id: number;
}

function isMessage(value: unknown, type: string): value is Message {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type && typeof (value as { id?: unknown }).id === 'number';
}

/** The primary's part: relays each worker's invalidation to the others and confirms it when all answered. */
export function relaySessionInvalidation(cluster: { readonly workers?: NodeJS.Dict<Worker>; on(event: 'message', listener: (worker: Worker, message: unknown) => void): unknown; on(event: 'exit', listener: (worker: Worker) => void): unknown }): void {
  let next = 0;
  // per relayed invalidation: the workers still to confirm, and whom to answer
  const pending = new Map<number, { readonly from: Worker; readonly askId: number; readonly waiting: Set<number> }>();
  const settle = (relayId: number): void => {
    const entry = pending.get(relayId);
    if (entry === undefined || entry.waiting.size > 0) return;
    pending.delete(relayId);
    if (entry.from.isConnected()) entry.from.send({ type: DONE, id: entry.askId });
  };
  cluster.on('message', (worker, message) => {
    if (isMessage(message, ASK)) {
      const relayId = ++next;
      const others = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && w !== worker && w.isConnected());
      pending.set(relayId, { from: worker, askId: message.id, waiting: new Set(others.map((w) => w.id)) });
      for (const other of others) other.send({ type: FORGET, id: relayId });
      settle(relayId);
    } else if (isMessage(message, FORGOTTEN)) {
      pending.get(message.id)?.waiting.delete(worker.id);
      settle(message.id);
    }
  });
  cluster.on('exit', (worker) => {
    for (const [relayId, entry] of pending) {
      entry.waiting.delete(worker.id);
      settle(relayId);
    }
  });
}

/** A worker's peers: the other workers, through the primary. Call listen(cache) once the cache exists. */
export function clusterSessionPeers(channel: { send?: (message: Message) => boolean; on(event: 'message', listener: (message: unknown) => void): unknown } = process): SessionPeers & { listen(cache: SessionCache): void } {
  let next = 0;
  const waiting = new Map<number, () => void>();
  let cache: SessionCache | undefined;
  channel.on('message', (message) => {
    if (isMessage(message, FORGET)) {
      cache?.forget();
      channel.send?.({ type: FORGOTTEN, id: message.id });
    } else if (isMessage(message, DONE)) {
      waiting.get(message.id)?.();
      waiting.delete(message.id);
    }
  });
  return {
    invalidate() {
      const send = channel.send;
      if (send === undefined) return Promise.reject(new Error('no IPC channel to the primary'));
      const id = ++next;
      return new Promise<void>((resolve) => {
        waiting.set(id, resolve);
        send.call(channel, { type: ASK, id });
      });
    },
    listen(target) {
      cache = target;
    },
  };
}
