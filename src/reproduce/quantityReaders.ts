import type { AdtteRow } from '../clinical/index.js';
import { findCell, findTable, summarizeSurvival } from '../report/model/index.js';
import { computeBinomialProportion } from '../stats/index.js';
import { countQuantity, estimateQuantity, notComputed, type Quantity } from './quantity.js';
import type { ReproductionContext } from './reproductionContext.js';

/**
 * Readers of the report model by table id, row key and column id (src/report/model/README.md), never by
 * a label or printed text: what a publication's quantity rules are written with.
 */

/** The subjects behind a cell; a reason when the table, row or column is absent. */
export function cellSubjects(context: ReproductionContext, tableId: string, rowKey: string, columnId: string): readonly string[] | string {
  if (findTable(context.model, tableId) === undefined) return `the report model has no table '${tableId}'`;
  const cell = findCell(context.model, tableId, rowKey, columnId);
  return cell === undefined ? `table ${tableId} has no cell '${rowKey}' / '${columnId}'` : cell.subjects;
}

/**
 * A count cell as n over its N (the cell's own N, else `N`). `absentIsZero` for rows the model prints only
 * when someone has the value (discontinuation reasons, reduced dose levels, rare terms).
 */
export function countAt(context: ReproductionContext, tableId: string, rowKey: string, columnId: string, options: { readonly N?: number; readonly absentIsZero?: boolean } = {}): Quantity {
  const table = findTable(context.model, tableId);
  if (table === undefined) return notComputed(`the report model has no table '${tableId}'`);
  const cell = findCell(context.model, tableId, rowKey, columnId);
  const N = options.N ?? table.columns.find((c) => c.id === columnId)?.N ?? table.population.N;
  if (cell === undefined) return options.absentIsZero === true ? countQuantity(0, N) : notComputed(`table ${tableId} has no cell '${rowKey}' / '${columnId}'`);
  const value = cell.value;
  if (value.kind === 'count') return countQuantity(value.n, value.N ?? N);
  if (value.kind === 'proportion') return countQuantity(value.n, value.N);
  return notComputed(`table ${tableId} cell '${rowKey}' / '${columnId}' holds a ${value.kind}, not a count`);
}

/** The number a cell holds: a median, a P value, an estimate (null: not reached). */
export function numberAt(context: ReproductionContext, tableId: string, rowKey: string, columnId: string): Quantity {
  const table = findTable(context.model, tableId);
  if (table === undefined) return notComputed(`the report model has no table '${tableId}'`);
  const cell = findCell(context.model, tableId, rowKey, columnId);
  if (cell === undefined) return notComputed(`table ${tableId} has no cell '${rowKey}' / '${columnId}'`);
  const value = cell.value;
  switch (value.kind) {
    case 'p-value':
      return estimateQuantity(value.p);
    case 'median-range':
      return estimateQuantity(value.median, { min: value.min, max: value.max });
    case 'time-median':
      return estimateQuantity(value.estimate, { ciLower: value.lower, ciUpper: value.upper });
    case 'number':
      return estimateQuantity(value.value);
    case 'missing':
      return notComputed(`table ${tableId} cell '${rowKey}' / '${columnId}': ${value.reason}`);
    default:
      return notComputed(`table ${tableId} cell '${rowKey}' / '${columnId}' holds a ${value.kind}, not a number`);
  }
}

/** x / n with the Clopper-Pearson limits (percent) at the protocol's confidence level. */
export function proportionQuantity(x: number, n: number, confLevel: number): Quantity {
  const outcome = computeBinomialProportion({ x, n, confLevel });
  if (!outcome.ok) return notComputed(`no proportion for ${x}/${n}: ${outcome.issues.map((i) => i.code).join(', ')}`);
  return Object.freeze({ kind: 'proportion', n: x, N: n, ciLower: 100 * outcome.value.clopperPearson.lower, ciUpper: 100 * outcome.value.clopperPearson.upper });
}

/** A count as a proportion with its exact CI. */
export function proportionFromCount(count: Quantity, confLevel: number): Quantity {
  if (count.kind !== 'count') return count;
  if (count.N === null || count.N === 0) return notComputed('no subjects in the denominator');
  return proportionQuantity(count.n, count.N, confLevel);
}

/** ADTTE rows of one parameter for the given subjects. */
export function endpointRowsOf(context: ReproductionContext, paramcd: string, subjects: ReadonlySet<string>): AdtteRow[] {
  return context.datasets.adtte.filter((r) => r.PARAMCD === paramcd && subjects.has(r.USUBJID));
}

/**
 * The Kaplan-Meier median (months, Brookmeyer-Crowley limits) or landmark rate (percent, log-log
 * limits) of the report's survival summary: the same function the time-to-event tables print. Times are
 * ADTTE AVALM: days / (365.25 / 12).
 */
export function survivalQuantity(context: ReproductionContext, rows: readonly AdtteRow[], landmarkMonths: number | null): Quantity {
  if (rows.length === 0) return notComputed('no subjects with this endpoint');
  const summary = summarizeSurvival(rows, landmarkMonths === null ? [] : [landmarkMonths], context.protocol.analysisPlan.confLevel);
  if (landmarkMonths === null) {
    const median = summary.median;
    if (median === null) return notComputed('Kaplan-Meier fit failed');
    return estimateQuantity(median.estimate, { ciLower: median.lower, ciUpper: median.upper });
  }
  const at = summary.landmarks[0] as (typeof summary.landmarks)[number] | undefined;
  if (at === undefined || at.survival === null) return notComputed(`no Kaplan-Meier estimate at ${landmarkMonths} months (past the last observation)`);
  const pct = (v: number | null): number | null => (v === null ? null : 100 * v);
  return estimateQuantity(100 * at.survival, { ciLower: pct(at.lower), ciUpper: pct(at.upper) });
}
