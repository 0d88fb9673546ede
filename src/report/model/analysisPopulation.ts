import type { AdslRow } from '../../clinical/index.js';
import { population, type ReportPopulation } from './reportTable.js';

export type PopulationFlag = 'ITTFL' | 'FASFL' | 'SAFFL';

const NAMES: Readonly<Record<PopulationFlag, string>> = Object.freeze({
  ITTFL: 'Intent-to-treat population',
  FASFL: 'Full analysis set',
  SAFFL: 'Safety set',
});

export interface AnalysisPopulation {
  readonly population: ReportPopulation;
  readonly rows: readonly AdslRow[];
  readonly ids: ReadonlySet<string>;
}

/** The ADSL rows of one analysis population, with its name and N. */
export function analysisPopulation(adsl: readonly AdslRow[], flagName: PopulationFlag): AnalysisPopulation {
  const rows = adsl.filter((row) => row[flagName] === 'Y');
  return Object.freeze({
    population: population(NAMES[flagName], flagName, rows.length),
    rows: Object.freeze(rows),
    ids: new Set(rows.map((row) => row.USUBJID)),
  });
}
