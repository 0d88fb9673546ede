import type { SqlClient } from './sqlClient.js';
import type { VersionedResult } from './versionedResult.js';

export type UserRole = 'investigator' | 'coordinator' | 'irc' | 'data_manager' | 'monitor' | 'statistician' | 'sponsor' | 'admin';

export interface UserRow {
  readonly userId: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly siteId: string | null;
  readonly active: boolean;
  readonly version: number;
}

interface Row {
  user_id: string;
  display_name: string;
  role: UserRole;
  site_id: string | null;
  active: boolean;
  version: number;
}

const columns = 'user_id, display_name, role, site_id, active, version';

export function toUser(row: Row): UserRow {
  return Object.freeze({ userId: row.user_id, displayName: row.display_name, role: row.role, siteId: row.site_id, active: row.active, version: row.version });
}

export async function listUsers(client: SqlClient): Promise<readonly UserRow[]> {
  const { rows } = await client.query<Row>(`SELECT ${columns} FROM users ORDER BY user_id`);
  return rows.map(toUser);
}

export async function getUser(client: SqlClient, userId: string): Promise<UserRow | undefined> {
  const { rows } = await client.query<Row>(`SELECT ${columns} FROM users WHERE user_id = $1`, [userId]);
  return rows.length === 0 ? undefined : toUser(rows[0]);
}

export interface NewUser {
  readonly userId: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly siteId: string | null;
}

export async function insertUser(tx: SqlClient, user: NewUser): Promise<UserRow> {
  const { rows } = await tx.query<Row>(`INSERT INTO users (user_id, display_name, role, site_id) VALUES ($1, $2, $3, $4) RETURNING ${columns}`, [
    user.userId,
    user.displayName,
    user.role,
    user.siteId,
  ]);
  return toUser(rows[0]);
}

export interface UserChange {
  readonly displayName?: string;
  readonly active?: boolean;
}

/** Changes the display name or the active flag if the user is still at expectedVersion. */
export async function updateUser(tx: SqlClient, userId: string, expectedVersion: number, change: UserChange): Promise<VersionedResult<UserRow>> {
  const { rows } = await tx.query<Row>(
    `UPDATE users SET display_name = coalesce($3, display_name), active = coalesce($4, active)
     WHERE user_id = $1 AND version = $2 RETURNING ${columns}`,
    [userId, expectedVersion, change.displayName ?? null, change.active ?? null],
  );
  if (rows.length > 0) return { kind: 'written', row: toUser(rows[0]) };
  const current = await getUser(tx, userId);
  return current === undefined ? { kind: 'not-found' } : { kind: 'conflict', expectedVersion, currentVersion: current.version };
}
