import type { QueryOptions, QueryResult, SqlClient, SqlParam } from './sqlClient.js';
import { StoreError, toStoreError } from './storeError.js';

/** What an adapter's connection offers inside a transaction. */
export interface RawConnection {
  query<Row extends object>(sql: string, params: readonly SqlParam[], options?: QueryOptions): Promise<QueryResult<Row>>;
  /**
   * The statement followed by COMMIT without waiting for its answer (in a group, once every body has issued
   * its last statement); absent where the adapter commits after the body.
   */
  queryThenCommit?<Row extends object>(sql: string, params: readonly SqlParam[], options?: QueryOptions): Promise<QueryResult<Row>>;
  exec(sql: string): Promise<void>;
}

/**
 * The client handed to a transaction body: rejects nesting (a second BEGIN would silently not nest) and
 * any use after the transaction ended (a stray await would otherwise run outside it).
 */
export function transactionClient(connection: RawConnection): { client: SqlClient; end: () => void; committed: () => boolean } {
  let open = true;
  let committed = false;
  const check = (): void => {
    if (!open) throw new StoreError('transaction-closed', 'this transaction has already ended');
  };
  const client: SqlClient = {
    async query<Row extends object = Record<string, unknown>>(sql: string, params: readonly SqlParam[] = [], options?: QueryOptions): Promise<QueryResult<Row>> {
      check();
      try {
        return await connection.query<Row>(sql, params, options);
      } catch (error) {
        throw toStoreError(error);
      }
    },
    async queryLast<Row extends object = Record<string, unknown>>(sql: string, params: readonly SqlParam[] = [], options?: QueryOptions): Promise<QueryResult<Row>> {
      check();
      if (connection.queryThenCommit === undefined) return client.query<Row>(sql, params, options);
      // closed as it is issued: a statement sent after the COMMIT would run outside the transaction
      open = false;
      committed = true;
      try {
        return await connection.queryThenCommit<Row>(sql, params, options);
      } catch (error) {
        throw toStoreError(error);
      }
    },
    async exec(sql: string): Promise<void> {
      check();
      try {
        await connection.exec(sql);
      } catch (error) {
        throw toStoreError(error);
      }
    },
    transaction<T>(): Promise<T> {
      return Promise.reject(new StoreError('nested-transaction', 'transaction() called inside a transaction; pass the transaction client down instead'));
    },
  };
  return { client, end: () => { open = false; }, committed: () => committed };
}
