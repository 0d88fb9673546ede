import { createHash } from 'node:crypto';
import pg from 'pg';
import type { PoolClient } from 'pg';
import { migrate } from './migrate.js';
import type { Migration } from './migrations.js';
import { settingsQuery, type QueryOptions, type QueryResult, type SqlClient, type SqlParam, type Store, type TransactionOptions } from './sqlClient.js';
import { sendTick, type PendingStatement } from './statementBatches.js';
import { StoreError, toStoreError } from './storeError.js';
import { transactionClient } from './transactionClient.js';
import { DATE_OID, INT8_OID, parseDate, parseInt8 } from './typeParsers.js';

export interface PostgresStoreOptions {
  /** postgres://user@host:port/database */
  readonly url: string;
  /** Schema for every table (created if missing, set as search_path on each connection). */
  readonly schema?: string;
  /** Pool size; TRIALKIT_PG_POOL, else 10. */
  readonly maxConnections?: number;
  /** For tests of the migration runner; the trial schema by default. */
  readonly migrations?: readonly Migration[];
}

const schemaPattern = /^[a-z_][a-z0-9_]{0,62}$/;

// Per-pool parsers: pg.types.setTypeParser would change every pg user in the process.
function typeParsers(): pg.TypeOverrides {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, parseInt8);
  types.setTypeParser(DATE_OID, parseDate);
  return types;
}

function toResult<Row>(result: pg.QueryResult<Row & pg.QueryResultRow>): QueryResult<Row> {
  return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
}

/**
 * A statement with parameters runs as a named prepared statement, named after its text: PostgreSQL parses
 * and plans it once per connection instead of at every call (the EDC sends the same few statements all the
 * time). The set of texts is the code's own SQL, so the per-connection cache stays small.
 */
function statement(sql: string, params: readonly SqlParam[]): pg.QueryConfig {
  if (params.length === 0) return { text: sql };
  return { name: statementName(sql), text: sql, values: [...params] };
}

// the names are hashed once per text, not at every call (a hash was about 1% of the server's CPU under load)
const statementNames = new Map<string, string>();
const MAX_CACHED_NAMES = 10_000;

