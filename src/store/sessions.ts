import type { SqlClient } from './sqlClient.js';
import type { UserRole } from './users.js';

export interface SessionRow {
  readonly userId: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly siteId: string | null;
  readonly active: boolean;
  readonly expiresAt: Date;
}

export async function insertSession(client: SqlClient, session: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await client.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    session.tokenHash,
    session.userId,
    session.createdAt,
    session.expiresAt,
  ]);
}

/** The session of a token hash with its user's current role and site (a role change applies at once). */
export async function findSession(client: SqlClient, tokenHash: string): Promise<SessionRow | undefined> {
  const { rows } = await client.query<{ user_id: string; display_name: string; role: UserRole; site_id: string | null; active: boolean; expires_at: Date }>(
    `SELECT u.user_id, u.display_name, u.role, u.site_id, u.active, s.expires_at
     FROM sessions s JOIN users u ON u.user_id = s.user_id WHERE s.token_hash = $1`,
    [tokenHash],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return Object.freeze({ userId: row.user_id, displayName: row.display_name, role: row.role, siteId: row.site_id, active: row.active, expiresAt: row.expires_at });
}

export async function deleteSession(client: SqlClient, tokenHash: string): Promise<void> {
  await client.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** Ends every session of a user (deactivation, password change). */
export async function deleteUserSessions(client: SqlClient, userId: string): Promise<void> {
  await client.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

export async function deleteExpiredSessions(client: SqlClient, now: Date): Promise<number> {
  const result = await client.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
  return result.rowCount;
}
