import type { SqlClient } from './sqlClient.js';

export interface LoginThrottleRow {
  readonly failures: number;
  readonly windowStart: Date;
  readonly blockedUntil: Date | null;
}

export interface LoginThrottleKey {
  /** The login name as typed (lower-cased by the caller); it may name no user. */
  readonly loginName: string;
  readonly clientAddress: string;
}

export async function getLoginThrottle(client: SqlClient, key: LoginThrottleKey): Promise<LoginThrottleRow | undefined> {
  const { rows } = await client.query<{ failures: number; window_start: Date; blocked_until: Date | null }>(
    'SELECT failures, window_start, blocked_until FROM login_throttle WHERE login_name = $1 AND client_address = $2',
    [key.loginName, key.clientAddress],
  );
  const row = rows[0];
  return row === undefined ? undefined : Object.freeze({ failures: row.failures, windowStart: row.window_start, blockedUntil: row.blocked_until });
}

export async function saveLoginThrottle(client: SqlClient, key: LoginThrottleKey, state: LoginThrottleRow): Promise<void> {
  await client.query(
    `INSERT INTO login_throttle (login_name, client_address, failures, window_start, blocked_until) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (login_name, client_address) DO UPDATE SET failures = EXCLUDED.failures, window_start = EXCLUDED.window_start,
       blocked_until = EXCLUDED.blocked_until`,
    [key.loginName, key.clientAddress, state.failures, state.windowStart, state.blockedUntil],
  );
}

export async function clearLoginThrottle(client: SqlClient, key: LoginThrottleKey): Promise<void> {
  await client.query('DELETE FROM login_throttle WHERE login_name = $1 AND client_address = $2', [key.loginName, key.clientAddress]);
}
