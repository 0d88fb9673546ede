import type { SqlClient } from './sqlClient.js';
import { StoreError } from './storeError.js';

/** A secret generated once per database by migration 3 (e.g. 'irc-blinding'). */
export async function getServerKey(client: SqlClient, name: string): Promise<string> {
  const { rows } = await client.query<{ value: string }>('SELECT value FROM server_keys WHERE name = $1', [name]);
  if (rows.length === 0) throw new StoreError('invalid-config', `server key '${name}' is missing`);
  return rows[0].value;
}
