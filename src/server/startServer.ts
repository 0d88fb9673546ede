import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { ProtocolModule } from '../protocols/index.js';
import { openTrialProtocol, type AuditSealer, type Store } from '../store/index.js';
import { createWebApp } from '../web/index.js';
import { API_BASE, createApp } from './createApp.js';
import { createServedProtocol } from './servedProtocol.js';
import type { SessionPeers } from './sessionCache.js';

export interface StartServerOptions {
  readonly store: Store;
  /** The protocol the EDC serves (the database records it; another protocol's database is refused before listening). */
  readonly protocol: ProtocolModule;
  readonly port: number;
  readonly hostname?: string;
  readonly log?: (line: string) => void;
  /** The audit sealer to poke after writes (see startAuditSealer); the caller starts and stops it. */
  readonly sealer?: AuditSealer;
  /** Public origins besides the listening address that may send state-changing requests (behind a proxy). */
  readonly trustedOrigins?: readonly string[];
  /**
   * Set in each worker of a server made of several processes (node:cluster, which shares the listening
   * socket): the other workers, whose session caches a logout or user change empties before its answer.
   */
  readonly sessionPeers?: SessionPeers;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:8080 */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Records the protocol in the database (or checks it: a StoreError 'protocol-mismatch' naming both when the
 * database holds another protocol's trial), then listens on hostname:port (port 0 = any free port) and
 * resolves once the socket is bound.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const protocol = createServedProtocol(options.protocol);
  await openTrialProtocol(options.store, { protocolId: protocol.definition.id, protocolVersion: protocol.definition.version }, 'system:server');
  const app = createApp({
    store: options.store,
    protocol,
    ...(options.log === undefined ? {} : { log: options.log }),
    ...(options.sealer === undefined ? {} : { sealer: options.sealer }),
    ...(options.trustedOrigins === undefined ? {} : { trustedOrigins: options.trustedOrigins }),
    ...(options.sessionPeers === undefined ? {} : { sessionPeers: options.sessionPeers }),
  });
  const web = createWebApp();
  // the API under /api/v1, the web application's page and files everywhere else
  const fetch = (request: Request, env: unknown): Response | Promise<Response> =>
    new URL(request.url).pathname.startsWith(`${API_BASE}/`) ? app.fetch(request, env) : web.fetch(request, env);
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: options.port, hostname }, (info: AddressInfo) => {
      resolve({
        url: `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error === undefined ? done() : fail(error)));
            // idle keep-alive sockets would otherwise hold the close open
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
