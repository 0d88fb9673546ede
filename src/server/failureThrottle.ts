import { clearLoginThrottle, getLoginThrottle, saveLoginThrottle, type LoginThrottleKey, type SqlClient } from '../store/index.js';
import { HttpError } from './httpError.js';

/** Failed attempts allowed per name and client address within the window before a pause (sign-in and re-authentication at signing). */
export const LOGIN_THROTTLE = Object.freeze({ maxFailures: 5, windowMinutes: 15, blockMinutes: 15 });

const minutes = (n: number): number => n * 60_000;

/**
 * The throttle of password attempts, shared by sign-in and by the re-authentication of an electronic
 * signature (21 CFR 11.300(d): attempts at unauthorised use are limited): five failures within 15 minutes
 * for one key pause it for 15 minutes (429 with retryAfterSeconds); a success clears the key.
 */
export async function refuseWhileThrottled(client: SqlClient, key: LoginThrottleKey, now: Date, what: string): Promise<void> {
  const throttle = await getLoginThrottle(client, key);
  if (throttle?.blockedUntil != null && throttle.blockedUntil.getTime() > now.getTime()) {
    const retryAfterSeconds = Math.ceil((throttle.blockedUntil.getTime() - now.getTime()) / 1000);
    const wait = Math.ceil(retryAfterSeconds / 60);
    throw new HttpError(429, 'throttled', `too many failed ${what} attempts: try again in ${wait} minute${wait === 1 ? '' : 's'}`, { extra: { retryAfterSeconds } });
  }
}

/** Counts one failure of the key (a new window when the last one is over), pausing it at the limit. */
export async function countFailedAttempt(client: SqlClient, key: LoginThrottleKey, now: Date): Promise<void> {
  const throttle = await getLoginThrottle(client, key);
  const fresh = throttle === undefined || now.getTime() - throttle.windowStart.getTime() > minutes(LOGIN_THROTTLE.windowMinutes);
  const failures = fresh ? 1 : throttle.failures + 1;
  await saveLoginThrottle(client, key, {
    failures,
    windowStart: fresh ? now : throttle.windowStart,
    blockedUntil: failures >= LOGIN_THROTTLE.maxFailures ? new Date(now.getTime() + minutes(LOGIN_THROTTLE.blockMinutes)) : null,
  });
}

export async function clearFailedAttempts(client: SqlClient, key: LoginThrottleKey): Promise<void> {
  await clearLoginThrottle(client, key);
}

/**
 * The key of a signer's re-authentication: the user id and the client address, marked so that it never meets
 * a sign-in key (an address is never followed by a space and a word), so failed signatures pause signing,
 * not the signer's sign-in, and failed sign-ins of a name typed at the login screen cannot pause signing.
 */
export function signingThrottleKey(userId: string, clientAddress: string): LoginThrottleKey {
  return { loginName: userId.toLowerCase(), clientAddress: `${clientAddress} signing` };
}
