/** R's tolerance for "no more probable than observed" (fisher.test uses 1 + 1e-7 for 2 x 2 tables). */
const logRelativeTolerance = Math.log1p(1e-7);

/**
 * Two-sided Fisher exact p of an r x c table: the total probability, under independence with the
 * margins fixed, of the tables no more probable than the observed one. Enumerates every table with
 * the observed margins (column by column; the last row of each column and the last column follow
 * from the margins), so its cost is the number of such tables: call countTablesWithin first.
 * Trusts its input: a rectangular table of non-negative integers, flattened row-major.
 */
export function fisherExactRxCKernel(cells: Float64Array, rows: number, columns: number): number {
  const rowSums = new Float64Array(rows);
  const colSums = new Float64Array(columns);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      rowSums[i] += cells[i * columns + j];
      colSums[j] += cells[i * columns + j];
    }
  }
  const total = rowSums.reduce((s, v) => s + v, 0);
  const logFactorial = new Float64Array(total + 1);
  for (let i = 2; i <= total; i++) logFactorial[i] = logFactorial[i - 1] + Math.log(i);

  let constant = -logFactorial[total];
  for (const v of rowSums) constant += logFactorial[v];
  for (const v of colSums) constant += logFactorial[v];
  let observed = constant;
  for (const v of cells) observed -= logFactorial[v];
  const threshold = observed + logRelativeTolerance;

  const remaining = Float64Array.from(rowSums);
  let p = 0;

  // Fills column j from row i down; `partial` is the constant minus log x! of the cells filled so far.
  const fill = (j: number, i: number, columnLeft: number, partial: number): void => {
    if (j === columns - 1) {
      let logP = partial;
      for (let r = 0; r < rows; r++) logP -= logFactorial[remaining[r]];
      if (logP <= threshold) p += Math.exp(logP);
      return;
    }
    if (i === rows - 1) {
      if (columnLeft > remaining[i]) return;
      remaining[i] -= columnLeft;
      fill(j + 1, 0, colSums[j + 1], partial - logFactorial[columnLeft]);
      remaining[i] += columnLeft;
      return;
    }
    // The rows below i must be able to take what this cell leaves of the column.
    let below = 0;
    for (let r = i + 1; r < rows; r++) below += remaining[r];
    const from = Math.max(0, columnLeft - below);
    const to = Math.min(remaining[i], columnLeft);
    for (let v = from; v <= to; v++) {
      remaining[i] -= v;
      fill(j, i + 1, columnLeft - v, partial - logFactorial[v]);
      remaining[i] += v;
    }
  };
  fill(0, 0, colSums[0], constant);
  return Math.min(1, p);
}

/**
 * The number of tables with the margins of `cells`, or Infinity when it exceeds `limit` or when
 * counting would take more than about `limit` steps itself. Counts by columns with the remaining row
 * totals as the state, memoised, so it costs far less than the enumeration it guards.
 */
export function countTablesWithin(cells: Float64Array, rows: number, columns: number, limit: number): number {
  const rowSums: number[] = new Array<number>(rows).fill(0);
  const colSums: number[] = new Array<number>(columns).fill(0);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      rowSums[i] += cells[i * columns + j];
      colSums[j] += cells[i * columns + j];
    }
  }
  let steps = 0;
  const memo = new Map<string, number>();
  const count = (j: number, remaining: number[]): number => {
    if (j === columns - 1) return 1;
    const key = `${j}:${remaining.join(',')}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let total = 0;
    const column = (i: number, left: number): void => {
      if (steps++ > limit || total > limit) {
        total = Infinity;
        return;
      }
      if (i === rows - 1) {
        if (left > remaining[i]) return;
        remaining[i] -= left;
        total += count(j + 1, remaining);
        remaining[i] += left;
        return;
      }
      let below = 0;
      for (let r = i + 1; r < rows; r++) below += remaining[r];
      const from = Math.max(0, left - below);
      const to = Math.min(remaining[i], left);
      for (let v = from; v <= to && total !== Infinity; v++) {
        remaining[i] -= v;
        column(i + 1, left - v);
        remaining[i] += v;
      }
    };
    column(0, colSums[j]);
    if (total > limit) total = Infinity;
    memo.set(key, total);
    return total;
  };
  return count(0, rowSums);
}
