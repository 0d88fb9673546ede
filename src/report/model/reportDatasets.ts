import type { AdamDatasets } from '../../clinical/index.js';

/**
 * One disease (M-protein) measurement per subject, parameter and date: what the waterfall reads. The
 * ADaM layer does not yet hold these (ADRS keeps the categories, not the measurements); a caller derives
 * them from the disease assessments of the IRC's source.
 */
export interface DiseaseMeasurementRow {
  readonly USUBJID: string;
  /** e.g. 'SPEP' (serum M-protein g/L), 'UPEP' (urine mg/24 h), 'DFLC' (involved - uninvolved FLC mg/L). */
  readonly PARAMCD: string;
  /** Study day relative to the first dose (day 1 = first dose; <= 1 is baseline). */
  readonly ADY: number;
  readonly AVAL: number;
}

/** The analysis datasets a report is computed from (createAdamDatasets), plus the disease measurements. */
export interface ReportDatasets extends AdamDatasets {
  /** Optional: without it the waterfall has no bars. */
  readonly diseaseMeasurements?: readonly DiseaseMeasurementRow[];
}
