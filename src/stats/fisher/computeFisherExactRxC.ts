import { failure, issue, success, type Issue, type Outcome } from '../../result/index.js';
import { checkCount } from './checkCount.js';
import { countTablesWithin, fisherExactRxCKernel } from './fisherExactRxCKernel.js';

/** Tables enumerated at most by default: about a second of work. */
export const defaultMaxTables = 10_000_000;

export interface FisherExactRxCResult {
  /** Two-sided p, as R's fisher.test (FEXACT) for tables larger than 2 x 2. */
  readonly p: number;
  readonly rows: number;
  readonly columns: number;
  /** The number of tables with the observed margins that were enumerated. */
  readonly tables: number;
}

/**
 * Fisher's exact test of an r x c table (rows of counts) for small counts, by full enumeration of the
 * tables with the observed margins. When there would be more than `maxTables` of them it refuses with
 * the issue `table-too-large` instead of running for minutes (R's network algorithm, or a chi-square or
 * simulated p-value, is then the tool).
 */
export function computeFisherExactRxC(
  table: readonly (readonly number[])[],
  options: { readonly maxTables?: number } = {},
): Outcome<FisherExactRxCResult> {
  const issues: Issue[] = [];
  const rows = table.length;
  const columns = rows > 0 ? table[0].length : 0;
  if (rows < 2 || columns < 2) {
    issues.push(issue('table-too-small', ['table'], `${rows} x ${columns}`, 'at least 2 rows and 2 columns'));
  }
  table.forEach((row, i) => {
    if (row.length !== columns) {
      issues.push(issue('ragged-table', ['table', i], row.length, `${columns} cells, as in the first row`));
    }
    row.forEach((value, j) => {
      const problem = checkCount(value, ['table', i, j]);
      if (problem !== undefined) issues.push(problem);
    });
  });
  const maxTables = options.maxTables ?? defaultMaxTables;
  if (!(Number.isSafeInteger(maxTables) && maxTables >= 1)) {
    issues.push(issue('invalid-limit', ['maxTables'], maxTables, 'a whole number >= 1'));
  }
  if (issues.length > 0) return failure(issues);

  const cells = Float64Array.from(table.flat());
  const tables = countTablesWithin(cells, rows, columns, maxTables);
  if (tables === Infinity) {
    return failure([
      issue(
        'table-too-large',
        ['table'],
        `${rows} x ${columns}, n = ${cells.reduce((s, v) => s + v, 0)}`,
        `at most ${maxTables} tables with these margins to enumerate; use fewer categories or an asymptotic test`,
      ),
    ]);
  }
  return success(Object.freeze({ p: fisherExactRxCKernel(cells, rows, columns), rows, columns, tables }));
}
