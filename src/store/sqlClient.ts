/**
 * The port every store adapter implements: parameterised SQL with typed rows, and transactions.
 * Rows are typed by the caller (`query<MyRow>(...)`); the adapters return the same JS types on both
 * engines: int8 as a JS number (ids), date as 'YYYY-MM-DD' text, timestamptz as Date, jsonb parsed.
 */

/**
 * What a placeholder may receive. Pass jsonb as JSON text (`$1::jsonb` with JSON.stringify(value)):
 * pg turns a JS array into a PostgreSQL array literal, PGlite does not, so raw objects would diverge.
 */
export type SqlParam = string | number | boolean | null | Date | readonly string[] | readonly number[];

export interface QueryResult<Row> {
  readonly rows: Row[];
  /** Rows returned, or rows affected for INSERT/UPDATE/DELETE without RETURNING. */
  readonly rowCount: number;
}

/**
 * What a statement may tell the adapter besides its text and parameters.
 * batch: the same statement for several grouped bodies at once (group commit, TransactionOptions.group):
 * its $k is the array of every body's k-th parameter (cast to the array type, e.g. `$1::text[]`), read with
 * `unnest(...) WITH ORDINALITY`, and each row it returns names the body it belongs to in an int column
 * `batch_index` (1-based, the body's place in the arrays), each body's rows in the statement's own order. The
 * adapter may run it instead of the statement when several bodies of a group issue the statement together
 * under the same settings; each body then gets its own rows (without batch_index) and, like the
 * statement, fails when the batch fails. Everywhere else the statement runs as it is.
 */
export interface QueryOptions {
  readonly batch?: string;
}

export interface SqlClient {
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<QueryResult<Row>>;
  /**
   * A transaction's last statement: the adapter may send COMMIT with it (on a server: in the same socket
   * write, one round trip fewer), so nothing may be issued on the transaction's client after it (StoreError
   * 'transaction-closed'), and a failure of the statement or of the COMMIT rolls the whole transaction back
   * and rejects. Outside a transaction, and where the adapter cannot commit early, the same as query(). The
   * body must not refuse after it: its data may already be committed.
   */
  queryLast<Row extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<QueryResult<Row>>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs fn inside BEGIN ... COMMIT on one connection; ROLLBACK when fn throws (the error is rethrown).
   * A transaction's own client rejects a nested transaction() with StoreError 'nested-transaction'.
   * options.settings are set for this transaction only (set_config(name, value, true)) before fn runs: on
   * a server in the same round trip as BEGIN (withAuditContext's who and why).
   */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

export interface TransactionOptions {
  /** Run-time parameters local to the transaction, e.g. { 'trialkit.user': 'u1' } (names: [a-z_.]+). */
  readonly settings?: Readonly<Record<string, string>>;
  /**
   * Group commit: the adapter may run this body together with other grouped bodies started at the same
   * time in one database transaction (one COMMIT for all; on a server, their statements share round trips),
   * each body's statements under its own settings. Its promise still settles only after that COMMIT. When
   * any body of the group throws or any statement fails, nothing of the group is committed and every body
   * runs again alone, in a transaction of its own: so a grouped body must have no effect outside the
   * database (it may run twice) and sees the uncommitted writes of the bodies grouped with it, as if they
   * had committed just before. Adapters without it (the embedded store) run the body alone.
   */
  readonly group?: boolean;
}

const settingName = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;

/** The settings as one SELECT set_config(...) with parameters ($1, $2, ...), or undefined when there are none. */
export function settingsQuery(options: TransactionOptions | undefined): { sql: string; params: string[] } | undefined {
  const entries = Object.entries(options?.settings ?? {});
  if (entries.length === 0) return undefined;
  for (const [name] of entries) if (!settingName.test(name)) throw new Error(`not a custom setting name: ${name}`);
  return {
    sql: `SELECT ${entries.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
    params: entries.flatMap(([name, value]) => [name, value]),
  };
}

export type StoreEngine = 'embedded' | 'postgres';

export interface Store extends SqlClient {
  readonly engine: StoreEngine;
  /** The schema the tables live in (search_path), or undefined for the engine's default. */
  readonly schema: string | undefined;
  /** Migration versions applied while opening this store (empty when the database was up to date). */
  readonly migrationsApplied: readonly number[];
  close(): Promise<void>;
}
