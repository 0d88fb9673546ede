import type { SqlClient } from './sqlClient.js';

export interface IdempotencyRequest {
  readonly userId: string;
  /** The client's Idempotency-Key header. */
  readonly key: string;
  /** A hash of method, path and body, so a reused key with another request is caught. */
  readonly requestHash: string;
}

export type IdempotencyLookup =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly statusCode: number; readonly response: unknown }
  | { readonly kind: 'mismatch' };

interface KeyRow {
  request_hash: string;
  status_code: number;
  response: unknown;
}

/** What to do with a request carrying an idempotency key: run it, replay the stored answer, or refuse (422). */
export async function lookupIdempotencyKey(client: SqlClient, request: IdempotencyRequest): Promise<IdempotencyLookup> {
  const { rows } = await client.query<KeyRow>('SELECT request_hash, status_code, response FROM idempotency_keys WHERE user_id = $1 AND key = $2', [
    request.userId,
    request.key,
  ]);
  if (rows.length === 0) return { kind: 'new' };
  if (rows[0].request_hash !== request.requestHash) return { kind: 'mismatch' };
  return { kind: 'replay', statusCode: rows[0].status_code, response: rows[0].response };
}

/**
 * Stores the answer in the same transaction as the write it answers, so a crash cannot keep one
 * without the other. Two concurrent requests with one key: the second fails with 'unique-violation'
 * and should be answered from lookupIdempotencyKey after retrying.
 */
export async function saveIdempotencyKey(tx: SqlClient, request: IdempotencyRequest, statusCode: number, response: unknown): Promise<void> {
  await tx.query('INSERT INTO idempotency_keys (user_id, key, request_hash, status_code, response) VALUES ($1, $2, $3, $4, $5::jsonb)', [
    request.userId,
    request.key,
    request.requestHash,
    statusCode,
    JSON.stringify(response),
  ]);
}
