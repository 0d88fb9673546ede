import type { AdexRow } from '../../clinical/index.js';
import { groupRows } from './groupRows.js';

/** ADEX rows of the given subjects by drug (EXTRT) and parameter (PARAMCD), read by the exposure tables. */
export interface AdexParameters {
  /** The rows of the drug and parameter, in the dataset's order. */
  rowsOf(drug: string, paramcd: string): readonly AdexRow[];
  /** The rows of the parameter for every drug (and the regimen, 'ALL'), in the dataset's order. */
  parameterRows(paramcd: string): readonly AdexRow[];
  /** The first row of each subject for the drug and parameter, by USUBJID, in the dataset's order. */
  firstBySubject(drug: string, paramcd: string): ReadonlyMap<string, AdexRow>;
}

const NONE: readonly AdexRow[] = Object.freeze([]);

function createAdexParameters(adex: readonly AdexRow[], subjects: ReadonlySet<string>): AdexParameters {
  const byDrug = groupRows(adex, (row) => (subjects.has(row.USUBJID) ? `${row.EXTRT}\u0000${row.PARAMCD}` : null));
  const byParameter = groupRows(adex, (row) => (subjects.has(row.USUBJID) ? row.PARAMCD : null));
  const firsts = new Map<string, ReadonlyMap<string, AdexRow>>();
  const rowsOf = (drug: string, paramcd: string): readonly AdexRow[] => byDrug.get(`${drug}\u0000${paramcd}`) ?? NONE;
  return {
    rowsOf,
    parameterRows: (paramcd) => byParameter.get(paramcd) ?? NONE,
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

const made = new WeakMap<readonly AdexRow[], WeakMap<ReadonlySet<string>, AdexParameters>>();

/**
 * ADEX of the given subjects grouped by drug and by parameter in one pass: the exposure tables read a dozen
 * parameters of a dataset that has hundreds of thousands of rows in a large trial, where each scanned all of
 * it before. Made once per frozen dataset and set of subjects (both exposure tables read the safety
 * population's, which analysisPopulation makes once); a dataset that can still change is grouped each time.
 */
export function adexParameters(adex: readonly AdexRow[], subjects: ReadonlySet<string>): AdexParameters {
  if (!Object.isFrozen(adex)) return createAdexParameters(adex, subjects);
  let bySubjects = made.get(adex);
  if (bySubjects === undefined) made.set(adex, (bySubjects = new WeakMap<ReadonlySet<string>, AdexParameters>()));
  let parameters = bySubjects.get(subjects);
  if (parameters === undefined) {
    parameters = createAdexParameters(adex, subjects);
    bySubjects.set(subjects, parameters);
  }
  return parameters;
}
