import type { SqlClient } from './sqlClient.js';

/** Sets (or replaces) a user's password hash; the hash is computed by the caller (argon2id). */
export async function setPasswordHash(tx: SqlClient, userId: string, passwordHash: string, at: Date): Promise<void> {
  await tx.query(
    `INSERT INTO credentials (user_id, password_hash, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated_at = EXCLUDED.updated_at`,
    [userId, passwordHash, at],
  );
}

export async function getPasswordHash(client: SqlClient, userId: string): Promise<string | undefined> {
  const { rows } = await client.query<{ password_hash: string }>('SELECT password_hash FROM credentials WHERE user_id = $1', [userId]);
  return rows[0]?.password_hash;
}
