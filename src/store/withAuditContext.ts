import type { SqlClient } from './sqlClient.js';

export interface AuditContext {
  /** users.user_id of the person acting (or 'system:<job>' for an unattended job). */
  readonly user: string;
  /** Reason for change; required by the triggers for every update or delete of a saved record. */
  readonly reason?: string;
}

/**
 * Sets who and why for the current transaction only (set_config(..., true)): the audit triggers read
 * them, and they vanish at COMMIT/ROLLBACK so a pooled connection never carries them to another request.
 */
export async function setAuditContext(tx: SqlClient, context: AuditContext): Promise<void> {
  await tx.query("SELECT set_config('trialkit.user', $1, true) AS user_set, set_config('trialkit.reason', $2, true) AS reason_set", [
    context.user,
    context.reason ?? '',
  ]);
}

/**
 * Runs fn in a transaction whose writes are audited as done by context.user for context.reason (set with
 * BEGIN, in the same round trip on a server). options.group: TransactionOptions.group (group commit; each
 * grouped body's statements run under its own user and reason).
 */
export function withAuditContext<T>(client: SqlClient, context: AuditContext, fn: (tx: SqlClient) => Promise<T>, options: { readonly group?: boolean } = {}): Promise<T> {
  const settings = { 'trialkit.user': context.user, 'trialkit.reason': context.reason ?? '' };
  return client.transaction(fn, options.group === true ? { settings, group: true } : { settings });
}
