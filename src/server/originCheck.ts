import type { Context } from 'hono';
import { issue } from '../result/index.js';
import { HttpError } from './httpError.js';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery: a state-changing request a browser sends on behalf of another site carries
 * that site's Origin, or Sec-Fetch-Site: cross-site / same-site. Such a request is refused, whatever the
 * session cookie (SameSite=Strict stays as a second defence). The server's own origin is the one the
 * request was addressed to (scheme and Host); behind a proxy that rewrites either, name the public
 * origin(s) in trustedOrigins. A request with neither header comes from a program, not a browser page
 * (curl, the load benchmark, an integration), and has no ambient credentials to abuse: it passes.
 * hono's own csrf middleware is not used because it checks form content types only, and this API takes JSON.
 */
export function crossOriginRefusal(c: Context, trustedOrigins: readonly string[]): HttpError | undefined {
  if (!stateChanging.has(c.req.method)) return undefined;
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return new HttpError(403, 'cross-origin', 'a state-changing request from another site is refused', {
      issues: [issue('cross-origin', ['Sec-Fetch-Site'], site, 'same-origin')],
    });
  }
  const origin = c.req.header('origin');
  if (origin === undefined) return undefined;
  const own = new URL(c.req.url).origin;
  if (origin === own || trustedOrigins.includes(origin)) return undefined;
  return new HttpError(403, 'cross-origin', 'a state-changing request from another origin is refused', {
    issues: [issue('cross-origin', ['Origin'], origin, trustedOrigins.length === 0 ? own : [own, ...trustedOrigins].join(' or '))],
  });
}

/** Answers may not be shown inside another site's frame (clickjacking): both the CSP and the older header. */
export function forbidFraming(headers: Headers): void {
  headers.set('X-Frame-Options', 'DENY');
  const policy = headers.get('Content-Security-Policy');
  if (policy === null) headers.set('Content-Security-Policy', "frame-ancestors 'none'");
  else if (!/frame-ancestors/i.test(policy)) headers.set('Content-Security-Policy', `${policy}; frame-ancestors 'none'`);
}
