import type { AdtteRow } from '../clinical/index.js';
import { summarizeSurvival, type ReportTable } from '../report/index.js';
import { computeBinomialProportion } from '../stats/index.js';
import { countQuantity, estimateQuantity, notComputed, type Quantity } from './quantity.js';
import { modelRow, type ReproductionContext } from './reproductionContext.js';

export const missingTable = (id: string): Quantity => notComputed(`the report model has no table '${id}'`);

/** The N of a table column (its population N when the column has none). */
export function columnN(table: ReportTable, columnIndex: number): number {
  return table.columns[columnIndex]?.N ?? table.population.N;
}

/**
 * The subjects counted in a cell of the report model (the numerator of an 'n (%)' cell). `absentIsZero`
 * for rows the model prints only when someone has the value (discontinuation reasons, reduced dose levels).
 */
export function cellSubjects(table: ReportTable, heading: string | null, label: string, columnIndex: number, absentIsZero = false): readonly string[] | string {
  const row = modelRow(table, heading, label);
  if (row === undefined) {
    return absentIsZero ? [] : `table ${table.id} has no row '${label}'${heading === null ? '' : ` under '${heading}'`}`;
  }
  const cell = row.cells[columnIndex] as (typeof row.cells)[number] | undefined;
  return cell === undefined ? `table ${table.id} row '${label}' has no column ${columnIndex}` : cell.subjects;
}

/** An 'n (%)' cell as a count over N. */
export function countFromCell(table: ReportTable | undefined, tableId: string, heading: string | null, label: string, columnIndex = 0, N?: number, absentIsZero = false): Quantity {
  if (table === undefined) return missingTable(tableId);
  const subjects = cellSubjects(table, heading, label, columnIndex, absentIsZero);
  if (typeof subjects === 'string') return notComputed(subjects);
  return countQuantity(subjects.length, N ?? columnN(table, columnIndex));
}

/** The numeric value of a cell (a median, a P value). */
export function cellValue(table: ReportTable | undefined, tableId: string, heading: string | null, label: string, columnIndex = 0): number | Quantity {
  if (table === undefined) return missingTable(tableId);
  const row = modelRow(table, heading, label);
  const cell = row?.cells[columnIndex];
  if (row === undefined || cell === undefined) return notComputed(`table ${table.id} has no row '${label}'${heading === null ? '' : ` under '${heading}'`}`);
  return cell.value ?? notComputed(`table ${table.id} row '${label}' prints '${cell.text}' (no number)`);
}

/** x / n with the Clopper-Pearson limits (percent) at the protocol's confidence level. */
export function proportionQuantity(x: number, n: number, confLevel: number): Quantity {
  const outcome = computeBinomialProportion({ x, n, confLevel });
  if (!outcome.ok) return notComputed(`no proportion for ${x}/${n}: ${outcome.issues.map((i) => i.code).join(', ')}`);
  return Object.freeze({ kind: 'proportion', n: x, N: n, ciLower: 100 * outcome.value.clopperPearson.lower, ciUpper: 100 * outcome.value.clopperPearson.upper });
}

/** A count cell as a proportion with its exact CI. */
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
  const summary = summarizeSurvival(rows, landmarkMonths === null ? [] : [landmarkMonths], context.protocol.confLevel);
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
