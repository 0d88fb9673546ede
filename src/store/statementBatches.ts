import type { QueryResult, SqlParam } from './sqlClient.js';
import { StoreError, toStoreError } from './storeError.js';

/** A statement a grouped body issued, waiting for the end of the tick (group commit). */
export interface PendingStatement<Member = unknown> {
  readonly member: Member;
  /** Statements of members with different settings are never batched together (who and why per row). */
  readonly settingsKey: string;
  readonly sql: string;
  readonly params: readonly SqlParam[];
  /** QueryOptions.batch */
  readonly batch: string | undefined;
  readonly resolve: (result: QueryResult<object>) => void;
  readonly reject: (error: unknown) => void;
}

/** Writes one statement on the group's connection under the member's settings. */
export type SendStatement<Member> = (member: Member, sql: string, params: readonly SqlParam[]) => Promise<{ rows: object[]; rowCount: number | null }>;

/**
 * Sends the statements issued in one tick. Each member's statements keep their order: the k-th statement
 * of every member goes in round k, and in a round the statements with the same batch form and settings,
 * from two members or more, go as that batch form, once. Only the order between different members' statements
 * issued together changes, which no member can observe as they run concurrently. `fail` marks the group's
 * transaction failed when a batch's rows cannot be told apart (the statements themselves are tracked by send).
 */
export function sendTick<Member>(items: readonly PendingStatement<Member>[], send: SendStatement<Member>, fail: () => void): void {
  for (const round of roundsOf(items)) {
    for (const same of batchesOf(round)) {
      if (same.length === 1) sendAlone(same[0], send);
      else sendBatch(same, send, fail);
    }
  }
}

function sendAlone<Member>(item: PendingStatement<Member>, send: SendStatement<Member>): void {
  send(item.member, item.sql, item.params).then(
    (result) => item.resolve({ rows: result.rows, rowCount: result.rowCount ?? result.rows.length }),
    item.reject,
  );
}

function roundsOf<Member>(items: readonly PendingStatement<Member>[]): PendingStatement<Member>[][] {
  const issued = new Map<Member, number>();
  const rounds: PendingStatement<Member>[][] = [];
  for (const item of items) {
    const k = issued.get(item.member) ?? 0;
    issued.set(item.member, k + 1);
    (rounds[k] ??= []).push(item);
  }
  return rounds;
}

// a parameter that is itself an array would make a two-dimensional array, which unnest flattens
const batchable = (item: PendingStatement<unknown>): boolean => item.batch !== undefined && !item.params.some((param) => Array.isArray(param));

/** The round's statements, those of one batch form and settings together, in the order of their first. */
function batchesOf<Member>(round: readonly PendingStatement<Member>[]): PendingStatement<Member>[][] {
  const batches: PendingStatement<Member>[][] = [];
  const byKey = new Map<string, PendingStatement<Member>[]>();
  for (const item of round) {
    if (!batchable(item)) {
      batches.push([item]);
      continue;
    }
    const key = `${item.settingsKey}\u0000${item.params.length}\u0000${item.batch ?? ''}`;
    const batch = byKey.get(key);
    if (batch !== undefined) batch.push(item);
    else {
      const first = [item];
      byKey.set(key, first);
      batches.push(first);
    }
  }
  return batches;
}

function sendBatch<Member>(items: readonly PendingStatement<Member>[], send: SendStatement<Member>, fail: () => void): void {
  const width = items[0].params.length;
  // pg sends a JS array of scalars as a PostgreSQL array (NULL for null): the batch form's $k
  const columns = Array.from({ length: width }, (_, k) => items.map((item) => item.params[k]) as unknown as SqlParam);
  send(items[0].member, items[0].batch ?? items[0].sql, columns).then(
    (result) => {
      let split: object[][];
      try {
        split = splitRows(result.rows, items.length);
      } catch (error) {
        fail();
        for (const item of items) item.reject(error);
        return;
      }
      items.forEach((item, i) => item.resolve({ rows: split[i], rowCount: split[i].length }));
    },
    (error: unknown) => {
      const storeError = toStoreError(error);
      for (const item of items) item.reject(storeError);
    },
  );
}

/** Each member's rows, by batch_index (1-based), without it. */
export function splitRows(rows: readonly object[], members: number): object[][] {
  const split = Array.from({ length: members }, () => [] as object[]);
  for (const row of rows) {
    const { batch_index: index, ...rest } = row as { batch_index?: unknown };
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 1 || index > members) {
      throw new StoreError('transaction-closed', `a batch statement returned a row with batch_index ${String(index)} (1 to ${members} expected)`);
    }
    split[index - 1].push(rest);
  }
  return split;
}
