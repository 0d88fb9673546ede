import { InputError, issue } from '../result/index.js';
import { columnCells } from './cellAccess.js';
import { factorColumn, type FactorColumn } from './factorColumn.js';
import type { CsvTable } from './readCsv.js';

/**
 * How the event was recognised: `event-value` (given: that value is an event, any other censored), or
 * R's Surv rules for an unlabelled status: `0/1` (1 = event), `1/2` (2 = event, as R's lung data) or
 * `logical` (TRUE = event).
 */
export type StatusCoding = 'event-value' | '0/1' | '1/2' | 'logical';

export interface StatusColumn {
  /** 1 = event, 0 = censored, per row read. */
  readonly status: Uint8Array;
  /** The value that marks an event, as written in the file (or as given). */
  readonly eventValue: string;
  readonly coding: StatusCoding;
}

const TRUE_TEXT = new Set(['TRUE', 'T', 'true', 'True']);
const FALSE_TEXT = new Set(['FALSE', 'F', 'false', 'False']);

/** "1 = censored, 2 = event" and the like, for output. */
export function describeStatusCoding(status: Pick<StatusColumn, 'coding' | 'eventValue'>): string {
  switch (status.coding) {
    case '0/1':
      return '0/1 coding as R reads it: 1 = event, 0 = censored';
    case '1/2':
      return "1/2 coding as R's Surv reads it: 2 = event, 1 = censored";
    case 'logical':
      return 'logical: TRUE = event, FALSE = censored';
    case 'event-value':
      return `--event-value: '${status.eventValue}' = event, any other value = censored`;
  }
}

/**
 * An event indicator. With `eventValue`, a cell equal to it (as text, or as a number when both are
 * numbers: '1' and '1.0' agree) is an event and any other value is censored. Without it, the column is
 * read as R's Surv reads a status: numbers 0/1 (1 = event) or, when the largest is 2, 1/2 (2 = event);
 * or TRUE/FALSE. Anything else (text, a 3, a 0 among 1/2) is an error asking for --event-value, not a
 * silent censoring. Rows with a missing status must have been left out (completeRows).
 */
export function statusColumn(
  table: CsvTable,
  column: string,
  options: { eventValue?: string; rows?: Uint32Array } = {},
): StatusColumn {
  const quick = numericStatus(table, column, options);
  if (quick !== undefined) return quick;
  const factor = factorColumn(table, column, { rows: options.rows });
  const { levels } = factor;
  if (options.eventValue !== undefined) {
    const target = options.eventValue.trim();
    const targetNumber = target === '' ? Number.NaN : Number(target);
    const isEvent = levels.map((level) => level === target || (Number.isFinite(targetNumber) && Number(level) === targetNumber));
    return Object.freeze({ status: mapCodes(factor, isEvent), eventValue: target, coding: 'event-value' });
  }
  if (factor.numeric) {
    const values = levels.map(Number);
    const max = Math.max(...values);
    const [coding, event, censored] = max === 2 ? (['1/2', 2, 1] as const) : (['0/1', 1, 0] as const);
    const others = levels.filter((_, i) => values[i] !== event && values[i] !== censored);
    if (others.length === 0) {
      return Object.freeze({ status: mapCodes(factor, values.map((v) => v === event)), eventValue: String(event), coding });
    }
    return unreadable(table, factor, options.rows, others, `a status coded 0/1 or 1/2 as R's Surv reads it`);
  }
  if (levels.every((level) => TRUE_TEXT.has(level) || FALSE_TEXT.has(level))) {
    const isEvent = levels.map((level) => TRUE_TEXT.has(level));
    return Object.freeze({ status: mapCodes(factor, isEvent), eventValue: levels.find((l) => TRUE_TEXT.has(l)) ?? 'TRUE', coding: 'logical' });
  }
  return unreadable(table, factor, options.rows, levels, 'a status coded 0/1, 1/2 or TRUE/FALSE');
}

/**
 * The common case without a factor: every cell a number, at most a few distinct values, and R's 0/1 or
 * 1/2 coding (or an --event-value). undefined for anything else, which the general path reads.
 */
function numericStatus(table: CsvTable, column: string, options: { eventValue?: string; rows?: Uint32Array }): StatusColumn | undefined {
  const { parsed, rows, count } = columnCells(table, column, options.rows);
  const values = parsed.numbers;
  if (parsed.codes !== undefined || values === undefined) return undefined;
  const distinct: number[] = [];
  for (let k = 0; k < count; k++) {
    const v = values[rows === undefined ? k : rows[k]];
    if (!distinct.includes(v)) {
      distinct.push(v);
      if (distinct.length > 2) return undefined;
    }
  }
  let event: number;
  let coding: StatusCoding;
  if (options.eventValue !== undefined) {
    const target = options.eventValue.trim();
    event = target === '' ? Number.NaN : Number(target);
    // A code written differently ('01') is matched as text by the general path.
    if (!Number.isFinite(event) || String(event) !== target) return undefined;
    coding = 'event-value';
  } else {
    const max = Math.max(...distinct);
    [coding, event] = max === 2 ? ['1/2', 2] : ['0/1', 1];
    const censored = event - 1;
    if (!distinct.every((v) => v === event || v === censored)) return undefined;
  }
  const status = new Uint8Array(count);
  for (let k = 0; k < count; k++) status[k] = values[rows === undefined ? k : rows[k]] === event ? 1 : 0;
  return Object.freeze({ status, eventValue: String(event), coding });
}

function mapCodes(factor: FactorColumn, isEvent: readonly boolean[]): Uint8Array {
  const status = new Uint8Array(factor.codes.length);
  const flag = Uint8Array.from(isEvent, (e) => (e ? 1 : 0));
  for (let k = 0; k < status.length; k++) status[k] = flag[factor.codes[k]];
  return status;
}

function unreadable(
  table: CsvTable,
  factor: FactorColumn,
  rows: Uint32Array | undefined,
  offending: readonly string[],
  expected: string,
): never {
  const shown = factor.levels.slice(0, 8).map((l) => `'${l}'`).join(', ') + (factor.levels.length > 8 ? ', ...' : '');
  const bad = new Set(offending.map((level) => factor.levels.indexOf(level)));
  const lines: number[] = [];
  let count = 0;
  for (let k = 0; k < factor.codes.length; k++) {
    if (!bad.has(factor.codes[k])) continue;
    count += 1;
    if (lines.length < 5) lines.push((rows === undefined ? k : rows[k]) + 2);
  }
  const where = `${count} row${count === 1 ? '' : 's'} with ${offending.slice(0, 5).map((l) => `'${l}'`).join(', ')}, at lines ${lines.join(', ')}${count > lines.length ? ', ...' : ''}`;
  throw new InputError(
    `${table.file}: column '${factor.column}' holds ${shown} (${where}); expected ${expected}. ` +
      `Give --event-value <v> to say which value is an event (every other value is then censored)`,
    [issue('unknown-status-coding', [table.file, lines[0], factor.column], offending[0], `${expected}, or --event-value`)],
  );
}