function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `tk_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    // a bound against code that builds texts at run time (IN lists): the cache stays small either way
    if (statementNames.size >= MAX_CACHED_NAMES) statementNames.clear();
    statementNames.set(sql, name);
  }
  return name;
}

const settingName = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;

/** BEGIN and the transaction's settings as one simple query: one round trip (names checked, values escaped). */
function beginSql(connection: PoolClient, options: TransactionOptions | undefined): string {
  const entries = Object.entries(options?.settings ?? {});
  if (entries.length === 0) return 'BEGIN';
  for (const [name] of entries) if (!settingName.test(name)) throw new StoreError('invalid-config', `not a custom setting name: ${name}`);
  return `BEGIN; SELECT ${entries.map(([name, value]) => `set_config('${name}', ${connection.escapeLiteral(value)}, true)`).join(', ')}`;
}

interface GroupMember {
  readonly fn: (tx: SqlClient) => Promise<unknown>;
  readonly settings: Readonly<Record<string, string>>;
  /** The settings as one text: only statements of bodies with the same key are batched together. */
  readonly settingsKey: string;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

function sameSettings(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}

// a bound on one group: its bodies' statements travel in one socket write per round trip
const MAX_GROUP = 64;

function poolSize(option: number | undefined): number {
  const fromEnv = Number(process.env.TRIALKIT_PG_POOL);
  return option ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 10);
}

interface CorkableStream {
  cork(): void;
  uncork(): void;
}

/**
 * Holds a connection's writes until the current tick's promise jobs have run, so every statement issued
 * together (BEGIN with the body's first statements, a Promise.all) leaves in one socket write instead of
 * one each: on a virtual machine a loopback write that wakes the server costs tens of microseconds of CPU.
 * The answers are unchanged (each statement keeps its own Sync); they only leave a few microseconds later.
 */
function corkUntilNextTick(connection: PoolClient): void {
  const stream = (connection as unknown as { connection?: { stream?: Partial<CorkableStream> & { writableCorked?: number } } }).connection?.stream;
  if (stream?.cork === undefined || stream.uncork === undefined || (stream.writableCorked ?? 0) > 0) return;
  stream.cork();
  // process.nextTick runs after the promise jobs queued now (and those they queue), before any IO
  process.nextTick(() => stream.uncork?.());
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStoreError(error);
  }
}

/** A PostgreSQL server through a pg Pool; every connection's search_path is the store's schema. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const { schema } = options;
  if (schema !== undefined && !schemaPattern.test(schema)) {
    throw new StoreError('invalid-config', `schema '${schema}' must match ${String(schemaPattern)}`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: poolSize(options.maxConnections),
    connectionTimeoutMillis: 5000,
    types: typeParsers(),
    // pipeline mode: a statement is written as soon as it is issued, not after the previous one's answer,
    // so a transaction's BEGIN travels with its first statement and independent statements issued
    // together (Promise.all) share one round trip; each still has its own Sync, so one failing does not
    // hide another's result, and inside a transaction the ones after it fail as the transaction is aborted
    pipeline: true,
    // a startup parameter, so the path is in force before the first statement on every connection
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle connection dropped by the server is discarded by the pool; the next query reconnects.
  // Without a listener the 'error' event would crash the process.
  pool.on('error', () => undefined);

  const client: SqlClient = {
    query<Row extends object = Record<string, unknown>>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<Row>> {
      return run(async () => toResult(await pool.query<Row & pg.QueryResultRow>(statement(sql, params))));
    },
    queryLast<Row extends object = Record<string, unknown>>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<Row>> {
      return client.query<Row>(sql, params);
    },
    exec(sql: string): Promise<void> {
      return run(async () => {
        await pool.query(sql);
      });
    },
    transaction<T>(fn: (tx: SqlClient) => Promise<T>, options?: TransactionOptions): Promise<T> {
      if (options?.group !== true) return alone(fn, options);
      return new Promise<T>((resolve, reject) => {
        const settings = options.settings ?? {};
        forming.push({ fn, settings, settingsKey: JSON.stringify(Object.entries(settings)), resolve: resolve as (value: unknown) => void, reject });
        if (forming.length >= MAX_GROUP) startGroup();
        else if (forming.length === 1) setImmediate(startGroup);
      });
    },
  };

  // Group commit (TransactionOptions.group): the grouped transactions begun in one turn of the event loop
  // (the requests read in one poll) share one transaction on one connection. Their bodies run interleaved;
  // the statements of all that are issued together leave in one socket write (the reads of every body, then
  // every body's INSERT), and one COMMIT ends them: PostgreSQL flushes its log once for the group, and the
  // server writes and reads its socket once per round trip instead of once per body.
  let forming: GroupMember[] = [];
  function startGroup(): void {
    const members = forming;
    forming = [];
    if (members.length > 0) void runGroup(members);
  }
  function runAlone(member: GroupMember): Promise<void> {
    return alone(member.fn, { settings: member.settings }).then(member.resolve, member.reject);
  }
  async function runGroup(members: readonly GroupMember[]): Promise<void> {
    if (members.length === 1) return runAlone(members[0]);
    let connection: PoolClient;
    try {
      connection = await pool.connect();
    } catch {
      // each alone gets its own answer (the same failure, or a connection freed since)
      await Promise.all(members.map(runAlone));
      return;
    }
    // any failed statement aborts the shared transaction (its COMMIT would be a ROLLBACK)
    let failed = false;
    const track = <R>(pending: Promise<R>): Promise<R> =>
      pending.catch((error: unknown) => {
        failed = true;
        throw toStoreError(error);
      });
    let settingsOf: GroupMember | undefined;
    // writes one statement now, under its body's settings
    const send = (member: GroupMember, sql: string, params: readonly SqlParam[]): Promise<pg.QueryResult> => {
      // the audit triggers read who and why from the session: set before this body's statement whenever
      // the previous statement on the connection ran under other settings (set_config(..., true) holds to
      // COMMIT); bodies of the same user and reason share them
      if (settingsOf !== member && (settingsOf === undefined || !sameSettings(settingsOf.settings, member.settings))) {
        settingsOf = member;
        const settings = settingsQuery({ settings: member.settings });
        if (settings !== undefined) void track(connection.query(statement(settings.sql, settings.params))).catch(() => undefined);
      }
      return track(connection.query(statement(sql, params)));
    };
    // the statements the bodies issue in one tick wait for its end, so that those issued together by several
    // bodies with a batch form (QueryOptions.batch) leave as one statement (sendTick)
    let tick: PendingStatement<GroupMember>[] = [];
    // BEGIN leaves with the first tick's statements, in the same socket write
    let begun = false;
    const begin = (): void => {
      if (begun) return;
      begun = true;
      void track(connection.query('BEGIN')).catch(() => undefined);
    };
    const flushTick = (): void => {
      const items = tick;
      tick = [];
      if (items.length === 0) return;
      if (failed) {
        const closed = new StoreError('transaction-closed', 'a statement of the group failed; the group runs again');
        for (const item of items) item.reject(closed);
        return;
      }
      corkUntilNextTick(connection);
      begin();
      sendTick(items, send, () => {
        failed = true;
      });
    };
    const issue = (member: GroupMember, sql: string, params: readonly SqlParam[], batch: string | undefined): Promise<QueryResult<object>> => {
      if (failed) return Promise.reject(new StoreError('transaction-closed', 'a statement of the group failed; the group runs again'));
      return new Promise((resolve, reject) => {
        tick.push({ member, settingsKey: member.settingsKey, sql, params, batch, resolve, reject });
        if (tick.length === 1) process.nextTick(flushTick);
      });
    };
    const clients = members.map((member) =>
      transactionClient({
        query: async <Row extends object>(sql: string, params: readonly SqlParam[], options?: QueryOptions) => (await issue(member, sql, params, options?.batch)) as QueryResult<Row>,
        queryThenCommit: async <Row extends object>(sql: string, params: readonly SqlParam[], options?: QueryOptions) => {
          finished.add(member);
          const pendingResult = issue(member, sql, params, options?.batch);
          if (finished.size === members.length) commitEarly();
          return (await pendingResult) as QueryResult<Row>;
        },
        exec: async (sql: string) => {
          await issue(member, sql, [], undefined);
        },
      }),
    );
    // Once every body has issued its last statement (queryLast) or ended, the COMMIT is queued behind the
    // tick's statements and leaves in their socket write, a round trip sooner; a body must not refuse after
    // its last statement (SqlClient.queryLast), so nothing can undo the group after that but a failed
    // statement, and then the COMMIT ends the transaction as a ROLLBACK and every body runs again alone.
    const finished = new Set<GroupMember>();
    let refusedBody = false;
    let commit: Promise<pg.QueryResult> | undefined;
    const commitEarly = (): void => {
      if (failed || refusedBody || commit !== undefined) return;
      const queue = (): void => {
        if (failed || refusedBody || commit !== undefined) return;
        // after the tick's statements (flushTick runs before this tick callback: it was queued first, or
        // there is nothing in the tick)
        flushTick();
        corkUntilNextTick(connection);
        begin();
        commit = connection.query('COMMIT');
        commit.catch(() => undefined);
      };
      process.nextTick(queue);
    };
    const outcomes = await Promise.allSettled(
      members.map((member, i) =>
        member.fn(clients[i].client).then(
          (value) => {
            // no statement after the body's end (a stray one would follow the COMMIT, outside the transaction)
            clients[i].end();
            finished.add(member);
            if (finished.size === members.length) commitEarly();
            return value;
          },
          (error: unknown) => {
            clients[i].end();
            refusedBody = true;
            throw error;
          },
        ),
      ),
    );
    for (const { end } of clients) end();
    // a statement a body issued without awaiting it still goes before the transaction's end
    flushTick();
    let committed = false;
    let broken: Error | undefined;
    if (commit !== undefined || (!failed && outcomes.every((outcome) => outcome.status === 'fulfilled'))) {
      try {
        if (commit === undefined) {
          corkUntilNextTick(connection);
          begin();
          commit = connection.query('COMMIT');
        }
        // in an aborted transaction COMMIT answers ROLLBACK without an error
        committed = (await commit).command === 'COMMIT';
      } catch (error) {
        // the COMMIT's outcome is unknown (the connection may have dropped after it committed): every body
        // gets the error, as a transaction of its own would, and none runs again
        connection.release(error instanceof Error ? error : new Error(String(error)));
        const storeError = toStoreError(error);
        for (const member of members) member.reject(storeError);
        return;
      }
    }
    if (committed) {
      connection.release();
      // a body that threw after its last statement gets its error, though its writes are committed (queryLast)
      outcomes.forEach((outcome, i) => {
        if (outcome.status === 'fulfilled') members[i].resolve(outcome.value);
        else members[i].reject(outcome.reason);
      });
      return;
    }
    try {
      await connection.query('ROLLBACK');
    } catch (error) {
      broken = error instanceof Error ? error : new Error(String(error));
    }
    connection.release(broken);
    // nothing of the group is committed: every body again, alone, answers with its own outcome
    await Promise.all(members.map(runAlone));
  }

  async function alone<T>(fn: (tx: SqlClient) => Promise<T>, options?: TransactionOptions): Promise<T> {
    const connection: PoolClient = await run(() => pool.connect());
    let broken: Error | undefined;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      connection.release(broken);
    };
    // BEGIN (with the audit settings) is not awaited before the body: on the pipelined connection it is
    // written together with the body's first statement, saving a round trip per transaction. Every
    // statement of the body is checked against BEGIN's outcome before its own result is used; a BEGIN
    // that failed leaves no transaction, and the ROLLBACK below then only returns a warning.
    let begun: Promise<StoreError | undefined>;
    try {
      corkUntilNextTick(connection);
      begun = connection.query(beginSql(connection, options)).then(
        () => undefined,
        (error: unknown) => toStoreError(error),
      );
    } catch (error) {
      release();
      throw toStoreError(error);
    }
    const afterBegin = async <R>(pending: Promise<R>): Promise<R> => {
      const beginError = await begun;
      if (beginError !== undefined) {
        await pending.catch(() => undefined);
        throw beginError;
      }
      return pending;
    };
    const { client: txClient, end, committed } = transactionClient({
      query: async <Row extends object>(sql: string, params: readonly SqlParam[]) => {
        corkUntilNextTick(connection);
        return toResult(await afterBegin(connection.query<Row & pg.QueryResultRow>(statement(sql, params))));
      },
      queryThenCommit: async <Row extends object>(sql: string, params: readonly SqlParam[]) => {
        corkUntilNextTick(connection);
        const last = afterBegin(connection.query<Row & pg.QueryResultRow>(statement(sql, params)));
        // after a failed statement the transaction is aborted and this COMMIT ends it as a ROLLBACK
        const commit = connection.query('COMMIT');
        // the transaction's end is written, so the connection goes back to the pool now, not one round trip
        // later: on the pipelined connection the next transaction's statements queue behind this COMMIT (and
        // under load leave in the same socket write); each has its own Sync, so an error of one does not
        // reach the other, and this transaction sends nothing more (no ROLLBACK: the COMMIT decides)
        release();
        const [lastOutcome, commitOutcome] = await Promise.allSettled([last, commit]);
        if (lastOutcome.status === 'rejected') throw toStoreError(lastOutcome.reason);
        if (commitOutcome.status === 'rejected') throw toStoreError(commitOutcome.reason);
        return toResult(lastOutcome.value);
      },
      exec: async (sql: string) => {
        corkUntilNextTick(connection);
        await afterBegin(connection.query(sql));
      },
    });
    try {
      const value = await fn(txClient);
      end();
      await afterBegin(Promise.resolve());
      if (!committed()) {
        corkUntilNextTick(connection);
        await run(() => connection.query('COMMIT'));
      }
      return value;
    } catch (error) {
      end();
      if (!released) {
        try {
          await connection.query('ROLLBACK');
        } catch (rollbackError) {
          // the connection is unusable: destroy it rather than hand it to the next caller
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
      }
      // the body's own errors pass through unchanged (its queries already throw StoreError)
      throw error;
    } finally {
      release();
    }
  }

  let migrationsApplied: readonly number[];
  try {
    if (schema !== undefined) await client.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    migrationsApplied = await migrate(client, options.migrations);
  } catch (error) {
    await pool.end();
    throw toStoreError(error);
  }
  return Object.freeze({
    ...client,
    engine: 'postgres' as const,
    schema,
    migrationsApplied,
    close: () => run(() => pool.end()),
  });
}
