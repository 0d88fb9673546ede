/**
 * The laboratory analytes trialkit grades and stages with, and the SI unit each is compared in. CTCAE v5.0
 * (NCI, 2017) states its laboratory thresholds in SI units, and the staging systems (ISS, R-ISS) use
 * mg/L for beta2-microglobulin and g/L for albumin, so SI is the one unit every rule is written in.
 */
export type LabAnalyte =
  | 'neutrophils'
  | 'leukocytes'
  | 'platelets'
  | 'lymphocytes'
  | 'hemoglobin'
  | 'potassium'
  | 'bilirubin'
  | 'alt'
  | 'ast'
  | 'creatinine'
  | 'uricAcid'
  | 'albumin'
  | 'totalProtein'
  | 'beta2Microglobulin'
  | 'ldh'
  | 'calcium';

export const STANDARD_UNITS: Readonly<Record<LabAnalyte, string>> = Object.freeze({
  neutrophils: '10^9/L',
  leukocytes: '10^9/L',
  platelets: '10^9/L',
  lymphocytes: '10^9/L',
  hemoglobin: 'g/L',
  potassium: 'mmol/L',
  bilirubin: 'umol/L',
  alt: 'U/L',
  ast: 'U/L',
  creatinine: 'umol/L',
  uricAcid: 'umol/L',
  albumin: 'g/L',
  totalProtein: 'g/L',
  beta2Microglobulin: 'mg/L',
  ldh: 'U/L',
  calcium: 'mmol/L',
});

export const LAB_ANALYTES: readonly LabAnalyte[] = Object.freeze(Object.keys(STANDARD_UNITS) as LabAnalyte[]);

export function isLabAnalyte(value: unknown): value is LabAnalyte {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(STANDARD_UNITS, value);
}
