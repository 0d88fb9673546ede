import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { deleteSession, getPasswordHash, getUser, insertSession, type LoginThrottleKey } from '../store/index.js';
import { clearFailedAttempts, countFailedAttempt, refuseWhileThrottled } from './failureThrottle.js';
import { HttpError } from './httpError.js';
import { verifyPassword } from './passwords.js';
import { loginBody } from './requestSchemas.js';
import { ok, route, type RouteSpec } from './route.js';
import { sessionUserResponse } from './responseSchemas.js';
import { SESSION_COOKIE, hashToken, newSessionToken } from './sessionToken.js';

/** Failed logins allowed per login name and client address within the window before a pause (failureThrottle.ts). */
export { LOGIN_THROTTLE } from './failureThrottle.js';

const minutes = (n: number): number => n * 60_000;

export const authRoutes: readonly RouteSpec[] = [
  route({
    method: 'post',
    path: '/auth/login',
    response: sessionUserResponse,
    action: 'public',
    tag: 'auth',
    summary: 'Sign in with user id and password; sets an HttpOnly, SameSite=Strict session cookie',
    body: loginBody,
    responses: { 200: 'signed in', 401: 'wrong user id or password', 429: 'too many failed attempts (Retry-After)' },
    async handler({ c, body, services }) {
      const now = services.clock();
      const key: LoginThrottleKey = { loginName: body.userId.toLowerCase(), clientAddress: services.clientAddress(c) };
      await refuseWhileThrottled(services.store, key, now, 'sign-in');
      const user = await getUser(services.store, body.userId);
      const passwordOk = await verifyPassword(user === undefined ? undefined : await getPasswordHash(services.store, user.userId), body.password);
      if (user === undefined || !user.active || !passwordOk) {
        await countFailedAttempt(services.store, key, now);
        // one answer for every cause, so the endpoint does not reveal which user ids exist
        throw new HttpError(401, 'bad-credentials', 'wrong user id or password');
      }
      await clearFailedAttempts(services.store, key);
      const token = newSessionToken();
      const expiresAt = new Date(now.getTime() + minutes(services.sessionTtlMinutes));
      await insertSession(services.store, { tokenHash: hashToken(token), userId: user.userId, createdAt: now, expiresAt });
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: services.secureCookies,
        path: '/api/v1',
        maxAge: services.sessionTtlMinutes * 60,
      });
      return ok({ userId: user.userId, displayName: user.displayName, role: user.role, siteId: user.siteId, expiresAt: expiresAt.toISOString() });
    },
  }),
  route({
    method: 'post',
    path: '/auth/logout',
    action: 'authenticated',
    tag: 'auth',
    summary: 'End the session',
    responses: { 204: 'signed out' },
    async handler({ c, services }) {
      const token = getCookie(c, SESSION_COOKIE);
      if (token !== undefined) {
        await deleteSession(services.store, hashToken(token));
        // before the answer: the next request with this token reads the (now missing) session
        await services.sessions.invalidate();
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/api/v1' });
      return { status: 204, body: null };
    },
  }),
  route({
    method: 'get',
    path: '/auth/session',
    response: sessionUserResponse,
    action: 'authenticated',
    tag: 'auth',
    summary: 'The signed-in user, role, site and session expiry',
    handler({ user }) {
      return Promise.resolve(ok(user === undefined ? null : { ...user, expiresAt: user.expiresAt.toISOString() }));
    },
  }),
];
