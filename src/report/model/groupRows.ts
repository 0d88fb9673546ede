/** A dataset's rows grouped by `keyOf`, each group in the dataset's order; a row whose key is null is left out. */
export function groupRows<Row>(rows: readonly Row[], keyOf: (row: Row) => string | null): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [row]);
    else group.push(row);
  }
  return groups;
}

/**
 * groupRows by `keyOf`, made once per dataset: the model reads an ADaM dataset's groups (an endpoint's
 * ADTTE rows, an evaluator's best responses) dozens of times, from datasets of hundreds of thousands of rows
 * in a large trial. Only a frozen dataset (as createAdamDatasets gives) is remembered: it cannot change
 * after; a list that can still change is grouped each time.
 */
export function rememberedGrouping<Row>(keyOf: (row: Row) => string | null): (rows: readonly Row[]) => ReadonlyMap<string, readonly Row[]> {
  const made = new WeakMap<readonly Row[], ReadonlyMap<string, readonly Row[]>>();
  return (rows) => {
    let groups = made.get(rows);
    if (groups === undefined) {
      groups = groupRows(rows, keyOf);
      if (Object.isFrozen(rows)) made.set(rows, groups);
    }
    return groups;
  };
}
