import type { AdexRow } from './createAdex.js';
import type { SubjectCount } from './summarizeAdverseEvents.js';

/** The dose-modification counts of one drug, as subject counts of the given ADEX subjects (normally the safety set). */
export interface DrugModificationCounts {
  readonly drug: string;
  /** Dose adjustment or delay. */
  readonly anyAdjustment: SubjectCount;
  /** Reduction or interruption. */
  readonly doseAdjustment: SubjectCount;
  readonly delayed: SubjectCount;
  readonly interrupted: SubjectCount;
  readonly reduced: SubjectCount;
  /** Subjects ever given each dose below their starting dose, keyed by dose (e.g. { 3: 24, 2: 4, 1: 1 }). */
  readonly everAtDoseMg: Readonly<Record<number, number>>;
}

/** Modification counts per drug (in the order given) over the ADEX rows. */
export function summarizeExposure(adex: readonly AdexRow[], drugs: readonly string[]): readonly DrugModificationCounts[] {
  const subjects = new Set(adex.map((row) => row.USUBJID));
  const N = subjects.size;
  return Object.freeze(
    drugs.map((drug) => {
      const mine = adex.filter((row) => row.EXTRT === drug);
      const flagged = (paramcd: string): SubjectCount => Object.freeze({ n: new Set(mine.filter((row) => row.PARAMCD === paramcd && row.AVALC === 'Y').map((row) => row.USUBJID)).size, N });
      const starting = new Map(mine.filter((row) => row.PARAMCD === 'STDOSE' && row.AVAL !== null).map((row) => [row.USUBJID, row.AVAL as number]));
      const everAt: Record<number, number> = {};
      for (const row of mine) {
        if (row.PARAMCD !== 'DOSEGVN' || row.AVAL === null) continue;
        const start = starting.get(row.USUBJID);
        if (start !== undefined && row.AVAL < start) everAt[row.AVAL] = (everAt[row.AVAL] ?? 0) + 1;
      }
      return Object.freeze({
        drug,
        anyAdjustment: flagged('ANYADJFL'),
        doseAdjustment: flagged('ADJFL'),
        delayed: flagged('DELAYFL'),
        interrupted: flagged('INTRPFL'),
        reduced: flagged('REDUCFL'),
        everAtDoseMg: Object.freeze(everAt),
      });
    }),
  );
}
