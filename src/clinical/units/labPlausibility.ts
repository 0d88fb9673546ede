import type { LabAnalyte } from './labAnalyte.js';

/**
 * How far a laboratory result of an adult may plausibly go, per analyte, in its SI unit (STANDARD_UNITS):
 * trialkit's own data-quality limits, not reference ranges, not eligibility limits, not a published
 * standard. A result outside them is possible but rare enough to be confirmed at source (the EDC saves it
 * and raises a query); a value in another accepted unit is converted before it is compared. Every analyte
 * of LAB_ANALYTES has a row.
 */
export const LAB_PLAUSIBILITY_VERSION = 'trialkit-lab-plausibility-v1';

export interface LabPlausibilityLimit {
  readonly analyte: LabAnalyte;
  /** The unit of low and high: the analyte's SI unit. */
  readonly unit: string;
  readonly low?: number;
  readonly high?: number;
  /** Why the limit is where it is, shown in the query text. */
  readonly note: string;
  /**
   * Beyond these (same unit) the value is physically impossible, not merely rare: the EDC refuses it (422)
   * instead of raising a query. Only where physiology sets a bound; most analytes have none.
   */
  readonly impossible?: { readonly low?: number; readonly high?: number; readonly note: string };
}

export const LAB_PLAUSIBILITY_LIMITS: readonly LabPlausibilityLimit[] = Object.freeze(
  [
    { analyte: 'neutrophils', unit: '10^9/L', high: 100, note: 'a neutrophil count above 100 x 10^9/L (leukaemoid reaction range) is exceptional' },
    { analyte: 'leukocytes', unit: '10^9/L', high: 1000, note: 'beyond the most extreme hyperleukocytosis reported' },
    { analyte: 'lymphocytes', unit: '10^9/L', high: 1000, note: 'beyond the most extreme lymphocytosis reported' },
    { analyte: 'platelets', unit: '10^9/L', high: 3000, note: 'beyond extreme thrombocytosis' },
    {
      analyte: 'hemoglobin',
      unit: 'g/L',
      low: 20,
      high: 250,
      note: 'below 20 g/L or above 250 g/L is not compatible with a living outpatient',
      // whole blood cannot hold more haemoglobin than its red cells do (MCHC at most about 370 g/L), even at a haematocrit of 100%
      impossible: { high: 370, note: 'whole blood cannot hold more haemoglobin than packed red cells (MCHC about 370 g/L)' },
    },
    { analyte: 'potassium', unit: 'mmol/L', low: 1, high: 10, note: 'outside 1-10 mmol/L is not compatible with life (or a haemolysed sample)' },
    { analyte: 'calcium', unit: 'mmol/L', low: 0.5, high: 6, note: 'total calcium: beyond hypocalcaemic tetany and hypercalcaemic crisis' },
    { analyte: 'bilirubin', unit: 'umol/L', high: 1000, note: 'total bilirubin above about 58 mg/dL is exceptional' },
    { analyte: 'alt', unit: 'U/L', high: 20000, note: 'beyond ischaemic or toxic hepatitis' },
    { analyte: 'ast', unit: 'U/L', high: 20000, note: 'beyond ischaemic or toxic hepatitis' },
    { analyte: 'creatinine', unit: 'umol/L', low: 10, high: 3000, note: 'beyond end-stage renal failure and extreme sarcopenia' },
    { analyte: 'uricAcid', unit: 'umol/L', high: 2500, note: 'beyond tumour lysis syndrome' },
    { analyte: 'albumin', unit: 'g/L', low: 5, high: 70, note: 'beyond nephrotic syndrome and dehydration' },
    { analyte: 'totalProtein', unit: 'g/L', low: 20, high: 250, note: 'a paraprotein rarely brings total protein above 150 g/L' },
    { analyte: 'beta2Microglobulin', unit: 'mg/L', high: 200, note: 'beyond a high tumour burden with renal failure' },
    { analyte: 'ldh', unit: 'U/L', low: 20, high: 50000, note: 'beyond haemolysis and tumour lysis' },
  ].map((row) => Object.freeze(row as LabPlausibilityLimit)),
);

/** The plausibility limit of an analyte, or undefined. */
export function labPlausibilityLimit(analyte: string): LabPlausibilityLimit | undefined {
  return LAB_PLAUSIBILITY_LIMITS.find((row) => row.analyte === analyte);
}
