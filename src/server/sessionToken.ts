import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'trialkit_session';

/** 256 random bits, base64url: the cookie value. Only its hash is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
