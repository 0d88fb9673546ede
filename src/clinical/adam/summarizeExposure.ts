import type { AdexRow, DrugExposure } from './createAdex.js';
import type { SubjectCount } from './summarizeAdverseEvents.js';

/** The dosing paragraph of the paper, as subject counts of the safety set (ADEX rows). */
export interface DrugModificationCounts {
  /** Dose adjustment or delay. */
  readonly anyAdjustment: SubjectCount;
  /** Reduction or interruption. */
  readonly doseAdjustment: SubjectCount;
  readonly delayed: SubjectCount;
  readonly interrupted: SubjectCount;
  readonly reduced: SubjectCount;
  /** Subjects ever given each dose below the usual starting dose, keyed by mg (e.g. { 3: 24, 2: 4, 1: 1 }). */
  readonly everAtDoseMg: Readonly<Record<number, number>>;
}

function countsFor(rows: readonly AdexRow[], pick: (row: AdexRow) => DrugExposure): DrugModificationCounts {
  const N = rows.length;
  const count = (test: (exposure: DrugExposure) => boolean): SubjectCount =>
    Object.freeze({ n: rows.filter((row) => test(pick(row))).length, N });
  const everAt: Record<number, number> = {};
  for (const row of rows) {
    const exposure = pick(row);
    for (const dose of exposure.dosesGivenMg) {
      if (exposure.startingDoseMg !== null && dose < exposure.startingDoseMg) everAt[dose] = (everAt[dose] ?? 0) + 1;
    }
  }
  return Object.freeze({
    anyAdjustment: count((e) => e.anyAdjustment === 'Y'),
    doseAdjustment: count((e) => e.doseAdjusted === 'Y'),
    delayed: count((e) => e.delayed === 'Y'),
    interrupted: count((e) => e.interrupted === 'Y'),
    reduced: count((e) => e.reduced === 'Y'),
    everAtDoseMg: Object.freeze(everAt),
  });
}

/** Pomalidomide and dexamethasone modification counts over the given ADEX rows (normally the safety set). */
export function summarizeExposure(adex: readonly AdexRow[]): { readonly pomalidomide: DrugModificationCounts; readonly dexamethasone: DrugModificationCounts } {
  return Object.freeze({ pomalidomide: countsFor(adex, (row) => row.POM), dexamethasone: countsFor(adex, (row) => row.DEX) });
}
