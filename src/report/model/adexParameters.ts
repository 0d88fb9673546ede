import type { AdexRow } from '../../clinical/index.js';

/** ADEX rows of one drug (EXTRT) and parameter (PARAMCD), read by the exposure tables. */
export interface AdexParameters {
  /** The rows of the drug and parameter, in the dataset's order. */
  rowsOf(drug: string, paramcd: string): readonly AdexRow[];
  /** The first row of each subject for the drug and parameter, by USUBJID, in the dataset's order. */
  firstBySubject(drug: string, paramcd: string): ReadonlyMap<string, AdexRow>;
}

const NONE: readonly AdexRow[] = Object.freeze([]);

/**
 * ADEX grouped by drug and parameter in one pass: the exposure tables read a dozen parameters of a dataset
 * that has hundreds of thousands of rows in a large trial, where each scanned all of it before.
 */
export function groupAdexParameters(rows: readonly AdexRow[]): AdexParameters {
  const groups = new Map<string, AdexRow[]>();
  for (const row of rows) {
    const key = `${row.EXTRT}\u0000${row.PARAMCD}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [row]);
    else group.push(row);
  }
  const firsts = new Map<string, ReadonlyMap<string, AdexRow>>();
  const rowsOf = (drug: string, paramcd: string): readonly AdexRow[] => groups.get(`${drug}\u0000${paramcd}`) ?? NONE;
  return {
    rowsOf,
    firstBySubject(drug, paramcd) {
      const key = `${drug}\u0000${paramcd}`;
      let first = firsts.get(key);
      if (first === undefined) {
        const bySubject = new Map<string, AdexRow>();
        for (const row of rowsOf(drug, paramcd)) if (!bySubject.has(row.USUBJID)) bySubject.set(row.USUBJID, row);
        first = bySubject;
        firsts.set(key, first);
      }
      return first;
    },
  };
}
