/**
 * Database failures the service layer must map to an HTTP answer. The trialkit triggers raise their own
 * SQLSTATEs (class 'TK'), so the code survives both engines without parsing messages.
 */
export type StoreErrorCode =
  | 'audit-user-missing'
  | 'audit-reason-missing'
  | 'audit-immutable'
  | 'snapshot-immutable'
  | 'locked'
  | 'query-transition'
  | 'trial-set-once'
  | 'protocol-mismatch'
  | 'sdv-mark'
  | 'signature'
  | 'unique-violation'
  | 'foreign-key-violation'
  | 'check-violation'
  | 'not-null-violation'
  | 'invalid-value'
  | 'serialization-failure'
  | 'nested-transaction'
  | 'transaction-closed'
  | 'migration-mismatch'
  | 'invalid-config'
  | 'unavailable'
  | 'database';

/** SQLSTATEs raised by the trialkit triggers (see migrations.ts). */
const triggerStates: Readonly<Record<string, StoreErrorCode>> = {
  TKA01: 'audit-user-missing',
  TKA02: 'audit-reason-missing',
  TKA03: 'audit-immutable',
  TKS01: 'snapshot-immutable',
  TKL01: 'locked',
  TKQ01: 'query-transition',
  TKP01: 'trial-set-once',
  TKV01: 'sdv-mark',
  TKE01: 'signature',
};

const standardStates: Readonly<Record<string, StoreErrorCode>> = {
  '23505': 'unique-violation',
  '23503': 'foreign-key-violation',
  '23514': 'check-violation',
  '23502': 'not-null-violation',
  '40001': 'serialization-failure',
  '40P01': 'serialization-failure',
};

export interface StoreErrorDetails {
  readonly sqlState?: string;
  readonly constraint?: string;
  readonly table?: string;
  readonly detail?: string;
  readonly cause?: unknown;
}

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly sqlState: string | undefined;
  readonly constraint: string | undefined;
  readonly table: string | undefined;
  readonly detail: string | undefined;

  constructor(code: StoreErrorCode, message: string, details: StoreErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'StoreError';
    this.code = code;
    this.sqlState = details.sqlState;
    this.constraint = details.constraint;
    this.table = details.table;
    this.detail = details.detail;
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}

function stringField(value: object, key: string): string | undefined {
  const field: unknown = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field !== '' ? field : undefined;
}

const connectionErrors = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P03', '08006', '08001', '08004', '3D000', '28P01', '28000']);

/** Wraps a pg or PGlite error in a StoreError; a StoreError passes through unchanged. */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  if (typeof error !== 'object' || error === null) return new StoreError('database', String(error), { cause: error });
  const message = error instanceof Error ? error.message : JSON.stringify(error);
  const sqlState = stringField(error, 'code');
  const details: StoreErrorDetails = {
    sqlState,
    constraint: stringField(error, 'constraint'),
    table: stringField(error, 'table'),
    detail: stringField(error, 'detail'),
    cause: error,
  };
  if (sqlState === undefined) {
    if (/timeout|terminated|connect/i.test(message)) return new StoreError('unavailable', message, details);
    return new StoreError('database', message, details);
  }
  const mapped = triggerStates[sqlState] ?? standardStates[sqlState];
  if (mapped !== undefined) return new StoreError(mapped, message, details);
  if (connectionErrors.has(sqlState)) return new StoreError('unavailable', message, details);
  if (sqlState.startsWith('22')) return new StoreError('invalid-value', message, details);
  return new StoreError('database', message, details);
}
